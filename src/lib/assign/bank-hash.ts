// Identifies one version of a bank's content, so a code made for another version is refused
// instead of silently pointing at the wrong questions. Codes refer to items by their index in
// the sorted id list, and receipts to options by their index, so everything those indices
// depend on is hashed.
import type { Bank, BankItem } from '../bank/types';
import { hash53 } from './hash';

/** What codecs need to know about a bank: its identity and how to find items by index. */
export interface BankKey {
	packId: string;
	/** 11 base36 characters; changes when any item id, type, answer or option changes. */
	hash: string;
	/** Every item id, sorted by code unit, so the same bank gives the same indices everywhere. */
	itemIds: readonly string[];
	indexById: ReadonlyMap<string, number>;
	itemsById: ReadonlyMap<string, BankItem>;
}

// decoders run once per pasted receipt (and 10,000 times in fuzz tests): hash each bank once
const keys = new WeakMap<Bank, BankKey>();

/** The key of `bank`, computed once per bank object. */
export function bankKey(bank: Bank): BankKey {
	const cached = keys.get(bank);
	if (cached) return cached;
	const items = [...bank.items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const key: BankKey = {
		packId: bank.pack.id,
		hash: bankHash(bank),
		itemIds: items.map((item) => item.id),
		indexById: new Map(items.map((item, index) => [item.id, index])),
		itemsById: new Map(items.map((item) => [item.id, item]))
	};
	keys.set(bank, key);
	return key;
}

/** A short stable hash of the bank's content version (pack id, version, items' ids and answers). */
export function bankHash(bank: Bank): string {
	const items = [...bank.items]
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((item) => [item.id, item.type, item.answer, item.options, item.pairs, item.sequence]);
	return hash53(JSON.stringify([bank.pack.id, bank.pack.version, items]));
}

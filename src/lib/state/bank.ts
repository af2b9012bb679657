// The question banks, each loaded once per visit and shared by every page that needs it, and
// which article the learner studies. The choice lives in localStorage, read synchronously, so
// a page knows which bank to fetch before any database opens; it is a preference, like the
// theme, not progress.
import { loadCatalog, type Catalog } from '$lib/bank/catalog';
import { loadBank } from '$lib/bank/loader';
import type { Bank } from '$lib/bank/types';

/** The pack the app ships with and studies until the learner chooses another. */
export const DEFAULT_PACK_ID = 'france-mali-2025';
const CHOICE_KEY = 'sahel-brief:pack';

const pending = new Map<string, Promise<Bank>>();
let catalog: Promise<Catalog> | undefined;

/** The pack the learner chose to study (the default when none was chosen). */
export function chosenPackId(): string {
	try {
		return globalThis.localStorage?.getItem(CHOICE_KEY) || DEFAULT_PACK_ID;
	} catch {
		return DEFAULT_PACK_ID; // storage blocked: study the default
	}
}

/** Studies `packId` from now on (every page reads the choice when it loads). */
export function choosePack(packId: string): void {
	try {
		if (packId === DEFAULT_PACK_ID) localStorage.removeItem(CHOICE_KEY);
		else localStorage.setItem(CHOICE_KEY, packId);
	} catch {
		// storage blocked: the choice lasts until the page is left
	}
}

/**
 * The bank of `packId` (the chosen pack by default), fetched (from the precache when offline)
 * and validated on first use. A chosen pack that is no longer served is forgotten, and the
 * default is studied instead of a page that cannot open.
 */
export function getBank(packId: string = chosenPackId()): Promise<Bank> {
	let bank = pending.get(packId);
	if (!bank) {
		bank = loadBank(packId).catch((error: unknown) => {
			pending.delete(packId); // let the next page try again
			if (packId !== DEFAULT_PACK_ID && packId === chosenPackId()) {
				choosePack(DEFAULT_PACK_ID);
				return getBank(DEFAULT_PACK_ID);
			}
			throw error;
		});
		pending.set(packId, bank);
	}
	return bank;
}

/** The articles this build offers (static/bank/index.json). */
export function getCatalog(): Promise<Catalog> {
	catalog ??= loadCatalog().catch((error: unknown) => {
		catalog = undefined;
		throw error;
	});
	return catalog;
}

/**
 * Every item's pack, over every pack this build offers (what a backup writes on each study
 * row), and the packs the app has (what a backup may name). Never fails: a backup must be
 * possible even when a bank cannot load, so what cannot be read is simply not named.
 */
export async function packOfItems(): Promise<{
	packs: Map<string, string>;
	known: Set<string> | undefined;
}> {
	const listed = await getCatalog().then(
		(c) => c.packs.map((p) => p.id),
		() => undefined
	);
	const settled = await Promise.allSettled((listed ?? [chosenPackId()]).map((id) => getBank(id)));
	const packs = new Map<string, string>();
	for (const result of settled) {
		if (result.status !== 'fulfilled') continue;
		for (const item of result.value.items) packs.set(item.id, result.value.pack.id);
	}
	return { packs, known: listed && new Set(listed) };
}

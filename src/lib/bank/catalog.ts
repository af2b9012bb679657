// The index of packs, static/bank/index.json: which articles the app can offer, so a new
// folder under questions/ reaches learners without a code change. Written by `npm run bank`,
// read by the app with loadCatalog.
import * as v from 'valibot';
import { BankError } from './errors';
import { BANK_SCHEMA_VERSION, type Bank } from './types';

/** One pack as the index lists it. */
export interface CatalogEntry {
	id: string;
	title: string;
	version: string;
	facts: number;
	items: number;
	/** The bank file, relative to /bank/. */
	bank: string;
	/** The map file, when the pack has map questions. */
	map?: string;
}

export interface Catalog {
	schemaVersion: number;
	packs: CatalogEntry[];
}

const CatalogSchema = v.object({
	schemaVersion: v.literal(BANK_SCHEMA_VERSION),
	packs: v.array(
		v.object({
			id: v.string(),
			title: v.string(),
			version: v.string(),
			facts: v.number(),
			items: v.number(),
			bank: v.string(),
			map: v.optional(v.string())
		})
	)
});

/** The index of the given banks, by pack id. */
export function buildCatalog(banks: readonly { bank: Bank; hasMap: boolean }[]): Catalog {
	const packs = banks
		.map(({ bank, hasMap }) => {
			const entry: CatalogEntry = {
				id: bank.pack.id,
				title: bank.pack.title,
				version: bank.pack.version,
				facts: bank.facts.length,
				items: bank.items.length,
				bank: `${bank.pack.id}.json`
			};
			if (hasMap) entry.map = `${bank.pack.id}-map.json`;
			return entry;
		})
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { schemaVersion: BANK_SCHEMA_VERSION, packs };
}

/** The index as JSON, one pack per line. */
export function formatCatalog(catalog: Catalog): string {
	const lines = catalog.packs.map((p) => JSON.stringify(p)).join(',\n');
	return `{"schemaVersion":${catalog.schemaVersion},"packs":[\n${lines}\n]}\n`;
}

/**
 * Item ids two packs share. Progress is stored by item id, so ids must be unique across
 * packs for each pack's progress to stay apart.
 */
export function sharedItemIds(banks: readonly Bank[]): { id: string; packs: string[] }[] {
	return shared(banks, (bank) => bank.items.map((item) => item.id));
}

/**
 * Fact ids two packs share. A wrong quiz answer makes the cards of its fact due, so a fact id
 * in two packs would reach into the other article's schedule.
 */
export function sharedFactIds(banks: readonly Bank[]): { id: string; packs: string[] }[] {
	return shared(banks, (bank) => bank.facts.map((fact) => fact.id));
}

function shared(banks: readonly Bank[], idsOf: (bank: Bank) => string[]) {
	const owners = new Map<string, string[]>();
	for (const bank of banks)
		for (const id of new Set(idsOf(bank)))
			owners.set(id, [...(owners.get(id) ?? []), bank.pack.id]);
	return [...owners].filter(([, packs]) => packs.length > 1).map(([id, packs]) => ({ id, packs }));
}

/** Loads and validates /bank/index.json. */
export async function loadCatalog(
	fetchFn: (input: string) => Promise<Response> = fetch,
	{ base = '' }: { base?: string } = {}
): Promise<Catalog> {
	let data: unknown;
	try {
		const response = await fetchFn(`${base}/bank/index.json`);
		if (!response.ok)
			throw new BankError(
				'missing',
				`The list of articles was not found (HTTP ${response.status}).`
			);
		data = await response.json();
	} catch (cause) {
		if (cause instanceof BankError) throw cause;
		throw new BankError('missing', 'The list of articles could not be read.', { cause });
	}
	const result = v.safeParse(CatalogSchema, data);
	if (!result.success) throw new BankError('malformed', 'The list of articles is damaged.');
	return result.output;
}

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
/** The choice when localStorage refuses it (private modes, blocked storage): for this visit. */
let unsaved: string | undefined;

/** The pack the learner chose to study (the default when none was chosen). */
export function chosenPackId(): string {
	if (unsaved !== undefined) return unsaved;
	try {
		return globalThis.localStorage?.getItem(CHOICE_KEY) || DEFAULT_PACK_ID;
	} catch {
		return DEFAULT_PACK_ID;
	}
}

/** Studies `packId` from now on (every page reads the choice when it loads). */
export function choosePack(packId: string): void {
	try {
		if (packId === DEFAULT_PACK_ID) localStorage.removeItem(CHOICE_KEY);
		else localStorage.setItem(CHOICE_KEY, packId);
		unsaved = undefined;
	} catch {
		unsaved = packId; // storage blocked: the choice lasts until the page is left
	}
}

/**
 * The bank of `packId`, fetched (from the precache when offline) and validated on first use.
 * Without `packId`, the chosen pack's; if the build no longer lists that pack, the choice is
 * forgotten and the default studied, rather than a page that cannot open. A pack asked for by
 * name (an assignment's) is never swapped for another.
 */
export function getBank(packId?: string): Promise<Bank> {
	if (packId === undefined) return chosenBank();
	let bank = pending.get(packId);
	if (!bank) {
		bank = loadBank(packId).catch((error: unknown) => {
			pending.delete(packId); // let the next page try again
			throw error;
		});
		pending.set(packId, bank);
	}
	return bank;
}

async function chosenBank(): Promise<Bank> {
	const chosen = chosenPackId();
	try {
		return await getBank(chosen);
	} catch (error) {
		if (chosen === DEFAULT_PACK_ID || (await isListed(chosen))) throw error;
		choosePack(DEFAULT_PACK_ID);
		return getBank(DEFAULT_PACK_ID);
	}
}

/** Whether the build's index lists `packId`; true when the index cannot be read either. */
async function isListed(packId: string): Promise<boolean> {
	try {
		return (await getCatalog()).packs.some((pack) => pack.id === packId);
	} catch {
		return true;
	}
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

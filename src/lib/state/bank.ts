// The question bank, loaded once per visit and shared by every page that needs it.
import { loadBank } from '$lib/bank/loader';
import type { Bank } from '$lib/bank/types';

/** The pack this app ships with. */
export const PACK_ID = 'france-mali-2025';

let pending: Promise<Bank> | undefined;

/** The bank, fetched (from the precache when offline) and validated on first use. */
export function getBank(): Promise<Bank> {
	pending ??= loadBank(PACK_ID).catch((error: unknown) => {
		pending = undefined; // let the next page try again
		throw error;
	});
	return pending;
}

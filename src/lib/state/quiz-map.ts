// The pack's map, fetched only when a map question first shows (it is the heaviest file
// of the bank), then kept for the rest of the visit.
import { loadBankMap } from '$lib/bank/loader';
import type { BankMap } from '$lib/bank/types';
import { PACK_ID } from './bank';

let pending: Promise<BankMap> | undefined;

/** The map of the shipped pack, loaded on first use. */
export function getBankMap(): Promise<BankMap> {
	pending ??= loadBankMap(PACK_ID).catch((error: unknown) => {
		pending = undefined; // let the next question try again
		throw error;
	});
	return pending;
}

// The pack's map, fetched only when a map question first shows (it is the heaviest file
// of the bank), then kept for the rest of the visit.
import { loadBankMap } from '$lib/bank/map-loader';
import type { BankMap } from '$lib/bank/types';
import { chosenPackId } from './bank';

const pending = new Map<string, Promise<BankMap>>();

/** The map of `packId` (the chosen pack by default), loaded on first use. */
export function getBankMap(packId: string = chosenPackId()): Promise<BankMap> {
	let map = pending.get(packId);
	if (!map) {
		map = loadBankMap(packId).catch((error: unknown) => {
			pending.delete(packId); // let the next question try again
			throw error;
		});
		pending.set(packId, map);
	}
	return map;
}

// Loads a bank's map in the app (only map questions need it), with the bank loader's checks.
import { checked, fetchJson, type FetchFn, type LoadOptions } from './loader';
import { BankMapSchema } from './map-schema';
import type { BankMap } from './types';

/** Loads and validates /bank/<packId>-map.json (only map questions need it). */
export async function loadBankMap(
	packId: string,
	fetchFn: FetchFn = fetch,
	{ base = '' }: LoadOptions = {}
): Promise<BankMap> {
	const what = `map of "${packId}"`;
	const data = await fetchJson(`${base}/bank/${packId}-map.json`, what, fetchFn);
	return checked(data, what, BankMapSchema) as BankMap;
}

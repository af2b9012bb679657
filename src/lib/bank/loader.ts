// Loads a generated bank (or its map) in the app. The files are precached, so this works
// offline; every failure becomes a BankError the page can explain.
import * as v from 'valibot';
import { BankSchema } from './bank-schema';
import { BankError } from './errors';
import { BANK_SCHEMA_VERSION, type Bank } from './types';

export type FetchFn = (input: string) => Promise<Response>;

/** Where to fetch from: `base` is the app's base path (SvelteKit `paths.base`). */
export interface LoadOptions {
	base?: string;
}

/** Fetches JSON, turning network failures, non-2xx answers and bad JSON into BankErrors. */
export async function fetchJson(url: string, what: string, fetchFn: FetchFn): Promise<unknown> {
	let response: Response;
	try {
		response = await fetchFn(url);
	} catch (cause) {
		throw new BankError('missing', `The ${what} could not be downloaded; check your connection.`, {
			cause
		});
	}
	if (!response.ok) {
		throw new BankError('missing', `The ${what} was not found (HTTP ${response.status}).`);
	}
	try {
		return await response.json();
	} catch (cause) {
		throw new BankError('malformed', `The ${what} is not valid JSON.`, { cause });
	}
}

/** Checks the schema version first, so an old app gets a clear message about a new file. */
export function checked<T>(data: unknown, what: string, schema: v.GenericSchema<unknown, T>): T {
	const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
	if (typeof data !== 'object' || data === null || typeof version !== 'number') {
		throw new BankError('malformed', `The ${what} has no schema version.`);
	}
	if (version !== BANK_SCHEMA_VERSION) {
		throw new BankError(
			'schema-version',
			`The ${what} uses schema version ${version}, but this app reads version ${BANK_SCHEMA_VERSION}; update the app.`
		);
	}
	const result = v.safeParse(schema, data);
	if (!result.success) {
		const issue = result.issues[0];
		const path = v.getDotPath(issue) ?? 'the top level';
		throw new BankError('malformed', `The ${what} is damaged: ${path} is not as expected.`);
	}
	return result.output;
}

/** Loads and validates /bank/<packId>.json. */
export async function loadBank(
	packId: string,
	fetchFn: FetchFn = fetch,
	{ base = '' }: LoadOptions = {}
): Promise<Bank> {
	const what = `question bank "${packId}"`;
	const data = await fetchJson(`${base}/bank/${packId}.json`, what, fetchFn);
	const bank = checked(data, what, BankSchema) as Bank;
	if (bank.pack.id !== packId) {
		throw new BankError('malformed', `The ${what} contains the pack "${bank.pack.id}" instead.`);
	}
	return bank;
}

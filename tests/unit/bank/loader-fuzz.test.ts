// 10,000 random and mutated bank files: the loader answers each with a bank or a BankError,
// never another exception.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { BankError } from '../../../src/lib/bank/errors';
import { loadBank } from '../../../src/lib/bank/loader';
import type { Bank } from '../../../src/lib/bank/types';
import { REAL_PACK, ROOT } from './fixtures';

const real = JSON.parse(
	readFileSync(join(ROOT, 'static', 'bank', `${REAL_PACK}.json`), 'utf8')
) as Bank;
// a small valid bank keeps 10,000 runs fast; its shape is the real one
const small: Bank = { ...real, facts: real.facts.slice(0, 3), items: real.items.slice(0, 6) };
const smallText = JSON.stringify(small);

/** Loads `body` as the bank file; resolves to 'ok' or the BankError code, rethrows anything else. */
async function outcome(body: string): Promise<string> {
	try {
		await loadBank(REAL_PACK, async () => new Response(body));
		return 'ok';
	} catch (error) {
		if (error instanceof BankError) return error.code;
		throw error;
	}
}

/** A copy of `value` with the node at a random path replaced by `replacement`. */
function replaceAt(value: unknown, path: number[], replacement: unknown): unknown {
	if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
	const entries = Object.entries(value as Record<string, unknown>);
	if (entries.length === 0) return replacement;
	const [step, ...rest] = path;
	const index = step! % entries.length;
	const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
		? [...value]
		: { ...value };
	const key = entries[index]![0];
	(copy as Record<string, unknown>)[key] = replaceAt(entries[index]![1], rest, replacement);
	return copy;
}

test('the small bank itself loads', async () => {
	expect(await outcome(smallText)).toBe('ok');
});

test('random text, truncations and byte flips give only BankErrors', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.oneof(
				fc.string(),
				fc.nat(smallText.length).map((n) => smallText.slice(0, n)),
				fc
					.tuple(fc.nat(smallText.length - 1), fc.integer({ min: 32, max: 126 }))
					.map(
						([at, code]) =>
							smallText.slice(0, at) + String.fromCharCode(code) + smallText.slice(at + 1)
					)
			),
			async (body) => {
				expect(['ok', 'malformed', 'schema-version', 'missing']).toContain(await outcome(body));
			}
		),
		{ numRuns: 5000 }
	);
}, 60_000);

test('valid JSON with any node replaced by any value gives only BankErrors', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
			fc.jsonValue({ maxDepth: 2 }),
			async (path, replacement) => {
				const body = JSON.stringify(replaceAt(small, path, replacement));
				expect(['ok', 'malformed', 'schema-version']).toContain(await outcome(body));
			}
		),
		{ numRuns: 5000 }
	);
}, 60_000);

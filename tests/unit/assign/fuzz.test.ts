// Every decoder, fed 10,000 random and mutated codes, either decodes or throws AssignError:
// never a TypeError, a RangeError from fflate, or a valibot exception.
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { decodeAssignment, encodeAssignment } from '../../../src/lib/assign/assignment-code';
import { packCode } from '../../../src/lib/assign/code-text';
import { AssignError } from '../../../src/lib/assign/errors';
import { importReceipts } from '../../../src/lib/assign/gradebook';
import { decodeReceipt, encodeReceipt } from '../../../src/lib/assign/receipt-code';
import { assignment, BANK, HOSTILE, receipt } from './fixtures';

const A = assignment({ due: '2025-10-03T00:00:00.000Z', timeLimitSec: 600 });
const VALID = [
	encodeAssignment(A, BANK),
	encodeAssignment(assignment({ itemIds: ['timeline:ordering'], instructions: '' }), BANK),
	encodeReceipt(receipt({}, A), A, BANK),
	encodeReceipt(receipt({ claimedScore: 100, answers: Array(10).fill(null) }, A), A, BANK)
];
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const toB64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromB64 = (code: string) => new Uint8Array(Buffer.from(code, 'base64url'));
const validTuple = (code: string) =>
	JSON.parse(new TextDecoder().decode(inflateSync(fromB64(code)))) as unknown[];

const valid = fc.constantFrom(...VALID);
const hostileInputs = fc.oneof(
	fc.string({ maxLength: 200 }),
	fc.string({ maxLength: 2000, unit: 'binary' }),
	fc.string({ maxLength: 300, unit: fc.constantFrom(...B64) }),
	fc.constantFrom(...HOSTILE, '', '#', '{"code": 5}', '{"code": "%%%"}', '\u{1F600}'.repeat(50)),
	// truncations
	fc.tuple(valid, fc.nat()).map(([c, n]) => c.slice(0, n % c.length)),
	// one character changed to another of the alphabet
	fc
		.tuple(valid, fc.nat(), fc.constantFrom(...B64))
		.map(([c, n, ch]) => c.slice(0, n % c.length) + ch + c.slice((n % c.length) + 1)),
	// bit flips in the compressed bytes
	fc.tuple(valid, fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([c, flips]) => {
		const bytes = fromB64(c);
		for (const f of flips) {
			const at = f % (bytes.length * 8);
			bytes[at >> 3]! ^= 1 << (at & 7);
		}
		return toB64(bytes);
	}),
	// valid base64url of garbage, and valid deflate of garbage
	fc.uint8Array({ maxLength: 400 }).map(toB64),
	fc.uint8Array({ maxLength: 400 }).map((b) => toB64(deflateSync(b))),
	// valid deflate of the wrong JSON
	fc.jsonValue().map((json) => packCode(json)),
	fc.tuple(valid, fc.nat(), fc.jsonValue()).map(([c, n, json]) => {
		const tuple = validTuple(c);
		tuple[n % tuple.length] = json;
		return packCode(tuple);
	}),
	fc.tuple(valid, fc.nat()).map(([c, n]) => packCode(validTuple(c).slice(0, n % 20))),
	// a compression bomb: a megabyte of spaces deflates to about a kilobyte
	fc.constant(toB64(deflateSync(new Uint8Array(1 << 20).fill(32))))
);

/** Runs `decode`; anything thrown other than AssignError fails the property. */
function onlyAssignErrors(decode: (input: string) => unknown) {
	return (input: string) => {
		try {
			decode(input);
		} catch (error) {
			if (!(error instanceof AssignError)) throw error;
			expect(error.message.length).toBeGreaterThan(20);
		}
	};
}

describe('decoders fed 10,000 random and mutated codes', () => {
	test.each([
		['decodeAssignment', (input: string) => decodeAssignment(input, BANK)],
		['decodeReceipt', (input: string) => decodeReceipt(input, A, BANK)]
	])(
		'%s throws nothing but AssignError',
		(_, decode) => {
			fc.assert(fc.property(hostileInputs, onlyAssignErrors(decode)), {
				numRuns: 10_000,
				seed: 20251001
			});
		},
		60_000
	);

	test('importReceipts refuses each of them with an AssignError, never another error', async () => {
		await fc.assert(
			fc.asyncProperty(hostileInputs, async (input) => {
				const { refused, accepted } = await importReceipts([input], A, BANK);
				expect(refused.length + accepted.length).toBeLessThanOrEqual(1);
			}),
			{ numRuns: 10_000, seed: 20251001 }
		);
	}, 60_000);

	test('a bit flip never passes as a different valid receipt', () => {
		const code = VALID[2]!;
		const original = decodeReceipt(code, A, BANK);
		fc.assert(
			fc.property(fc.nat(), (n) => {
				const bytes = fromB64(code);
				const at = n % (bytes.length * 8);
				bytes[at >> 3]! ^= 1 << (at & 7);
				try {
					// a flip in the final padding bits can leave the content unchanged
					expect(decodeReceipt(toB64(bytes), A, BANK)).toEqual(original);
				} catch (error) {
					expect(error).toBeInstanceOf(AssignError);
				}
			}),
			{ numRuns: 2000 }
		);
	});
});

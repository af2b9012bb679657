import fc from 'fast-check';
import { inflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
	decodeAssignment,
	encodeAssignment,
	FEEDBACK_MODES,
	type Assignment
} from '../../../src/lib/assign/assignment-code';
import { bankHash } from '../../../src/lib/assign/bank-hash';
import { fromBase64url, packCode } from '../../../src/lib/assign/code-text';
import { AssignError, type AssignErrorCode } from '../../../src/lib/assign/errors';
import { LIMITS } from '../../../src/lib/assign/limits';
import { decodeReceipt, encodeReceipt, type Receipt } from '../../../src/lib/assign/receipt-code';
import type { Bank } from '../../../src/lib/bank/types';
import {
	assignment,
	bank,
	BANK,
	HOSTILE,
	ITEMS,
	realBank,
	receipt,
	RIGHT_ANSWERS
} from './fixtures';

/** The AssignError code `run` throws; fails the test when it throws anything else or nothing. */
function refusal(run: () => unknown): AssignErrorCode {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(AssignError);
		return (error as AssignError).code;
	}
	throw new Error('expected an AssignError');
}

const ITEM_IDS = ITEMS.map((i) => i.id);
const text = (max: number, min = 0) =>
	fc.oneof(
		fc.string({ minLength: min, maxLength: max, unit: 'binary' }),
		fc.constantFrom(...HOSTILE).filter((s) => s.length >= min && s.length <= max)
	);
const isoTime = fc
	.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
	.map((ms) => new Date(ms).toISOString());

const arbitraryAssignment: fc.Arbitrary<Assignment> = fc.record(
	{
		v: fc.constant(1 as const),
		packId: fc.constant(BANK.pack.id),
		bankHash: fc.constant(bankHash(BANK)),
		id: fc.stringMatching(/^[A-Za-z0-9_-]{4,32}$/),
		title: text(LIMITS.titleChars, 1),
		instructor: text(LIMITS.nameChars),
		instructions: text(LIMITS.instructionsChars),
		timeLimitSec: fc.option(fc.integer({ min: 1, max: LIMITS.maxTimeLimitSec }), {
			nil: undefined
		}),
		due: fc.option(isoTime, { nil: undefined }),
		attemptsAllowed: fc.integer({ min: 0, max: LIMITS.maxAttempts }),
		shuffleQuestions: fc.boolean(),
		shuffleOptions: fc.boolean(),
		feedback: fc.constantFrom(...FEEDBACK_MODES),
		passMark: fc.integer({ min: 0, max: 100 }),
		itemIds: fc.shuffledSubarray(ITEM_IDS, { minLength: 1 }),
		seed: text(LIMITS.seedChars, 1),
		createdAt: isoTime
	},
	{
		requiredKeys: [
			'v',
			'packId',
			'bankHash',
			'id',
			'title',
			'instructor',
			'instructions',
			'attemptsAllowed',
			'shuffleQuestions',
			'shuffleOptions',
			'feedback',
			'passMark',
			'itemIds',
			'seed',
			'createdAt'
		]
	}
);

/** Any answer of any kind to item `i`: right, wrong, typed text, or none. */
const arbitraryAnswer = (i: number): fc.Arbitrary<Receipt['answers'][number]> => {
	const right = RIGHT_ANSWERS[i] ?? null;
	const str = text(LIMITS.answerChars);
	return fc.oneof(
		fc.constant(right),
		fc.constant(null),
		str.map((t) => ({ kind: 'text' as const, text: t })),
		fc.oneof(str, fc.constantFrom(...(ITEMS[i]?.options ?? ['x']))).map((c) => ({
			kind: 'choice' as const,
			choice: c
		})),
		fc.array(fc.record({ left: str, right: str }), { maxLength: 5 }).map((pairs) => ({
			kind: 'matching' as const,
			pairs
		})),
		fc.array(str, { maxLength: 6 }).map((sequence) => ({ kind: 'ordering' as const, sequence }))
	);
};

const arbitraryReceipt: fc.Arbitrary<Receipt> = fc
	.tuple(
		text(LIMITS.nameChars, 1),
		isoTime,
		isoTime,
		fc.integer({ min: 1, max: 50 }),
		fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
		fc.tuple(...ITEMS.map((_, i) => arbitraryAnswer(i)))
	)
	.map(([student, startedAt, submittedAt, attempt, claimedScore, answers]) =>
		receipt({
			student,
			startedAt,
			submittedAt,
			attempt,
			answers,
			...(claimedScore === undefined ? {} : { claimedScore })
		})
	);

describe('assignment codes', () => {
	test('any valid assignment, hostile text included, comes back exactly', () => {
		fc.assert(
			fc.property(arbitraryAssignment, (a) => {
				expect(decodeAssignment(encodeAssignment(a, BANK), BANK)).toEqual(a);
			}),
			{ numRuns: 300 }
		);
	});

	test('a link with the code in its fragment decodes like the bare code', () => {
		const a = assignment({ title: '<img src=x onerror=alert(1)>' });
		const code = encodeAssignment(a, BANK);
		expect(decodeAssignment(`https://example.org/a#${code}`, BANK)).toEqual(a);
		expect(decodeAssignment(`  ${code.slice(0, 10)}\n${code.slice(10)}  `, BANK)).toEqual(a);
	});

	test('a 20-question link from the real bank ids stays under 600 characters', () => {
		const real = realBank() ?? longIdBank();
		const ids = [...real.items.map((i) => i.id)].sort();
		// spread over the whole id list, so indices have up to three digits
		const itemIds = Array.from(
			{ length: 20 },
			(_, k) => ids[Math.floor((k * ids.length) / 20) + (k % 3)] as string
		);
		const a = assignment(
			{
				title: 'Week 3 reading check: France-Mali cooperation collapse and Sahel security',
				instructor: 'Dr Aminata Ouédraogo',
				instructions:
					'Read the whole article before you start. You have 20 minutes and two attempts; the better one counts. Answer in English, and hand in your receipt by Friday.',
				timeLimitSec: 1200,
				due: '2025-10-10T17:00:00.000Z',
				itemIds,
				seed: 'x7Gk2pQz'
			},
			real
		);
		const link = `https://example.org/a#${encodeAssignment(a, real)}`;
		console.info(`20-question assignment link: ${link.length} characters`);
		expect(link.length).toBeLessThan(600);
		expect(decodeAssignment(link, real).itemIds).toEqual(itemIds);
	});

	test('an encoder refuses what its decoder would refuse', () => {
		expect(refusal(() => encodeAssignment(assignment({ itemIds: ['no-such:item'] }), BANK))).toBe(
			'invalid'
		);
		expect(refusal(() => encodeAssignment(assignment({ title: 'x'.repeat(121) }), BANK))).toBe(
			'invalid'
		);
		expect(refusal(() => encodeAssignment(assignment({ due: 'next Friday' }), BANK))).toBe(
			'invalid'
		);
		expect(refusal(() => encodeAssignment(assignment({ bankHash: 'aaaaaaaaaaa' }), BANK))).toBe(
			'wrong-bank'
		);
	});

	test.each<[string, (code: string) => string, AssignErrorCode]>([
		['empty', () => '   ', 'empty'],
		['a bare link', () => 'https://example.org/a#', 'empty'],
		['oversized', () => 'A'.repeat(LIMITS.assignmentCodeChars + 1), 'too-long'],
		['with foreign characters', (c) => `${c.slice(0, 5)}+/=${c.slice(5)}`, 'not-base64url'],
		['cut short', (c) => c.slice(0, Math.floor(c.length / 2)), 'corrupt'],
		['a receipt', () => encodeReceipt(receipt(), assignment(), BANK), 'wrong-kind'],
		['a future version', () => packCode(['A', 3]), 'unknown-version'],
		['not a tuple', () => packCode({ title: 'x' }), 'invalid'],
		['an item index past the bank', () => packCode(tuple({ 14: [999] })), 'invalid'],
		['a repeated item', () => packCode(tuple({ 14: [1, 1] })), 'invalid'],
		[
			'another bank version',
			() => packCode(tuple({ 3: bankHash(bank(ITEMS, '2.0.0')) })),
			'wrong-bank'
		],
		['a script in the id', () => packCode(tuple({ 4: '<script>' })), 'invalid']
	])('a code %s is refused', (_, make, code) => {
		expect(refusal(() => decodeAssignment(make(encodeAssignment(assignment(), BANK)), BANK))).toBe(
			code
		);
	});

	test('changing any item answer changes the bank hash', () => {
		const changed = ITEMS.map((i, k) => (k === 3 ? { ...i, answer: 'Niger' } : i));
		expect(bankHash(bank(changed))).not.toBe(bankHash(BANK));
		expect(bankHash(bank([...ITEMS].reverse()))).toBe(bankHash(BANK));
	});
});

describe('receipt codes', () => {
	const a = assignment();

	test('any receipt, hostile text and odd answers included, comes back exactly', () => {
		fc.assert(
			fc.property(arbitraryReceipt, (r) => {
				expect(decodeReceipt(encodeReceipt(r, a, BANK), a, BANK)).toEqual(r);
			}),
			{ numRuns: 300 }
		);
	});

	test('an overlong typed answer is cut to the limit, never refused', () => {
		const answers = RIGHT_ANSWERS.map((x, i) =>
			i === 4 ? { kind: 'text' as const, text: 'é'.repeat(900) } : x
		);
		const back = decodeReceipt(encodeReceipt(receipt({ answers }), a, BANK), a, BANK);
		expect(back.answers[4]).toEqual({ kind: 'text', text: 'é'.repeat(LIMITS.answerChars) });
	});

	test.each<[string, () => string, AssignErrorCode]>([
		[
			'for another assignment',
			() =>
				encodeReceipt(
					receipt({}, assignment({ id: 'other-id' })),
					assignment({ id: 'other-id' }),
					BANK
				),
			'wrong-assignment'
		],
		[
			'for another bank version',
			() => {
				const b2 = bank(ITEMS, '2.0.0');
				const a2 = assignment({}, b2);
				return encodeReceipt(receipt({}, a2), a2, b2);
			},
			'wrong-bank'
		],
		['with an edited name', () => editReceipt(5, 'Top Student'), 'tampered'],
		[
			'with an edited answer',
			() => editReceipt(9, [[1, 'Mali'], ...Array(9).fill(null)]),
			'tampered'
		],
		[
			'with an edited seed key',
			() => encodeReceipt(receipt(), { ...a, seed: 'guessed' }, BANK),
			'tampered'
		],
		['an assignment', () => encodeAssignment(a, BANK), 'wrong-kind'],
		['of a future version', () => packCode(['R', 9]), 'unknown-version']
	])('a receipt %s is refused', (_, make, code) => {
		expect(refusal(() => decodeReceipt(make(), a, BANK))).toBe(code);
	});

	/** The receipt's compact tuple with field `at` replaced, its checksum left as it was. */
	function editReceipt(at: number, value: unknown): string {
		const tuple = JSON.parse(
			new TextDecoder().decode(inflate(encodeReceipt(receipt(), a, BANK)))
		) as unknown[];
		tuple[at] = value;
		return packCode(tuple);
	}
});

/** The default assignment's compact tuple with some fields replaced. */
function tuple(changes: Record<number, unknown>): unknown[] {
	const t = JSON.parse(
		new TextDecoder().decode(inflate(encodeAssignment(assignment(), BANK)))
	) as unknown[];
	for (const [at, value] of Object.entries(changes)) t[Number(at)] = value;
	return t;
}

function inflate(code: string): Uint8Array {
	return inflateSync(Buffer.from(code, 'base64url'));
}

/** A bank as large as the real one with ids as long, for when it is not generated yet. */
function longIdBank(): Bank {
	return bank(
		Array.from({ length: 324 }, (_, k) => ({
			...ITEMS[0]!,
			id: `a-fairly-long-fact-identifier-${k}:flashcard`
		}))
	);
}

/** The positional tuple inside an assignment code. */
const compactOf = (code: string) =>
	JSON.parse(new TextDecoder().decode(inflateSync(fromBase64url(code)))) as unknown[];

describe('an assignment with a class channel', () => {
	const CHANNEL = {
		origin: 'wss://sync.example.org',
		dropToken: '0123456789ABCDEFGHJKMNPQR0',
		instructorKey: 'B'.repeat(87)
	};

	test('round-trips as version 2, channel and all', () => {
		const a = assignment({ channel: CHANNEL });
		const code = encodeAssignment(a, BANK);
		expect(compactOf(code)[1]).toBe(2);
		expect(decodeAssignment(code, BANK)).toEqual(a);
	});

	test('is still written as version 1 without a channel, so older apps open it', () => {
		const a = assignment();
		const code = encodeAssignment(a, BANK);
		const compact = compactOf(code);
		expect(compact[1]).toBe(1);
		expect(compact).toHaveLength(17);
		expect(decodeAssignment(code, BANK).channel).toBeUndefined();
	});

	test('a version 1 code made before the channel existed still opens', () => {
		const a = assignment();
		const compact = compactOf(encodeAssignment(a, BANK));
		expect(decodeAssignment(packCode(compact), BANK)).toEqual(a);
		// a channel tacked onto a version 1 code is not read as one
		expect(
			refusal(() =>
				decodeAssignment(
					packCode([...compact, [CHANNEL.origin, CHANNEL.dropToken, CHANNEL.instructorKey]]),
					BANK
				)
			)
		).toBe('invalid');
	});

	test.each([
		['an origin with a path', { origin: 'wss://sync.example.org/x' }],
		['an http origin', { origin: 'https://sync.example.org' }],
		['a short drop token', { dropToken: '0123' }],
		['a drop token with a U', { dropToken: 'U123456789ABCDEFGHJKMNPQR0' }],
		['a short key', { instructorKey: 'B'.repeat(86) }]
	])('with %s is refused, and never made', (_name, change) => {
		const a = assignment({ channel: { ...CHANNEL, ...change } });
		expect(refusal(() => encodeAssignment(a, BANK))).toBe('invalid');
		const good = compactOf(encodeAssignment(assignment({ channel: CHANNEL }), BANK));
		const bad = { ...CHANNEL, ...change };
		good[17] = [bad.origin, bad.dropToken, bad.instructorKey];
		expect(refusal(() => decodeAssignment(packCode(good), BANK))).toBe('invalid');
	});

	test('version 2 without its channel, and version 3, are refused', () => {
		const compact = compactOf(encodeAssignment(assignment(), BANK));
		expect(
			refusal(() => decodeAssignment(packCode([compact[0], 2, ...compact.slice(2)]), BANK))
		).toBe('invalid');
		expect(
			refusal(() => decodeAssignment(packCode([compact[0], 3, ...compact.slice(2)]), BANK))
		).toBe('unknown-version');
	});
});

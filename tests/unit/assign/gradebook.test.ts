import { describe, expect, test } from 'vitest';
import { encodeReceipt, type Receipt } from '../../../src/lib/assign/receipt-code';
import { importReceipts, scoreSubmission } from '../../../src/lib/assign/gradebook';
import { assignment, BANK, ITEMS, receipt, RIGHT_ANSWERS } from './fixtures';

const A = assignment({ due: '2025-10-02T09:10:00.000Z', passMark: 60 });
const code = (overrides: Partial<Receipt> = {}) => encodeReceipt(receipt(overrides, A), A, BANK);
const WRONG: Receipt['answers'] = ITEMS.map(() => ({ kind: 'text', text: 'no idea' }));

describe('scoreSubmission', () => {
	test('all right answers score 100% and pass', () => {
		const score = scoreSubmission(A, BANK, receipt({}, A));
		expect(score).toMatchObject({ points: 10, total: 10, right: 10, percent: 100, passed: true });
	});

	test('a lying claimedScore is ignored: the answers decide', () => {
		const score = scoreSubmission(A, BANK, receipt({ answers: WRONG, claimedScore: 100 }, A));
		expect(score).toMatchObject({ points: 0, right: 0, percent: 0, passed: false });
	});

	test('partial credit and unanswered questions count as gradeItem says', () => {
		const answers = [...RIGHT_ANSWERS];
		answers[0] = null; // mcq unanswered
		answers[8] = {
			kind: 'matching',
			pairs: [
				{ left: 'Serval', right: '2013' },
				{ left: 'Barkhane', right: '2020-2022' },
				{ left: 'Takuba', right: '2014-2022' }
			]
		}; // 1 of 3 pairs
		const score = scoreSubmission(A, BANK, receipt({ answers }, A));
		expect(score.questions[0]).toMatchObject({ answered: false, grade: { score: 0 } });
		expect(score.questions[8]?.grade.score).toBeCloseTo(1 / 3);
		expect(score.points).toBeCloseTo(8 + 1 / 3);
		expect(score.right).toBe(8);
	});

	test.each([
		['after the due date', '2025-10-02T09:12:30.000Z', true],
		['exactly at the due date', '2025-10-02T09:10:00.000Z', false],
		['before the due date', '2025-10-02T09:05:00.000Z', false]
	])('a receipt submitted %s is late: %s', (_, submittedAt, late) => {
		expect(scoreSubmission(A, BANK, receipt({ submittedAt }, A)).late).toBe(late);
	});

	test('time taken is submitted minus started, never negative; no due date means no lateness', () => {
		const noDue = assignment();
		expect(scoreSubmission(noDue, BANK, receipt({}, noDue))).toMatchObject({
			durationMs: 750_000,
			late: null
		});
		const backwards = receipt({ submittedAt: '2025-10-02T08:00:00.000Z' }, noDue);
		expect(scoreSubmission(noDue, BANK, backwards).durationMs).toBe(0);
	});

	test('the pass mark is reached at exactly the mark', () => {
		const answers = RIGHT_ANSWERS.map((a, i) => (i < 6 ? a : null));
		expect(scoreSubmission(A, BANK, receipt({ answers }, A))).toMatchObject({
			percent: 60,
			passed: true
		});
	});
});

describe('importReceipts', () => {
	test('accepts good receipts and says why each other one was refused', async () => {
		const other = assignment({ id: 'another-one' });
		const first = code();
		const tampered = (() => {
			const c = code({ student: 'Binta Keita' });
			// one changed character in the middle of the code
			const at = Math.floor(c.length / 2);
			return c.slice(0, at) + (c[at] === 'A' ? 'B' : 'A') + c.slice(at + 1);
		})();
		const result = await importReceipts(
			[
				first,
				'',
				`https://example.org/r#${code({ student: 'Moussa Cissé' })}`,
				JSON.stringify({ code: code({ student: 'Fatou Sow', attempt: 2 }) }),
				first,
				code({ student: '  awa   TRAORÉ ', submittedAt: '2025-10-02T10:00:00.000Z' }),
				encodeReceipt(receipt({}, other), other, BANK),
				tampered,
				'hello'
			],
			A,
			BANK
		);
		// the same student's same attempt in another code is kept, for the review to flag
		expect(result.accepted.map((s) => s.receipt.student)).toEqual([
			'Awa Traoré',
			'Moussa Cissé',
			'Fatou Sow',
			'  awa   TRAORÉ '
		]);
		expect(result.refused.map((r) => r.code)).toEqual([
			'duplicate',
			'wrong-assignment',
			expect.stringMatching(/^(tampered|corrupt|invalid)$/),
			'corrupt'
		]);
		expect(result.refused.every((r) => r.message.endsWith('.'))).toBe(true);
	});

	test('receipts already in the gradebook are refused; a new attempt is taken', async () => {
		const existing = (await importReceipts([code()], A, BANK)).accepted;
		const again = await importReceipts([code(), code({ attempt: 2 })], A, BANK, existing);
		expect(again.refused.map((r) => r.code)).toEqual(['duplicate']);
		expect(again.accepted.map((s) => s.receipt.attempt)).toEqual([2]);
	});

	test('imported scores are recomputed, whatever the receipt claims', async () => {
		const [submission] = (
			await importReceipts([code({ answers: WRONG, claimedScore: 100 })], A, BANK)
		).accepted;
		expect(submission?.score.percent).toBe(0);
		expect(submission?.receipt.claimedScore).toBe(100);
	});
});

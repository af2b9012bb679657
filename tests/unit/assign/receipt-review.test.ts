import { describe, expect, test } from 'vitest';
import { importReceipts, type Submission } from '../../../src/lib/assign/gradebook';
import { latestAttempts } from '../../../src/lib/assign/item-analysis';
import { encodeReceipt, type Receipt } from '../../../src/lib/assign/receipt-code';
import { reviewReceipts, studentResults } from '../../../src/lib/assign/receipt-review';
import { assignment, BANK, ITEMS, receipt } from './fixtures';

const A = assignment({ attemptsAllowed: 1, timeLimitSec: 300, due: '2025-10-02T09:30:00.000Z' });
const WRONG: Receipt['answers'] = ITEMS.map(() => ({ kind: 'text', text: 'no idea' }));
const real = { startedAt: '2025-10-02T09:00:00.000Z', submittedAt: '2025-10-02T09:04:00.000Z' };
const code = (overrides: Partial<Receipt>) =>
	encodeReceipt(receipt({ ...real, ...overrides }, A), A, BANK);

async function imported(...codes: string[]): Promise<Submission[]> {
	const { accepted, refused } = await importReceipts(codes, A, BANK);
	expect(refused).toEqual([]);
	return accepted;
}

describe('a classmate cannot pin a result on another student', () => {
	test('a receipt under her name, any case, with attempt 99 does not replace her real result', async () => {
		const submissions = await imported(
			code({ student: 'Awa Traoré' }),
			code({ student: 'AWA TRAORÉ', attempt: 99, answers: WRONG })
		);
		const [standing] = latestAttempts(submissions, A);
		expect(standing?.receipt.attempt).toBe(1);
		expect(standing?.score.percent).toBe(100);
	});

	test('the attempt-99 receipt is kept and shown as a conflict, not dropped', async () => {
		const submissions = await imported(
			code({ student: 'Awa Traoré' }),
			code({ student: 'awa traoré', attempt: 99, answers: WRONG })
		);
		const [student] = studentResults(A, submissions);
		expect(student?.receipts).toHaveLength(2);
		expect(student?.conflicts).toBe(1);
		expect(student?.receipts[1]?.flags).toContain('past-attempt-limit');
	});

	test('a second receipt claiming the same attempt is kept beside the first, never over it', async () => {
		const submissions = await imported(
			code({ student: 'Awa Traoré' }),
			code({ student: 'Awa Traoré', answers: WRONG, submittedAt: '2025-10-02T09:03:00.000Z' })
		);
		const [student] = studentResults(A, submissions);
		expect(student?.result.submission.score.percent).toBe(100);
		expect(student?.receipts.map((r) => r.flags.includes('same-attempt'))).toEqual([false, true]);
	});

	test('a name with a zero-width space is the same student, and flagged', async () => {
		const submissions = await imported(
			code({ student: 'Awa Traoré' }),
			code({ student: 'Awa\u200B Traoré', attempt: 99, answers: WRONG })
		);
		const results = studentResults(A, submissions);
		expect(results).toHaveLength(1);
		expect(results[0]?.result.submission.score.percent).toBe(100);
		expect(results[0]?.receipts[1]?.flags).toContain('invisible-marks');
	});

	test('a name with a Cyrillic letter is a separate row, flagged as looking like hers', async () => {
		const submissions = await imported(
			code({ student: 'Awa Traoré' }),
			code({ student: 'Аwa Traoré', answers: WRONG })
		);
		const reviewed = reviewReceipts(A, submissions);
		expect(reviewed.map((r) => r.flags.includes('looks-alike'))).toEqual([true, true]);
		expect(reviewed[1]?.looksLike).toBe('Awa Traoré');
	});
});

describe('what the student’s clock claims is shown, never hidden', () => {
	test('a duration past the time limit is flagged', async () => {
		const [long] = reviewReceipts(
			A,
			await imported(code({ submittedAt: '2025-10-02T12:00:00.000Z' }))
		);
		expect(long?.flags).toContain('over-time');
		expect(long?.flags).toContain('late');
	});

	test('a receipt inside the limit and before the due date carries no such flag', async () => {
		const [ok] = reviewReceipts(A, await imported(code({})));
		expect(ok?.flags).not.toContain('over-time');
		expect(ok?.flags).not.toContain('late');
	});

	test('an unsigned older receipt says so, and that its settings are unknown', async () => {
		const [old] = reviewReceipts(A, await imported(code({})));
		expect(old?.flags).toEqual(['unsigned', 'settings-unknown']);
	});
});

// The student's side of an assignment, driven as the /a page drives it, on fake-indexeddb.
import Dexie from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { encodeAssignment } from '$lib/assign/assignment-code';
import { decodeReceipt } from '$lib/assign/receipt-code';
import { AssignmentTaker } from '$lib/state/assignment-take.svelte';
import { DB_NAME } from '$lib/storage/db';
import { closeDatabase, database } from '$lib/storage/repository';
import { BANK, assignment } from '../assign/fixtures';
import { choice } from '../quiz/fixtures';

vi.mock('$lib/state/bank', () => ({ getBank: async () => BANK }));

const NOW = new Date('2026-03-02T10:00:00Z');
const clock = () => NOW;
const ONE_ATTEMPT = assignment({ attemptsAllowed: 1, shuffleQuestions: false });
const LINK = `#${encodeAssignment(ONE_ATTEMPT, BANK)}`;

afterEach(async () => {
	vi.restoreAllMocks();
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

async function started(): Promise<AssignmentTaker> {
	const taker = new AssignmentTaker(clock);
	await taker.load(LINK);
	expect(taker.phase).toBe('intro');
	taker.name = 'Awa';
	await taker.start();
	expect(taker.phase).toBe('running');
	return taker;
}

describe('handing in an assignment', () => {
	test('submitting makes a receipt that decodes to the answers given, and uses the attempt', async () => {
		const taker = await started();
		taker.attempt!.setDraft(choice(BANK.items[0]!.answer));
		await taker.attempt!.finish();
		expect(taker.phase).toBe('submitted');
		const receipt = decodeReceipt(taker.receiptCode, ONE_ATTEMPT, BANK);
		expect(receipt.student).toBe('Awa');
		expect(receipt.answers[0]).toEqual(choice(BANK.items[0]!.answer));
		expect(receipt.submittedAt).toBe(NOW.toISOString());

		const again = new AssignmentTaker(clock);
		await again.load(LINK);
		expect(again.attemptsLeft).toBe(0);
	});

	test('when the receipt cannot be stored, nothing is called submitted and the attempt is not used', async () => {
		const taker = await started();
		const db = await database();
		vi.spyOn(db.attempts, 'put').mockRejectedValue(
			Object.assign(new Error('full'), { name: 'QuotaExceededError' })
		);
		await taker.attempt!.finish();
		expect(taker.phase).toBe('running');
		expect(taker.receiptCode).toBe('');
		expect(taker.attempt!.announcement).toMatch(/could not be ended: .*out of storage space/);
		expect(taker.announcement).not.toMatch(/submitted/i);
		vi.restoreAllMocks();

		const again = new AssignmentTaker(clock);
		await again.load(LINK);
		// the unfinished attempt resumes; none was used up
		expect(again.phase).toBe('running');
		expect(again.attemptsUsed).toBe(0);
	});

	test('My assignments shows a handed-in receipt again, the same code', async () => {
		const taker = await started();
		await taker.attempt!.finish();
		const code = taker.receiptCode;
		const list = new AssignmentTaker(clock);
		await list.load('');
		expect(list.phase).toBe('list');
		const [mine] = list.mine;
		expect(mine?.status).toBe('Submitted');
		await list.showReceipt(mine!.receipts[0]!.attemptId);
		expect(list.phase).toBe('submitted');
		expect(list.receiptCode).toBe(code);
	});
});

describe('trust in what a receipt says', () => {
	test('a receipt is signed by this device and names the settings it was taken under', async () => {
		const { decodeSignedReceipt } = await import('$lib/assign/receipt-code');
		const { settingsHash } = await import('$lib/assign/settings-hash');
		const taker = await started();
		await taker.attempt!.finish();
		const first = decodeSignedReceipt(taker.receiptCode, ONE_ATTEMPT, BANK);
		expect(first.receipt.settingsHash).toBe(settingsHash(ONE_ATTEMPT));
		expect(first.signed?.deviceKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
		const db = await database();
		const [stored] = await db.deviceKeys.toArray();
		expect(stored?.privateKey.extractable).toBe(false);
	});

	test('a link with a known id but other content is told, and both assignments are kept', async () => {
		const first = new AssignmentTaker(clock);
		await first.load(LINK);
		expect(first.linkChanged).toBe(false);
		const edited = { ...ONE_ATTEMPT, attemptsAllowed: 0, timeLimitSec: undefined };
		const taker = new AssignmentTaker(clock);
		await taker.load(`#${encodeAssignment(edited, BANK)}`);
		expect(taker.linkChanged).toBe(true);
		const db = await database();
		const rows = await db.assignments.where('role').equals('student').toArray();
		expect(rows.map((row) => (row.data as typeof ONE_ATTEMPT).attemptsAllowed).sort()).toEqual([
			0, 1
		]);
		// the same link opened again is not a change
		const again = new AssignmentTaker(clock);
		await again.load(LINK);
		expect(again.linkChanged).toBe(false);
	});
});

// The instructor's gradebook as its page drives it, on fake-indexeddb: receipts pasted and
// scanned (in parts, any order), refused ones storing nothing, double imports, failed saves.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { encodeAssignment } from '$lib/assign/assignment-code';
import { newDeviceKey, publicKeyText } from '$lib/assign/device-key';
import { qrParts } from '$lib/assign/qr-parts';
import { signReceipt } from '$lib/assign/receipt-code';
import { settingsHash } from '$lib/assign/settings-hash';
import { Gradebook } from '$lib/state/gradebook.svelte';
import { listReceipts, saveAssignment } from '$lib/storage';
import { DB_NAME } from '$lib/storage/db';
import { closeDatabase, database } from '$lib/storage/repository';
import { BANK, assignment, receipt } from '../assign/fixtures';

vi.mock('$lib/state/bank', () => ({ getBank: async () => BANK }));

const NOW = new Date('2026-03-02T10:00:00Z');
const A = assignment();
const keys = await newDeviceKey();
const PHONE = { privateKey: keys.privateKey, deviceKey: await publicKeyText(keys.publicKey) };
const CODE = await signReceipt(
	{ ...receipt({}, A), settingsHash: settingsHash(A) },
	A,
	BANK,
	PHONE
);

beforeEach(async () => {
	await saveAssignment('instructor', A, encodeAssignment(A, BANK), NOW);
});

afterEach(async () => {
	vi.restoreAllMocks();
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

async function opened(): Promise<Gradebook> {
	const gradebook = new Gradebook(() => NOW);
	await gradebook.load();
	expect(gradebook.selected?.id).toBe(A.id);
	return gradebook;
}

describe('the gradebook', () => {
	test('a pasted receipt is stored and scored from its answers', async () => {
		const gradebook = await opened();
		await gradebook.importPasted(CODE);
		expect(gradebook.report).toEqual({ taken: 1, refused: [] });
		expect(gradebook.latest.map((s) => [s.receipt.student, Math.round(s.score.percent)])).toEqual([
			['Awa Traoré', 100]
		]);
		expect(await listReceipts(A.id)).toHaveLength(1);
	});

	test('a damaged receipt is refused with its reason and nothing is stored', async () => {
		const gradebook = await opened();
		const flipped = CODE.slice(0, 30) + (CODE[30] === 'A' ? 'B' : 'A') + CODE.slice(31);
		await gradebook.importPasted(flipped);
		expect(gradebook.report?.taken).toBe(0);
		expect(gradebook.report?.refused).toHaveLength(1);
		expect(await listReceipts(A.id)).toEqual([]);
	});

	test('the same receipt imported twice at once is taken once', async () => {
		const gradebook = await opened();
		await Promise.all([gradebook.importPasted(CODE), gradebook.importPasted(CODE)]);
		expect(await listReceipts(A.id)).toHaveLength(1);
		expect(gradebook.allSubmissions).toHaveLength(1);
	});

	test('a receipt scanned in parts, in any order, is imported once whole', async () => {
		const gradebook = await opened();
		const parts = qrParts(CODE, 200);
		expect(parts.length).toBeGreaterThan(2);
		for (const part of [...parts].reverse().slice(0, -1)) {
			await gradebook.importScanned(part);
			expect(gradebook.scanProgress).toMatch(/^Part \d+ of \d+ of a receipt read/);
		}
		expect(await listReceipts(A.id)).toEqual([]);
		await gradebook.importScanned(parts[0]!);
		expect(gradebook.scanProgress).toBe('');
		expect(gradebook.report).toEqual({ taken: 1, refused: [] });
		expect(await listReceipts(A.id)).toHaveLength(1);
	});

	test('when the receipts cannot be stored, it says so and shows nothing unsaved', async () => {
		const gradebook = await opened();
		const db = await database();
		vi.spyOn(db.submissions, 'bulkPut').mockRejectedValue(
			Object.assign(new Error('full'), { name: 'QuotaExceededError' })
		);
		await gradebook.importPasted(CODE);
		expect(gradebook.report?.taken).toBe(0);
		expect(gradebook.report?.refused[0]?.reason).toMatch(/Not saved: .*out of storage space/);
		expect(gradebook.allSubmissions).toEqual([]);
	});
});

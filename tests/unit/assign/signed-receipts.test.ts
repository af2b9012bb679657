// Version-2 receipts: signed by the device, naming the settings they were taken under.
import { describe, expect, test } from 'vitest';
import type { Assignment } from '../../../src/lib/assign/assignment-code';
import { newDeviceKey, publicKeyText } from '../../../src/lib/assign/device-key';
import { packCode, unpackCode } from '../../../src/lib/assign/code-text';
import { importReceipts } from '../../../src/lib/assign/gradebook';
import {
	answeredAfterSec,
	decodeReceipt,
	encodeReceipt,
	signReceipt,
	type Receipt
} from '../../../src/lib/assign/receipt-code';
import { reviewReceipts, studentResults } from '../../../src/lib/assign/receipt-review';
import { settingsHash } from '../../../src/lib/assign/settings-hash';
import { assignment, BANK, ITEMS, receipt } from './fixtures';

const A = assignment({ attemptsAllowed: 1, timeLimitSec: 300, feedback: 'never' });
const WRONG: Receipt['answers'] = ITEMS.map(() => ({ kind: 'text', text: 'no idea' }));
const times = { startedAt: '2025-10-02T09:00:00.000Z', submittedAt: '2025-10-02T09:04:00.000Z' };

async function device() {
	const keys = await newDeviceKey();
	return { privateKey: keys.privateKey, deviceKey: await publicKeyText(keys.publicKey) };
}
type Device = Awaited<ReturnType<typeof device>>;
const PHONE = await device();
const OTHER_PHONE = await device();

/** A receipt as the app makes it on `on`, taken under `ranUnder` (the real assignment by default). */
function signed(on: Device, overrides: Partial<Receipt> = {}, ranUnder: Assignment = A) {
	const r = receipt({ ...times, ...overrides }, A);
	return signReceipt({ ...r, settingsHash: settingsHash(ranUnder) }, A, BANK, on);
}

describe('signed receipts', () => {
	test('the device key is non-extractable', async () => {
		const keys = await newDeviceKey();
		expect(keys.privateKey.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('jwk', keys.privateKey)).rejects.toThrow();
	});

	test('decode to the receipt with its settings hash and device key, and verify', async () => {
		const code = await signed(PHONE);
		expect(decodeReceipt(code, A, BANK)).toMatchObject({
			v: 2,
			student: 'Awa Traoré',
			settingsHash: settingsHash(A),
			deviceKey: PHONE.deviceKey
		});
		const { accepted, refused } = await importReceipts([code], A, BANK);
		expect(refused).toEqual([]);
		expect(reviewReceipts(A, accepted)[0]?.flags).toEqual([]);
	});

	test('fit in a few QR codes', async () => {
		expect((await signed(PHONE)).length).toBeLessThan(1800);
	});

	test('an answer changed after signing (checksum fixed up) is refused as tampered', async () => {
		const code = await signed(PHONE, { answers: WRONG });
		const tuple = unpackCode(code, 100_000) as unknown[];
		// a forger who knows the checksum rule re-computes it, but cannot re-sign with PHONE's key
		const forged = [...tuple];
		forged[5] = 'Binta Keita';
		const { hash53 } = await import('../../../src/lib/assign/hash');
		const body = forged.slice(0, -2);
		forged[forged.length - 2] = hash53(`${A.id}\u0000${A.seed}\u0000${JSON.stringify(body)}`);
		const { refused } = await importReceipts([packCode(forged)], A, BANK);
		expect(refused.map((r) => r.code)).toEqual(['tampered']);
	});

	test('a signature that is not a signature is refused, and nothing else escapes', async () => {
		const tuple = unpackCode(await signed(PHONE), 100_000) as unknown[];
		tuple[tuple.length - 1] = 'A'.repeat(86);
		const badKey = [...tuple];
		badKey[12] = 'A'.repeat(87);
		const { refused } = await importReceipts([packCode(tuple), packCode(badKey)], A, BANK);
		expect(refused.map((r) => r.code)).toEqual(['tampered', expect.stringMatching(/tampered/)]);
	});

	test('version 3 carries when each question was answered, under the signature', async () => {
		const answeredAfterSec = ITEMS.map((_, i) => (i === 0 ? null : i * 10));
		const answers = receipt(times, A).answers.map((a, i) => (i === 0 ? null : a));
		const code = await signed(PHONE, { answers, answeredAfterSec });
		expect(decodeReceipt(code, A, BANK)).toMatchObject({ v: 3, answeredAfterSec });
		expect((await importReceipts([code], A, BANK)).refused).toEqual([]);
		// a time changed after signing, checksum fixed up, fails the signature
		const tuple = unpackCode(code, 100_000) as unknown[];
		const forged = [...tuple];
		forged[13] = answeredAfterSec.map((t) => (t === null ? null : t + 1));
		const { hash53 } = await import('../../../src/lib/assign/hash');
		const body = forged.slice(0, -2);
		forged[forged.length - 2] = hash53(`${A.id}\u0000${A.seed}\u0000${JSON.stringify(body)}`);
		const { refused } = await importReceipts([packCode(forged)], A, BANK);
		expect(refused.map((r) => r.code)).toEqual(['tampered']);
	});

	test('answer times must line up with the answers', async () => {
		const answers = receipt(times, A).answers;
		await expect(signed(PHONE, { answeredAfterSec: [1] })).rejects.toThrow();
		await expect(
			signed(PHONE, { answers, answeredAfterSec: answers.map(() => null) })
		).rejects.toThrow();
		const tuple = unpackCode(
			await signed(PHONE, { answeredAfterSec: answers.map(() => 5) }),
			100_000
		) as unknown[];
		tuple[13] = [5];
		expect(() => decodeReceipt(packCode(tuple), A, BANK)).toThrow();
	});

	test('answeredAfterSec counts whole seconds within the attempt', () => {
		const start = new Date(10_000);
		const answered = [new Date(12_999), undefined, new Date(9_000), new Date(99_000)];
		expect(answeredAfterSec(start, answered, new Date(70_000))).toEqual([2, null, 0, 60]);
	});

	test('a signed time after the attempt ended is refused', async () => {
		// times: 09:00 to 09:04, so 240 s at most
		const answers = receipt(times, A).answers;
		await expect(signed(PHONE, { answeredAfterSec: answers.map(() => 241) })).rejects.toThrow();
		expect(await signed(PHONE, { answeredAfterSec: answers.map(() => 240) })).toBeTruthy();
	});

	test('version-1 receipts are still read, and marked unsigned', async () => {
		const old = encodeReceipt(receipt(times, A), A, BANK);
		const { accepted } = await importReceipts([old], A, BANK);
		expect(accepted[0]?.receipt.v).toBe(1);
		expect(reviewReceipts(A, accepted)[0]?.flags).toContain('unsigned');
	});
});

describe('one name, one device', () => {
	test('a receipt for her name from another device is flagged and does not replace hers', async () => {
		const { accepted } = await importReceipts(
			[await signed(PHONE), await signed(OTHER_PHONE, { student: 'awa traoré', answers: WRONG })],
			A,
			BANK
		);
		const [awa] = studentResults(A, accepted);
		expect(awa?.result.submission.score.percent).toBe(100);
		expect(awa?.receipts[1]?.flags).toContain('other-device');
		expect(awa?.conflicts).toBe(1);
	});

	test('a receipt in her name from another device handed in first does not stand either', async () => {
		const { accepted } = await importReceipts(
			[await signed(OTHER_PHONE, { student: 'Awa Traoré', answers: WRONG }), await signed(PHONE)],
			A,
			BANK
		);
		const [awa] = studentResults(A, accepted);
		// the order they came in proves nothing: both are flagged, neither is eligible
		expect(awa?.receipts.map((r) => r.flags.includes('other-device'))).toEqual([true, true]);
		expect(awa?.receipts.some((r) => r.eligible)).toBe(false);
		expect(awa?.conflicts).toBe(1);
	});

	test('a forged unsigned receipt does not outrank her signed one', async () => {
		const forged = encodeReceipt(receipt({ ...times, answers: WRONG }, A), A, BANK);
		const { accepted } = await importReceipts([await signed(PHONE), forged], A, BANK);
		expect(studentResults(A, accepted)[0]?.result.submission.receipt.v).toBe(2);
	});
});

describe('settings the student ran under', () => {
	test.each<[string, Partial<Assignment>]>([
		['the timer removed', { timeLimitSec: undefined }],
		['the attempt limit lifted', { attemptsAllowed: 0 }],
		['feedback turned on', { feedback: 'immediately' }],
		['the due date moved', { due: '2030-01-01T00:00:00.000Z' }],
		['the pass mark lowered', { passMark: 10 }],
		['shuffling turned off', { shuffleQuestions: false }],
		[
			"receipts sent to an attacker's inbox",
			{
				channel: {
					origin: 'wss://sync.example.org',
					dropToken: '0123456789ABCDEFGHJKMNPQR0',
					instructorKey: 'B'.repeat(87)
				}
			}
		]
	])('a receipt taken from a link with %s is flagged', async (_, edit) => {
		const { accepted } = await importReceipts(
			[await signed(PHONE, {}, { ...A, ...edit })],
			A,
			BANK
		);
		expect(reviewReceipts(A, accepted)[0]?.flags).toContain('settings-changed');
	});

	test('an edited-link receipt does not replace a result taken under the real settings', async () => {
		const { accepted } = await importReceipts(
			[
				await signed(PHONE, { answers: WRONG }),
				await signed(PHONE, { attempt: 2 }, { ...A, attemptsAllowed: 0 })
			],
			A,
			BANK
		);
		const [awa] = studentResults(A, accepted);
		expect(awa?.result.submission.receipt.attempt).toBe(1);
		expect(awa?.receipts[1]?.flags).toEqual(
			expect.arrayContaining(['settings-changed', 'past-attempt-limit'])
		);
	});
});

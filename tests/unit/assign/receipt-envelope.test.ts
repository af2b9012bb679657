// The sealed receipt a student's device posts to the class inbox: only the instructor's key
// opens it, any change is caught, and nothing but an envelope is taken for one.
import { describe, expect, test } from 'vitest';
import { fromBase64url, toBase64url } from '$lib/assign/code-text';
import {
	ENVELOPE_PATTERN,
	EnvelopeError,
	instructorKeyText,
	MAX_ENVELOPE_CHARS,
	newInstructorKey,
	openReceipt,
	sealReceipt,
	type EnvelopeErrorCode
} from '$lib/assign/receipt-envelope';

const INBOX = 'class-00112233445566778899aabbccddeeff';
const pair = await newInstructorKey();
const KEYS = { privateKey: pair.privateKey, publicKey: await instructorKeyText(pair.publicKey) };
const CODE =
	'eNp1kE1OwzAQhe8y6yxsp1EbH4FtWbJC3UxiJx3VsSP_tCDE3bGbtkggtvPmzXvvjS0KMgu4w9wQJzEQVrJp1Pq-3';

async function refusal(run: () => Promise<unknown>): Promise<EnvelopeErrorCode> {
	try {
		await run();
	} catch (error) {
		expect(error).toBeInstanceOf(EnvelopeError);
		return (error as EnvelopeError).code;
	}
	throw new Error('expected an EnvelopeError');
}

describe('a sealed receipt', () => {
	test('opens with the instructor’s key to the very code that was sealed', async () => {
		const envelope = await sealReceipt(CODE, KEYS.publicKey, INBOX);
		expect(envelope).toMatch(ENVELOPE_PATTERN);
		expect(envelope).not.toContain(CODE.slice(10, 30));
		expect(await openReceipt(envelope, KEYS, INBOX)).toBe(CODE);
	});

	test('is sealed afresh each time (a repeated receipt cannot be recognised from outside)', async () => {
		const [a, b] = await Promise.all([
			sealReceipt(CODE, KEYS.publicKey, INBOX),
			sealReceipt(CODE, KEYS.publicKey, INBOX)
		]);
		expect(a).not.toBe(b);
	});

	test('with one byte changed anywhere does not open', async () => {
		const envelope = await sealReceipt(CODE, KEYS.publicKey, INBOX);
		const bytes = fromBase64url(envelope.slice(3));
		// in the one-time key, the nonce, the ciphertext and the tag
		for (const at of [70, 80, 100, bytes.length - 1]) {
			const changed = bytes.slice();
			changed[at] = changed[at]! ^ 1;
			expect(await refusal(() => openReceipt(`E1.${toBase64url(changed)}`, KEYS, INBOX))).toBe(
				'cannot-open'
			);
		}
		// a changed first byte of the point makes it no point at all
		const point = bytes.slice();
		point[0] = 9;
		expect(await refusal(() => openReceipt(`E1.${toBase64url(point)}`, KEYS, INBOX))).toBe(
			'malformed'
		);
	});

	test('does not open with another instructor’s key, nor in another class’s inbox', async () => {
		const envelope = await sealReceipt(CODE, KEYS.publicKey, INBOX);
		const other = await newInstructorKey();
		const otherKeys = {
			privateKey: other.privateKey,
			publicKey: await instructorKeyText(other.publicKey)
		};
		expect(await refusal(() => openReceipt(envelope, otherKeys, INBOX))).toBe('cannot-open');
		expect(await refusal(() => openReceipt(envelope, KEYS, `${INBOX.slice(0, -1)}0`))).toBe(
			'cannot-open'
		);
	});

	test.each([
		['empty', ''],
		['no prefix', 'AAAA'],
		['a newer version', 'E2.AAAA'],
		['not base64url', 'E1.ab+c'],
		['too short', `E1.${toBase64url(new Uint8Array(40))}`],
		['too long', `E1.${'A'.repeat(MAX_ENVELOPE_CHARS)}`]
	])('%s is refused as malformed', async (_name, text) => {
		expect(await refusal(() => openReceipt(text, KEYS, INBOX))).toBe('malformed');
	});
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SyncError } from '$lib/sync/errors';
import {
	CODE_LENGTH,
	formatCode,
	newSpaceSecret,
	normaliseOrigin,
	pairingLink,
	parseCode,
	readPairingFragment,
	spaceIdFor
} from '$lib/sync/space-code';

const secretOf = (bytes: Uint8Array) => newSpaceSecret(() => bytes);
const bytes16 = fc.uint8Array({ minLength: 16, maxLength: 16 });

function codeError(run: () => unknown): string | undefined {
	try {
		run();
	} catch (error) {
		if (error instanceof SyncError) return error.code;
		throw error;
	}
	return undefined;
}

describe('a sync code', () => {
	test('is 26 letters of Crockford base32, shown in groups of four, and reads back exactly', () => {
		fc.assert(
			fc.property(bytes16, (bytes) => {
				const secret = secretOf(bytes);
				expect(secret).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${CODE_LENGTH}}$`));
				expect(parseCode(formatCode(secret))).toBe(secret);
			})
		);
	});

	test('reads as typed: lower case, spaces, dashes and look-alike letters do not matter', () => {
		const secret = secretOf(new Uint8Array(16).fill(0x5a));
		const typed = formatCode(secret).toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
		expect(parseCode(typed)).toBe(secret);
	});

	test.each([
		['too short', 'ABCD-EFGH'],
		['a letter the alphabet has not', 'U'.repeat(26)],
		['bits past 128 set', '0'.repeat(25) + '1'],
		['empty', '']
	])('%s is refused as bad-code', (_what, text) => {
		expect(codeError(() => parseCode(text))).toBe('bad-code');
	});

	test('any text is either a code or a coded refusal, never another error', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), (text) => {
				const problem = codeError(() => parseCode(text));
				expect(problem === undefined || problem === 'bad-code').toBe(true);
			})
		);
	});

	test('the space id is 128 bits of hex derived from the secret alone', async () => {
		const a = secretOf(new Uint8Array(16).fill(1));
		const b = secretOf(new Uint8Array(16).fill(2));
		expect(await spaceIdFor(a)).toMatch(/^[0-9a-f]{32}$/);
		expect(await spaceIdFor(a)).toBe(await spaceIdFor(a));
		expect(await spaceIdFor(a)).not.toBe(await spaceIdFor(b));
	});
});

describe('the sync server address', () => {
	test.each([
		['wss://sync.example.org', 'wss://sync.example.org'],
		['https://sync.example.org/', 'wss://sync.example.org'],
		['ws://127.0.0.1:4190', 'ws://127.0.0.1:4190'],
		['  wss://sync.example.org:8443  ', 'wss://sync.example.org:8443']
	])('%s is %s', (text, origin) => {
		expect(normaliseOrigin(text)).toBe(origin);
	});

	test.each([
		'sync.example.org',
		'ftp://x.org',
		'wss://x.org/path',
		'wss://u:p@x.org',
		'wss://x.org?a=1'
	])('%s is refused as bad-origin', (text) => {
		expect(codeError(() => normaliseOrigin(text))).toBe('bad-origin');
	});
});

describe('a pairing link', () => {
	test('carries the code and the server in its fragment, and reads back', () => {
		const secret = secretOf(new Uint8Array(16).fill(9));
		const link = pairingLink('https://app.example.org', {
			origin: 'wss://sync.example.org',
			secret
		});
		expect(link.startsWith('https://app.example.org/sync#join=')).toBe(true);
		expect(readPairingFragment(new URL(link).hash)).toEqual({
			secret,
			origin: 'wss://sync.example.org'
		});
	});

	test('a fragment without a pairing is none; one without its server is bad-link', () => {
		expect(readPairingFragment('#p12')).toBeUndefined();
		const secret = secretOf(new Uint8Array(16).fill(3));
		expect(codeError(() => readPairingFragment(`#join=${secret}`))).toBe('bad-link');
		expect(codeError(() => readPairingFragment('#join=nope&server=wss://x.org'))).toBe('bad-code');
	});
});

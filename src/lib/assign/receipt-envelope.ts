// A receipt sealed for one instructor, so a class inbox that every student writes to reveals
// no one's answers: ECIES over WebCrypto. The student's device makes a one-time ECDH P-256 key,
// agrees a secret with the instructor's public key, stretches it with HKDF-SHA-256 into an
// AES-256-GCM key, and encrypts the receipt code. Only the instructor's private key (kept on
// the instructor's device) opens it; a changed byte fails GCM's check. The inbox's name is
// bound in as associated data, so an envelope copied into another class's inbox does not open.
import { fromBase64url, toBase64url } from './code-text';
import { LIMITS } from './limits';

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const PREFIX = 'E1.';
const POINT_BYTES = 65;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The longest envelope: the longest receipt code, sealed, in base64url. */
export const MAX_ENVELOPE_CHARS =
	PREFIX.length +
	Math.ceil(((POINT_BYTES + IV_BYTES + TAG_BYTES + LIMITS.receiptCodeChars) * 4) / 3);
/** What every envelope looks like from outside (all the server can check). */
export const ENVELOPE_PATTERN = /^E1\.[A-Za-z0-9_-]+$/;

export const ENVELOPE_ERRORS = {
	malformed: 'This is not a sealed receipt, or it was cut short.',
	'cannot-open':
		'This sealed receipt does not open with this class’s key: it was changed on the way, or sealed for another class.'
} as const;
export type EnvelopeErrorCode = keyof typeof ENVELOPE_ERRORS;

/** A sealed receipt that cannot be opened; `code` says why. */
export class EnvelopeError extends Error {
	constructor(
		readonly code: EnvelopeErrorCode,
		options?: { cause?: unknown }
	) {
		super(ENVELOPE_ERRORS[code], options);
		this.name = 'EnvelopeError';
	}
}

/** A new instructor key pair: the private half cannot be exported from this browser. */
export function newInstructorKey(): Promise<CryptoKeyPair> {
	return crypto.subtle.generateKey(ECDH, false, ['deriveBits']) as Promise<CryptoKeyPair>;
}

/** A public key as the assignment code carries it (65 raw bytes in base64url). */
export async function instructorKeyText(publicKey: CryptoKey): Promise<string> {
	return toBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey)));
}

async function aesKey(
	privateKey: CryptoKey,
	publicKey: CryptoKey,
	salt: Uint8Array<ArrayBuffer>,
	inbox: string
): Promise<CryptoKey> {
	const shared = await crypto.subtle.deriveBits(
		{ name: 'ECDH', public: publicKey },
		privateKey,
		256
	);
	const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{
			name: 'HKDF',
			hash: 'SHA-256',
			salt,
			info: new TextEncoder().encode(`sahel-brief receipt envelope v1\n${inbox}`)
		},
		hkdf,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

function joined(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** `code` sealed for the holder of `instructorKey` (base64url), for the inbox named `inbox`. */
export async function sealReceipt(
	code: string,
	instructorKey: string,
	inbox: string
): Promise<string> {
	const recipientRaw = fromBase64url(instructorKey);
	const recipient = await crypto.subtle.importKey('raw', recipientRaw, ECDH, false, []);
	const ephemeral = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as CryptoKeyPair;
	const ephemeralRaw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
	const key = await aesKey(
		ephemeral.privateKey,
		recipient,
		joined(ephemeralRaw, recipientRaw),
		inbox
	);
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const sealed = new Uint8Array(
		await crypto.subtle.encrypt(
			{ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(inbox) },
			key,
			new TextEncoder().encode(code)
		)
	);
	return PREFIX + toBase64url(joined(ephemeralRaw, iv, sealed));
}

/** The receipt code inside `envelope`; EnvelopeError when it is not one or does not open. */
export async function openReceipt(
	envelope: string,
	keys: { privateKey: CryptoKey; publicKey: string },
	inbox: string
): Promise<string> {
	if (
		typeof envelope !== 'string' ||
		envelope.length > MAX_ENVELOPE_CHARS ||
		!ENVELOPE_PATTERN.test(envelope)
	) {
		throw new EnvelopeError('malformed');
	}
	let bytes: Uint8Array<ArrayBuffer>;
	try {
		bytes = fromBase64url(envelope.slice(PREFIX.length));
	} catch (cause) {
		throw new EnvelopeError('malformed', { cause });
	}
	if (bytes.length < POINT_BYTES + IV_BYTES + TAG_BYTES) throw new EnvelopeError('malformed');
	const ephemeralRaw = bytes.slice(0, POINT_BYTES);
	const iv = bytes.slice(POINT_BYTES, POINT_BYTES + IV_BYTES);
	const sealed = bytes.slice(POINT_BYTES + IV_BYTES);
	let ephemeral: CryptoKey;
	try {
		ephemeral = await crypto.subtle.importKey('raw', ephemeralRaw, ECDH, false, []);
	} catch (cause) {
		// not a point on the curve: damaged, or never an envelope
		throw new EnvelopeError('malformed', { cause });
	}
	const salt = joined(ephemeralRaw, fromBase64url(keys.publicKey));
	const key = await aesKey(keys.privateKey, ephemeral, salt, inbox);
	let plain: ArrayBuffer;
	try {
		plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(inbox) },
			key,
			sealed
		);
	} catch (cause) {
		throw new EnvelopeError('cannot-open', { cause });
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(plain);
	} catch (cause) {
		throw new EnvelopeError('malformed', { cause });
	}
}

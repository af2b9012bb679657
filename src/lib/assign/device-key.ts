// Each device signs its receipts with its own ECDSA P-256 key, made non-extractable so the
// private half never leaves the browser's key store (it is kept, as a CryptoKey, in
// IndexedDB). A signature proves that a receipt was made by the device holding that key and
// not changed since; it says nothing about whether the answers were the student's own.
// Pure WebCrypto: keys come in as parameters, nothing here stores anything.
import { fromBase64url, toBase64url } from './code-text';
import { AssignError } from './errors';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** A raw uncompressed P-256 public key (65 bytes) in base64url. */
export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9_-]{87}$/;
/** A P-256 signature (r || s, 64 bytes) in base64url. */
export const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{86}$/;

/** A new signing key pair whose private key cannot be exported. */
export async function newDeviceKey(): Promise<CryptoKeyPair> {
	return crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
}

/** The public half of a device key, as receipts carry it. */
export async function publicKeyText(publicKey: CryptoKey): Promise<string> {
	return toBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey)));
}

/** The signature of `message` by `privateKey`, in base64url. */
export async function signText(privateKey: CryptoKey, message: string): Promise<string> {
	const bytes = new TextEncoder().encode(message);
	return toBase64url(new Uint8Array(await crypto.subtle.sign(SIGNATURE, privateKey, bytes)));
}

/** True when `signature` is `publicKey`'s signature of `message`; false for any malformed part. */
export async function verifyText(
	publicKey: string,
	message: string,
	signature: string
): Promise<boolean> {
	try {
		const key = await crypto.subtle.importKey('raw', fromBase64url(publicKey), ALGORITHM, false, [
			'verify'
		]);
		return await crypto.subtle.verify(
			SIGNATURE,
			key,
			fromBase64url(signature),
			new TextEncoder().encode(message)
		);
	} catch (error) {
		// a key that is not a point on the curve, or bytes that are not base64url
		if (error instanceof AssignError || error instanceof DOMException) return false;
		if (error instanceof Error && /key|curve|data/i.test(error.message)) return false;
		throw error;
	}
}

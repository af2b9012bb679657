// A sync space needs no account: a random 128-bit secret is the whole key. The space's id (the
// document's name on the server) is derived from the secret, so a device that knows the secret
// knows the id, the typed code carries the secret alone, and the server, which sees only ids
// and checks secrets against them, stores nothing that names a person.
import { SyncError } from './errors';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_BYTES = 16;
/** 128 bits in 5-bit letters. */
export const CODE_LENGTH = 26;

/** One sync space: where it is served and its secret; `id` is derived from the secret. */
export interface SyncSpace {
	origin: string;
	id: string;
	secret: string;
}

/** 16 random bytes as 26 base32 letters. */
export function newSpaceSecret(
	random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)
): string {
	return encodeBase32(random(new Uint8Array(SECRET_BYTES)));
}

function encodeBase32(bytes: Uint8Array): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += ALPHABET[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
		value &= (1 << bits) - 1;
	}
	if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
	return out;
}

/** The secret as it is shown: groups of four letters, easier to type and compare. */
export function formatCode(secret: string): string {
	return secret.match(/.{1,4}/g)?.join('-') ?? secret;
}

/**
 * The secret a typed code stands for: case, spaces and dashes do not matter, and letters that
 * look alike are read as Crockford says (O as 0, I and L as 1). Throws SyncError 'bad-code'.
 */
export function parseCode(text: string): string {
	const cleaned = text
		.toUpperCase()
		.replace(/[\s-]+/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	if (cleaned.length !== CODE_LENGTH) {
		throw new SyncError(
			'bad-code',
			`A sync code has ${CODE_LENGTH} letters and digits; this one has ${cleaned.length}.`,
			{ length: cleaned.length }
		);
	}
	for (const char of cleaned) {
		if (!ALPHABET.includes(char)) {
			throw new SyncError(
				'bad-code',
				`A sync code has no “${char}”: check the code and type it again.`,
				{ char }
			);
		}
	}
	// 26 letters carry 130 bits: the last letter's two low bits are always zero
	if ((ALPHABET.indexOf(cleaned.at(-1)!) & 3) !== 0) {
		throw new SyncError('bad-code', 'This is not a sync code: check its last letters.');
	}
	return cleaned;
}

/** The space's id: the first 128 bits of SHA-256 of the secret, in hex (32 characters). */
export async function spaceIdFor(secret: string): Promise<string> {
	const digest = await crypto.subtle.digest(
		'SHA-256',
		new TextEncoder().encode(`sahel-brief sync space\n${secret}`)
	);
	return [...new Uint8Array(digest).slice(0, 16)]
		.map((b) => b.toString(16).padStart(2, '0'))
		.join('');
}

/** Whether `id` is a space id as `spaceIdFor` makes them. */
export function isSpaceId(id: string): boolean {
	return /^[0-9a-f]{32}$/.test(id);
}

/**
 * A sync server's origin as the setting keeps it: `ws://` or `wss://`, a host, maybe a port,
 * no path, query or fragment. `https://` is read as `wss://` and `http://` as `ws://`.
 * Throws SyncError 'bad-origin'.
 */
export function normaliseOrigin(text: string): string {
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		throw new SyncError(
			'bad-origin',
			'The sync server address should look like wss://sync.example.org.'
		);
	}
	const protocol = { 'https:': 'wss:', 'http:': 'ws:', 'wss:': 'wss:', 'ws:': 'ws:' }[url.protocol];
	if (!protocol || !url.hostname || url.username || url.password) {
		throw new SyncError(
			'bad-origin',
			'The sync server address should start with wss:// (or ws:// on this computer).'
		);
	}
	if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
		throw new SyncError(
			'bad-origin',
			'The sync server address is only wss:// and a host name, with no path after it.'
		);
	}
	return `${protocol}//${url.host}`;
}

/** A space from its origin and secret. */
export async function spaceFor(origin: string, secret: string): Promise<SyncSpace> {
	return { origin: normaliseOrigin(origin), secret, id: await spaceIdFor(secret) };
}

/** The link (and QR code) that pairs a device: the app's /sync page, the code in the fragment. */
export function pairingLink(
	appOrigin: string,
	space: Pick<SyncSpace, 'origin' | 'secret'>
): string {
	const params = new URLSearchParams({ join: space.secret, server: space.origin });
	return `${appOrigin}/sync#${params.toString()}`;
}

/** What a pairing link's fragment carries, or undefined when it carries no pairing. */
export function readPairingFragment(hash: string): { secret: string; origin: string } | undefined {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const join = params.get('join');
	if (join === null) return undefined;
	const server = params.get('server');
	if (server === null)
		throw new SyncError('bad-link', 'This pairing link has no sync server in it.');
	return { secret: parseCode(join), origin: normaliseOrigin(server) };
}

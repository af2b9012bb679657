// A class channel's inbox on the sync server: one document per assignment that collects
// receipts. Three keys, each derived one way from the one before it, so the server can check
// every connection without storing a key:
//   instructor secret -> drop token (what the assignment link gives students) -> inbox id.
// A student's device holds the drop token and can only add to the inbox; the instructor's
// device holds the secret, from which the server sees it is the instructor (read only). Neither
// key opens a personal sync space: the derivations use other labels than space ids.
import { newSpaceSecret } from './space-code';

/** The name of every class inbox document: a prefix no personal space id has, then 32 hex. */
export const CLASS_DOC_PATTERN = /^class-[0-9a-f]{32}$/;
/** The one top-level name in an inbox: a Y.Array of sealed receipts, only ever appended to. */
export const INBOX_ARRAY = 'inbox';
/**
 * Why the sync server refuses a message to a class inbox (scripts/sync-server names each):
 * the receipt's delivery then ends as refused rather than waiting for ever.
 */
export const INBOX_REFUSALS = [
	'malformed-update',
	'delete-refused',
	'unexpected-content',
	'not-at-end',
	'unknown-map',
	'not-an-envelope',
	'too-many',
	'inbox-full',
	'message-type'
] as const;
export type InboxRefusal = (typeof INBOX_REFUSALS)[number];

/** A secret or drop token: 26 letters of Crockford's base32 (128 bits). */
export const CLASS_KEY_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

async function digest(label: string, text: string): Promise<Uint8Array> {
	const bytes = new TextEncoder().encode(`sahel-brief ${label}\n${text}`);
	return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).slice(0, 16);
}

function base32(bytes: Uint8Array): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = ((value << 8) | byte) & 0xffff;
		bits += 8;
		while (bits >= 5) {
			out += BASE32[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
	return out;
}

/** A new instructor secret (128 random bits). */
export function newClassSecret(): string {
	return newSpaceSecret();
}

/** The drop token students write with, derived from the instructor's secret. */
export async function dropTokenFor(secret: string): Promise<string> {
	return base32(await digest('class drop token', secret));
}

/** The inbox document's name, derived from the drop token. */
export async function classDocFor(dropToken: string): Promise<string> {
	const id = [...(await digest('class inbox', dropToken))]
		.map((b) => b.toString(16).padStart(2, '0'))
		.join('');
	return `class-${id}`;
}

/** Whether a document name is a class inbox (rather than a personal space). */
export function isClassDoc(name: string): boolean {
	return CLASS_DOC_PATTERN.test(name);
}

/** Who a token makes its holder in the inbox `docName`, or undefined for a wrong token. */
export async function classRoleOf(
	docName: string,
	token: unknown
): Promise<'student' | 'instructor' | undefined> {
	if (typeof token !== 'string' || !CLASS_KEY_PATTERN.test(token)) return undefined;
	if ((await classDocFor(token)) === docName) return 'student';
	if ((await classDocFor(await dropTokenFor(token))) === docName) return 'instructor';
	return undefined;
}

// The transport shared by assignment and receipt codes: a compact JSON value, deflated and
// written in base64url so it survives links, QR codes and chat apps. Decoding any input
// either returns parsed JSON or throws AssignError; nothing else escapes.
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { AssignError } from './errors';

// a pasted code that inflates past this is not one of ours (and must not eat the memory)
const MAX_INFLATED_BYTES = 256 * 1024;
const INFLATE_SLICE = 64;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((ch, i) => [ch, i]));

/** JSON -> deflate (level 9) -> base64url. */
export function packCode(value: unknown): string {
	return toBase64url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
}

/**
 * The JSON value inside `text`, which may be the bare code, a link with the code after '#',
 * or either split over lines. Throws AssignError for anything else.
 */
export function unpackCode(text: string, maxChars: number): unknown {
	const code = codeIn(text);
	if (code === '') throw new AssignError('empty');
	if (code.length > maxChars) throw new AssignError('too-long');
	const bytes = fromBase64url(code);
	let json: string;
	try {
		json = strFromU8(inflateLimited(bytes));
	} catch (cause) {
		throw new AssignError('corrupt', { cause });
	}
	try {
		return JSON.parse(json) as unknown;
	} catch (cause) {
		throw new AssignError('corrupt', { cause });
	}
}

/** The code part of pasted text: what follows the last '#', without any whitespace. */
export function codeIn(text: string): string {
	const hash = text.lastIndexOf('#');
	return (hash >= 0 ? text.slice(hash + 1) : text).replace(/\s+/g, '');
}

function inflateLimited(bytes: Uint8Array): Uint8Array {
	const chunks: Uint8Array[] = [];
	let size = 0;
	let ended = false;
	const inflater = new Inflate((chunk, final) => {
		size += chunk.length;
		if (size > MAX_INFLATED_BYTES) throw new RangeError('inflated data too large');
		chunks.push(chunk);
		ended ||= final;
	});
	// fed in slices, so a bomb is stopped after a few kilobytes rather than fully inflated
	for (let at = 0; at < bytes.length; at += INFLATE_SLICE) {
		inflater.push(bytes.subarray(at, at + INFLATE_SLICE), at + INFLATE_SLICE >= bytes.length);
	}
	if (bytes.length === 0) inflater.push(bytes, true);
	if (!ended) throw new RangeError('deflate stream did not end');
	const out = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	// strict UTF-8: a damaged code must not decode to replacement characters silently
	new TextDecoder('utf-8', { fatal: true }).decode(out);
	return out;
}

/** Bytes in base64url without padding. */
export function toBase64url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
		for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
	}
	return out;
}

/** The bytes of a base64url text; AssignError for any other character. */
export function fromBase64url(code: string): Uint8Array<ArrayBuffer> {
	// one leftover character holds only 6 bits: no byte ends there, so no encoder writes it
	if (code.length % 4 === 1) throw new AssignError('corrupt');
	const out = new Uint8Array(Math.floor((code.length * 6) / 8));
	let buffer = 0;
	let bits = 0;
	let at = 0;
	for (const ch of code) {
		const value = VALUES.get(ch);
		if (value === undefined) throw new AssignError('not-base64url');
		buffer = ((buffer << 6) | value) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[at++] = (buffer >> bits) & 0xff;
		}
	}
	return out;
}

// A receipt too long for one QR code travels as numbered parts, scanned in any order. Each
// part reads `SBR.<index>.<count>.<check>.<chunk>`: '.' never occurs in a code (base64url), so
// a part is told from a whole code at a glance, and `check`, a hash of the whole code, keeps
// parts of two receipts from being joined.
import { AssignError } from './errors';
import { hash53 } from './hash';

/**
 * Characters of code per QR code. Far below a QR code's capacity (2,953 bytes at version 40),
 * because a dense code shown on a phone screen is hard for another phone's camera to read.
 */
export const QR_PART_CHARS = 900;
const MAX_PARTS = 99;
const PART = /^SBR\.(\d{1,2})\.(\d{1,2})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]+)$/;

/** `code` as the texts of its QR codes: itself when it fits in one. */
export function qrParts(code: string, maxChars = QR_PART_CHARS): string[] {
	if (code.length <= maxChars) return [code];
	const count = Math.ceil(code.length / maxChars);
	if (count > MAX_PARTS) throw new AssignError('too-long');
	const check = hash53(code);
	return Array.from(
		{ length: count },
		(_, i) => `SBR.${i + 1}.${count}.${check}.${code.slice(i * maxChars, (i + 1) * maxChars)}`
	);
}

/** True when `text` is one part of a split code (not a whole code). */
export function isQrPart(text: string): boolean {
	return PART.test(text.trim());
}

/** What a scan added: a part and how far its receipt is, and the whole code once complete. */
export interface PartProgress {
	index: number;
	count: number;
	have: number;
	/** The joined code, when this part was the last one missing. */
	code?: string;
}

/** Collects scanned parts, in any order and with repeats, until a receipt is whole. */
export class QrPartCollector {
	#groups = new Map<string, Map<number, string>>();

	/** Adds a scanned part; throws AssignError('corrupt') when it is not a well-formed part. */
	add(text: string): PartProgress {
		const match = PART.exec(text.trim());
		const index = Number(match?.[1]);
		const count = Number(match?.[2]);
		if (!match || count < 2 || index < 1 || index > count) throw new AssignError('corrupt');
		const key = `${count}.${match[3]}`;
		const group = this.#groups.get(key) ?? new Map<number, string>();
		this.#groups.set(key, group);
		group.set(index, match[4]!);
		if (group.size < count) return { index, count, have: group.size };
		this.#groups.delete(key);
		const code = Array.from({ length: count }, (_, i) => group.get(i + 1)!).join('');
		// parts from two receipts that happen to share a count are caught here
		if (hash53(code) !== match[3]) throw new AssignError('corrupt');
		return { index, count, have: count, code };
	}
}

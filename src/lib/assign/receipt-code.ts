// The receipt a student hands in: who answered which assignment, when, and every answer.
// Answers travel compactly: a chosen option, a matched entry or an ordered entry is its
// index in the bank item (any text not found there is kept as text).
//
// About the checksum: it is a 53-bit hash over the content, keyed by the assignment's id and
// seed. It catches accidental damage (a mangled copy, a cut-off scan) and casual edits (a
// changed name or answer). It does not stop a determined forger: with no server, the key
// travels in the assignment link every student holds, and this code is open source.
//
// Version 2 adds what can be checked: the hash of the settings the student ran under, and the
// device's public key with its signature over everything else (see device-key.ts). Version-1
// receipts, from older apps, are still read and marked unsigned. Version 3 adds, under the
// same signature, the seconds from the start to each answer; version 2 is still read.
import * as v from 'valibot';
import type { Bank, BankItem } from '../bank/types';
import type { Response } from '../quiz/types';
import type { Assignment } from './assignment-code';
import { ASSIGNMENT_ID_PATTERN, BANK_HASH_PATTERN, isoToMs } from './assignment-code';
import { bankKey } from './bank-hash';
import { packCode, unpackCode } from './code-text';
import { AssignError } from './errors';
import { PUBLIC_KEY_PATTERN, SIGNATURE_PATTERN, signText } from './device-key';
import { hash53 } from './hash';
import { LIMITS, MAX_TIME_MS } from './limits';

/** Signed receipts that say when each question was answered. */
export const RECEIPT_FORMAT_VERSION = 3;
/** Signed receipts written before they carried answer times. */
export const UNTIMED_RECEIPT_VERSION = 2;
/** Receipts written before devices signed them. */
export const UNSIGNED_RECEIPT_VERSION = 1;
type ReceiptVersion =
	typeof RECEIPT_FORMAT_VERSION | typeof UNTIMED_RECEIPT_VERSION | typeof UNSIGNED_RECEIPT_VERSION;
const TAG = 'R';
const ASSIGNMENT_TAG = 'A';

/** One submitted attempt; `answers[i]` answers `assignment.itemIds[i]` (null: not answered). */
export interface Receipt {
	v: ReceiptVersion;
	assignmentId: string;
	packId: string;
	bankHash: string;
	student: string;
	startedAt: string;
	submittedAt: string;
	answers: (Response | null)[];
	/** 1 for the first attempt. */
	attempt: number;
	/** The score the student's device showed, 0-100; informative only, never trusted. */
	claimedScore?: number;
	/** Version 2: settingsHash() of the assignment as the student's device ran it. */
	settingsHash?: string;
	/** Version 2: the signing device's public key (raw P-256, base64url). */
	deviceKey?: string;
	/**
	 * Version 3: whole seconds from `startedAt` to each answer, in `answers` order (null where
	 * not answered). The student's device's clock: signed, but only as true as that clock.
	 */
	answeredAfterSec?: (number | null)[];
}

/** A decoded receipt and, from version 2, what its signature must verify. */
export interface DecodedReceipt {
	receipt: Receipt;
	signed?: { deviceKey: string; message: string; signature: string };
}

/** The assignment fields a receipt depends on. */
export type ReceiptContext = Pick<Assignment, 'id' | 'seed' | 'itemIds'>;

const KIND_CODES = { choice: 0, text: 1, matching: 2, ordering: 3 } as const;

const int = (min: number, max: number) =>
	v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const time = int(-MAX_TIME_MS, MAX_TIME_MS);
const answerText = v.pipe(v.string(), v.maxLength(LIMITS.answerChars));
/** An entry of the item's options, pairs or sequence by index, or typed text. */
const Ref = v.union([int(0, 1000), answerText]);
const Parts = <T extends v.GenericSchema>(part: T) =>
	v.pipe(v.array(part), v.maxLength(LIMITS.answerParts));

const CompactAnswer = v.union([
	v.null(),
	v.strictTuple([v.literal(KIND_CODES.choice), Ref]),
	v.strictTuple([v.literal(KIND_CODES.text), answerText]),
	v.strictTuple([v.literal(KIND_CODES.matching), Parts(v.strictTuple([Ref, Ref]))]),
	v.strictTuple([v.literal(KIND_CODES.ordering), Parts(Ref)])
]);
type CompactAnswer = v.InferOutput<typeof CompactAnswer>;
type CompactRef = v.InferOutput<typeof Ref>;

const CompactBodyV1 = v.strictTuple([
	v.literal(TAG),
	v.literal(UNSIGNED_RECEIPT_VERSION),
	v.pipe(v.string(), v.regex(ASSIGNMENT_ID_PATTERN)), // assignmentId
	v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.packIdChars)), // packId
	v.pipe(v.string(), v.regex(BANK_HASH_PATTERN)), // bankHash
	v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.nameChars)), // student
	time, // startedAt
	time, // submittedAt
	int(1, 1_000_000), // attempt
	v.pipe(v.array(CompactAnswer), v.maxLength(LIMITS.maxItems)), // answers
	v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(100))) // claimedScore
]);
type CompactBody = v.InferOutput<typeof CompactBodyV1>;
const Checksum = v.pipe(v.string(), v.maxLength(16));
const CompactV1 = v.strictTuple([...CompactBodyV1.items, Checksum]);
const CompactBodyV2 = v.strictTuple([
	v.literal(TAG),
	v.literal(UNTIMED_RECEIPT_VERSION),
	...CompactBodyV1.items.slice(2),
	v.pipe(v.string(), v.regex(BANK_HASH_PATTERN)), // settingsHash
	v.pipe(v.string(), v.regex(PUBLIC_KEY_PATTERN)) // deviceKey
]);
const Signature = v.pipe(v.string(), v.regex(SIGNATURE_PATTERN));
const CompactV2 = v.strictTuple([...CompactBodyV2.items, Checksum, Signature]);
const AnswerTimes = v.pipe(
	v.array(v.nullable(int(0, MAX_TIME_MS / 1000))),
	v.maxLength(LIMITS.maxItems)
);
const CompactBodyV3 = v.strictTuple([
	v.literal(TAG),
	v.literal(RECEIPT_FORMAT_VERSION),
	...CompactBodyV2.items.slice(2),
	AnswerTimes // answeredAfterSec
]);
const CompactV3 = v.strictTuple([...CompactBodyV3.items, Checksum, Signature]);
const SIGNED_FORMATS = {
	[UNTIMED_RECEIPT_VERSION]: CompactV2,
	[RECEIPT_FORMAT_VERSION]: CompactV3
} as const;

/** What signReceipt needs of the device: its private key and its public key's text. */
export interface ReceiptSigner {
	privateKey: CryptoKey;
	deviceKey: string;
}

/**
 * The signed receipt code for `receipt`, taken under `settings` (the hash of the assignment as
 * this device ran it) and signed by this device's key: version 3 when it says when each
 * question was answered, version 2 (as older apps wrote) when it does not.
 */
export async function signReceipt(
	receipt: Omit<Receipt, 'v' | 'deviceKey'> & { settingsHash: string },
	assignment: ReceiptContext,
	bank: Bank,
	signer: ReceiptSigner
): Promise<string> {
	const times = receipt.answeredAfterSec;
	const span = spanSec(Date.parse(receipt.startedAt), Date.parse(receipt.submittedAt));
	if (times && !timesFit(times, receipt.answers, span)) throw new AssignError('invalid');
	const version = times ? RECEIPT_FORMAT_VERSION : UNTIMED_RECEIPT_VERSION;
	const body = [
		...compactBody({ ...receipt, v: version }, assignment, bank),
		receipt.settingsHash,
		signer.deviceKey,
		...(times ? [times] : [])
	];
	body[1] = version;
	if (!v.is(times ? CompactBodyV3 : CompactBodyV2, body)) throw new AssignError('invalid');
	const message = signedMessage(body, assignment);
	const signature = await signText(signer.privateKey, message);
	const code = packCode([...body, hash53(message), signature]);
	if (code.length > LIMITS.receiptCodeChars) throw new AssignError('too-long');
	return code;
}

/**
 * The unsigned version-1 code older apps wrote for `receipt`: kept so tests can hand in what an
 * older device would, and the gradebook can keep reading it.
 */
export function encodeReceipt(receipt: Receipt, assignment: ReceiptContext, bank: Bank): string {
	const body = compactBody(receipt, assignment, bank);
	body[1] = UNSIGNED_RECEIPT_VERSION;
	if (!v.is(CompactBodyV1, body)) throw new AssignError('invalid');
	const code = packCode([...body, checksum(body, assignment)]);
	if (code.length > LIMITS.receiptCodeChars) throw new AssignError('too-long');
	return code;
}

function compactBody(receipt: Receipt, assignment: ReceiptContext, bank: Bank): unknown[] {
	const key = bankKey(bank);
	if (receipt.assignmentId !== assignment.id) throw new AssignError('wrong-assignment');
	if (receipt.packId !== key.packId || receipt.bankHash !== key.hash) {
		throw new AssignError('wrong-bank');
	}
	if (receipt.answers.length !== assignment.itemIds.length) throw new AssignError('invalid');
	const body = [
		TAG,
		RECEIPT_FORMAT_VERSION,
		receipt.assignmentId,
		receipt.packId,
		receipt.bankHash,
		receipt.student,
		isoToMs(receipt.startedAt),
		isoToMs(receipt.submittedAt),
		receipt.attempt,
		receipt.answers.map((answer, i) =>
			compactAnswer(answer, key.itemsById.get(assignment.itemIds[i] ?? ''))
		),
		receipt.claimedScore ?? null
	];
	return body;
}

/**
 * The receipt in `code`, refused unless it answers `assignment` over this `bank` and is
 * unchanged since it was made (as far as its checksum tells). Throws only AssignError.
 */
export function decodeReceipt(code: string, assignment: ReceiptContext, bank: Bank): Receipt {
	return decodeSignedReceipt(code, assignment, bank).receipt;
}

/**
 * As decodeReceipt, with what a version-2 signature must verify (verifyText in device-key.ts,
 * which is async, so the caller checks it: importReceipts does).
 */
export function decodeSignedReceipt(
	code: string,
	assignment: ReceiptContext,
	bank: Bank
): DecodedReceipt {
	const value = unpackCode(code, LIMITS.receiptCodeChars);
	if (!Array.isArray(value)) throw new AssignError('invalid');
	if (value[0] === ASSIGNMENT_TAG) throw new AssignError('wrong-kind');
	if (value[0] !== TAG) throw new AssignError('invalid');
	const version = value[1] as unknown;
	if (
		version !== RECEIPT_FORMAT_VERSION &&
		version !== UNTIMED_RECEIPT_VERSION &&
		version !== UNSIGNED_RECEIPT_VERSION
	) {
		throw new AssignError('unknown-version');
	}
	const signed = version !== UNSIGNED_RECEIPT_VERSION;
	const parsed = v.safeParse(
		version === UNSIGNED_RECEIPT_VERSION ? CompactV1 : SIGNED_FORMATS[version],
		value
	);
	if (!parsed.success) throw new AssignError('invalid');
	const tail = signed ? 2 : 1;
	const body = parsed.output.slice(0, -tail) as unknown as CompactBody;
	const sum = parsed.output[parsed.output.length - tail];
	const [, , assignmentId, packId, bankHash, student, started, submitted, attempt, answers] = body;
	// checked before the checksum, which another assignment's key would fail for the wrong reason
	if (assignmentId !== assignment.id) throw new AssignError('wrong-assignment');
	const key = bankKey(bank);
	if (packId !== key.packId || bankHash !== key.hash) throw new AssignError('wrong-bank');
	const message = signedMessage(body, assignment);
	if (sum !== hash53(message)) throw new AssignError('tampered');
	if (answers.length !== assignment.itemIds.length) throw new AssignError('invalid');
	const claimedScore = body[10];
	const receipt: Receipt = {
		v: version,
		assignmentId,
		packId,
		bankHash,
		student,
		startedAt: new Date(started).toISOString(),
		submittedAt: new Date(submitted).toISOString(),
		answers: answers.map((answer, i) =>
			expandAnswer(answer, key.itemsById.get(assignment.itemIds[i] ?? ''))
		),
		attempt,
		...(claimedScore === null ? {} : { claimedScore })
	};
	if (!signed) return { receipt };
	const [settings, deviceKey, times] = (body as unknown as unknown[]).slice(11) as [
		string,
		string,
		(number | null)[] | undefined
	];
	if (times && !timesFit(times, receipt.answers, spanSec(started, submitted))) {
		throw new AssignError('invalid');
	}
	const signature = parsed.output[parsed.output.length - 1] as string;
	return {
		receipt: {
			...receipt,
			settingsHash: settings,
			deviceKey,
			...(times ? { answeredAfterSec: times } : {})
		},
		signed: { deviceKey, message, signature }
	};
}

/**
 * Whole seconds from `startedAt` to each of `answeredAt` (null where not answered), as a
 * receipt carries them, within the attempt: a clock that went back counts as 0, and no answer
 * is later than `submittedAt`.
 */
export function answeredAfterSec(
	startedAt: Date,
	answeredAt: readonly (Date | undefined)[],
	submittedAt: Date
): (number | null)[] {
	const span = spanSec(startedAt.getTime(), submittedAt.getTime());
	return answeredAt.map((at) =>
		at === undefined
			? null
			: Math.min(span, Math.max(0, Math.floor((at.getTime() - startedAt.getTime()) / 1000)))
	);
}

const spanSec = (startMs: number, endMs: number) =>
	Math.max(0, Math.floor((endMs - startMs) / 1000));

/**
 * Answer times line up with the answers: one each, a time only where there is an answer, and
 * none after the attempt ended.
 */
function timesFit(
	times: readonly (number | null)[],
	answers: readonly (Response | null)[],
	span: number
) {
	return (
		times.length === answers.length &&
		times.every((t, i) => (t === null) === (answers[i] === null) && (t === null || t <= span))
	);
}

/** The text both the checksum and the signature cover: the body, keyed by the assignment. */
function signedMessage(body: readonly unknown[], assignment: ReceiptContext): string {
	return `${assignment.id}\u0000${assignment.seed}\u0000${JSON.stringify(body)}`;
}

function checksum(body: readonly unknown[], assignment: ReceiptContext): string {
	return hash53(signedMessage(body, assignment));
}

function compactAnswer(answer: Response | null, item: BankItem | undefined): CompactAnswer {
	if (answer === null) return null;
	switch (answer.kind) {
		case 'choice':
			return [KIND_CODES.choice, refTo(answer.choice, item?.options)];
		case 'text':
			return [KIND_CODES.text, clip(answer.text)];
		case 'matching': {
			const lefts = item?.pairs?.map((p) => p.left);
			const rights = item?.pairs?.map((p) => p.right);
			return [
				KIND_CODES.matching,
				answer.pairs.map((p): [CompactRef, CompactRef] => [
					refTo(p.left, lefts),
					refTo(p.right, rights)
				])
			];
		}
		case 'ordering':
			return [KIND_CODES.ordering, answer.sequence.map((entry) => refTo(entry, item?.sequence))];
	}
}

function expandAnswer(answer: CompactAnswer, item: BankItem | undefined): Response | null {
	if (answer === null) return null;
	switch (answer[0]) {
		case KIND_CODES.choice:
			return { kind: 'choice', choice: entryAt(answer[1], item?.options) };
		case KIND_CODES.text:
			return { kind: 'text', text: answer[1] };
		case KIND_CODES.matching: {
			const lefts = item?.pairs?.map((p) => p.left);
			const rights = item?.pairs?.map((p) => p.right);
			return {
				kind: 'matching',
				pairs: answer[1].map(([left, right]) => ({
					left: entryAt(left, lefts),
					right: entryAt(right, rights)
				}))
			};
		}
		case KIND_CODES.ordering:
			return { kind: 'ordering', sequence: answer[1].map((ref) => entryAt(ref, item?.sequence)) };
	}
}

const refTo = (entry: string, list: readonly string[] | undefined): CompactRef => {
	const index = list?.indexOf(entry) ?? -1;
	return index >= 0 ? index : clip(entry);
};

/**
 * Typed text cut to the receipt's limit, so an overlong answer still hands in (no bank answer
 * comes near it, so the cut never turns a right answer wrong); never inside a surrogate pair.
 */
function clip(text: string): string {
	if (text.length <= LIMITS.answerChars) return text;
	const cut = text.slice(0, LIMITS.answerChars);
	return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function entryAt(ref: CompactRef, list: readonly string[] | undefined): string {
	if (typeof ref === 'string') return ref;
	const entry = list?.[ref];
	// an index past the item's entries passed the checksum, so it was made this way on purpose
	if (entry === undefined) throw new AssignError('invalid');
	return entry;
}

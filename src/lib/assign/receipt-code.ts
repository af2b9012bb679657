// The receipt a student hands in: who answered which assignment, when, and every answer.
// Answers travel compactly: a chosen option, a matched entry or an ordered entry is its
// index in the bank item (any text not found there is kept as text).
//
// About the checksum: it is a 53-bit hash over the content, keyed by the assignment's id and
// seed. It catches accidental damage (a mangled copy, a cut-off scan) and casual edits (a
// changed name or answer). It does not stop a determined forger: with no server, the key
// travels in the assignment link every student holds, and this code is open source. Scores
// are recomputed from the answers anyway, so a forged receipt can only claim answers.
import * as v from 'valibot';
import type { Bank, BankItem } from '../bank/types';
import type { Response } from '../quiz/types';
import type { Assignment } from './assignment-code';
import { ASSIGNMENT_ID_PATTERN, BANK_HASH_PATTERN, isoToMs } from './assignment-code';
import { bankKey } from './bank-hash';
import { packCode, unpackCode } from './code-text';
import { AssignError } from './errors';
import { hash53 } from './hash';
import { LIMITS, MAX_TIME_MS } from './limits';

export const RECEIPT_FORMAT_VERSION = 1;
const TAG = 'R';
const ASSIGNMENT_TAG = 'A';

/** One submitted attempt; `answers[i]` answers `assignment.itemIds[i]` (null: not answered). */
export interface Receipt {
	v: typeof RECEIPT_FORMAT_VERSION;
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
	v.literal(RECEIPT_FORMAT_VERSION),
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
const CompactV1 = v.strictTuple([...CompactBodyV1.items, v.pipe(v.string(), v.maxLength(16))]);

/** The receipt code for `receipt`, answering `assignment` over `bank`. */
export function encodeReceipt(receipt: Receipt, assignment: ReceiptContext, bank: Bank): string {
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
	if (!v.is(CompactBodyV1, body)) throw new AssignError('invalid');
	const code = packCode([...body, checksum(body, assignment)]);
	if (code.length > LIMITS.receiptCodeChars) throw new AssignError('too-long');
	return code;
}

/**
 * The receipt in `code`, refused unless it answers `assignment` over this `bank` and is
 * unchanged since it was made. Throws only AssignError.
 */
export function decodeReceipt(code: string, assignment: ReceiptContext, bank: Bank): Receipt {
	const value = unpackCode(code, LIMITS.receiptCodeChars);
	if (!Array.isArray(value)) throw new AssignError('invalid');
	if (value[0] === ASSIGNMENT_TAG) throw new AssignError('wrong-kind');
	if (value[0] !== TAG) throw new AssignError('invalid');
	if (value[1] !== RECEIPT_FORMAT_VERSION) throw new AssignError('unknown-version');
	const parsed = v.safeParse(CompactV1, value);
	if (!parsed.success) throw new AssignError('invalid');
	const body = parsed.output.slice(0, -1) as unknown as CompactBody;
	const sum = parsed.output[parsed.output.length - 1];
	const [, , assignmentId, packId, bankHash, student, started, submitted, attempt, answers] = body;
	// checked before the checksum, which another assignment's key would fail for the wrong reason
	if (assignmentId !== assignment.id) throw new AssignError('wrong-assignment');
	const key = bankKey(bank);
	if (packId !== key.packId || bankHash !== key.hash) throw new AssignError('wrong-bank');
	if (sum !== checksum(body, assignment)) throw new AssignError('tampered');
	if (answers.length !== assignment.itemIds.length) throw new AssignError('invalid');
	const claimedScore = body[10];
	return {
		v: RECEIPT_FORMAT_VERSION,
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
}

function checksum(body: readonly unknown[], assignment: ReceiptContext): string {
	return hash53(`${assignment.id}\u0000${assignment.seed}\u0000${JSON.stringify(body)}`);
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

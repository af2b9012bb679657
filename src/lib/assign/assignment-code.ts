// The assignment code carried in a link's fragment (`/a#<code>`): versioned, compact,
// validated on the way in. Items travel as indices into the bank's sorted id list (ids are
// long, indices are one to three digits), which is only meaningful for the bank version
// named by `bankHash`: a code made for another version is refused as 'wrong-bank'.
// Version 2 is version 1 with a class channel at the end (where receipts are delivered
// online); a code without a channel is still written as version 1, so an app from before the
// channel opens it, and this app reads both.
import * as v from 'valibot';
import type { Bank } from '../bank/types';
import { bankKey } from './bank-hash';
import { packCode, unpackCode } from './code-text';
import { AssignError } from './errors';
import { LIMITS, MAX_TIME_MS } from './limits';

export const ASSIGNMENT_FORMAT_VERSION = 1;
/** The code version that carries a class channel. */
export const CHANNEL_FORMAT_VERSION = 2;
const TAG = 'A';
// a receipt pasted where an assignment belongs gets its own sentence
const RECEIPT_TAG = 'R';

export const FEEDBACK_MODES = ['immediately', 'after-submitting', 'never'] as const;
/** When a student sees whether each answer was right. */
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];

/**
 * Where students' devices deliver receipts online: the sync server, the drop token that lets
 * them add to the class inbox (and do nothing else), and the instructor's public key that
 * receipts are sealed to. None of it is secret: it opens nothing already in the inbox.
 */
export interface ClassChannel {
	origin: string;
	dropToken: string;
	instructorKey: string;
}

/** One assignment as the app handles it; dates are ISO strings, kept to the millisecond. */
export interface Assignment {
	v: typeof ASSIGNMENT_FORMAT_VERSION;
	packId: string;
	bankHash: string;
	/** 4-32 characters of [A-Za-z0-9_-]; the caller makes it (random), the codec keeps it. */
	id: string;
	title: string;
	instructor: string;
	instructions: string;
	timeLimitSec?: number;
	due?: string;
	/** How many attempts a student may submit; 0 means no limit. */
	attemptsAllowed: number;
	shuffleQuestions: boolean;
	shuffleOptions: boolean;
	feedback: FeedbackMode;
	/** Percent needed to pass, 0-100. */
	passMark: number;
	/** Bank item ids in the order the instructor chose. */
	itemIds: string[];
	seed: string;
	createdAt: string;
	/** Receipts are also delivered online to this class inbox. */
	channel?: ClassChannel;
}

export const ASSIGNMENT_ID_PATTERN = /^[A-Za-z0-9_-]{4,32}$/;
export const BANK_HASH_PATTERN = /^[0-9a-z]{11}$/;

const text = (max: number, min = 0) => v.pipe(v.string(), v.minLength(min), v.maxLength(max));
const int = (min: number, max: number) =>
	v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const time = int(-MAX_TIME_MS, MAX_TIME_MS);

/** The wire form, version 1: a positional tuple, because key names would cost link length. */
const CompactV1 = v.strictTuple([
	v.literal(TAG),
	v.literal(ASSIGNMENT_FORMAT_VERSION),
	text(LIMITS.packIdChars, 1), // packId
	v.pipe(v.string(), v.regex(BANK_HASH_PATTERN)), // bankHash
	v.pipe(v.string(), v.regex(ASSIGNMENT_ID_PATTERN)), // id
	text(LIMITS.titleChars, 1), // title
	text(LIMITS.nameChars), // instructor
	text(LIMITS.instructionsChars), // instructions
	v.nullable(int(1, LIMITS.maxTimeLimitSec)), // timeLimitSec
	v.nullable(time), // due
	int(0, LIMITS.maxAttempts), // attemptsAllowed
	int(0, 3), // flags: 1 shuffle questions, 2 shuffle options
	int(0, FEEDBACK_MODES.length - 1), // feedback
	int(0, 100), // passMark
	v.pipe(v.array(int(0, 1e6)), v.minLength(1), v.maxLength(LIMITS.maxItems)), // item indices
	text(LIMITS.seedChars, 1), // seed
	time // createdAt
]);

/** A channel's wire form: [origin, drop token, instructor's public key]. */
const CompactChannel = v.strictTuple([
	v.pipe(v.string(), v.maxLength(200), v.regex(/^wss?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$/)),
	v.pipe(v.string(), v.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)),
	v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{87}$/))
]);
/** Version 2: version 1's fields, then the channel. */
const CompactV2 = v.strictTuple([
	...CompactV1.items.slice(0, 1),
	v.literal(CHANNEL_FORMAT_VERSION),
	...CompactV1.items.slice(2),
	CompactChannel
]);
type CompactAssignment = v.InferOutput<typeof CompactV1>;
type CompactChannelTuple = v.InferOutput<typeof CompactChannel>;

/** The code for `assignment`, whose items must all be in `bank`. Throws AssignError('invalid'). */
export function encodeAssignment(assignment: Assignment, bank: Bank): string {
	const key = bankKey(bank);
	if (assignment.packId !== key.packId || assignment.bankHash !== key.hash) {
		throw new AssignError('wrong-bank');
	}
	const indices = assignment.itemIds.map((id) => key.indexById.get(id));
	if (indices.some((i) => i === undefined) || new Set(indices).size !== indices.length) {
		throw new AssignError('invalid');
	}
	const channel = assignment.channel;
	const compact = [
		TAG,
		channel ? CHANNEL_FORMAT_VERSION : ASSIGNMENT_FORMAT_VERSION,
		assignment.packId,
		assignment.bankHash,
		assignment.id,
		assignment.title,
		assignment.instructor,
		assignment.instructions,
		assignment.timeLimitSec ?? null,
		assignment.due === undefined ? null : isoToMs(assignment.due),
		assignment.attemptsAllowed,
		(assignment.shuffleQuestions ? 1 : 0) | (assignment.shuffleOptions ? 2 : 0),
		FEEDBACK_MODES.indexOf(assignment.feedback),
		assignment.passMark,
		indices,
		assignment.seed,
		isoToMs(assignment.createdAt),
		...(channel ? [[channel.origin, channel.dropToken, channel.instructorKey]] : [])
	];
	// the encoder holds itself to the decoder's rules, so no code it makes is ever refused
	if (!v.is(channel ? CompactV2 : CompactV1, compact)) throw new AssignError('invalid');
	const code = packCode(compact);
	if (code.length > LIMITS.assignmentCodeChars) throw new AssignError('too-long');
	return code;
}

/**
 * The pack (article) an assignment code is written for, so the right bank can be loaded to
 * decode it; undefined when the code cannot be read at all (decoding then says why).
 */
export function packIdOfCode(code: string): string | undefined {
	try {
		const [compact] = parseCompact(unpackCode(code, LIMITS.assignmentCodeChars));
		return compact[2];
	} catch {
		return undefined;
	}
}

/** The assignment in `code` (or in a link ending '#code'), checked against `bank`. */
export function decodeAssignment(code: string, bank: Bank): Assignment {
	const [compact, channel] = parseCompact(unpackCode(code, LIMITS.assignmentCodeChars));
	const key = bankKey(bank);
	const [, , packId, bankHash, id, title, instructor, instructions, timeLimitSec, due] = compact;
	if (packId !== key.packId || bankHash !== key.hash) throw new AssignError('wrong-bank');
	const [, , , , , , , , , , attemptsAllowed, flags, feedback, passMark, indices, seed, created] =
		compact;
	if (new Set(indices).size !== indices.length) throw new AssignError('invalid');
	const itemIds = indices.map((index) => {
		const itemId = key.itemIds[index];
		if (itemId === undefined) throw new AssignError('invalid');
		return itemId;
	});
	return {
		v: ASSIGNMENT_FORMAT_VERSION,
		packId,
		bankHash,
		id,
		title,
		instructor,
		instructions,
		...(timeLimitSec === null ? {} : { timeLimitSec }),
		...(due === null ? {} : { due: new Date(due).toISOString() }),
		attemptsAllowed,
		shuffleQuestions: (flags & 1) !== 0,
		shuffleOptions: (flags & 2) !== 0,
		feedback: FEEDBACK_MODES[feedback] ?? 'never',
		passMark,
		itemIds,
		seed,
		createdAt: new Date(created).toISOString(),
		...(channel
			? { channel: { origin: channel[0], dropToken: channel[1], instructorKey: channel[2] } }
			: {})
	};
}

/** Version 1's fields (whichever version carried them), and the channel when there is one. */
function parseCompact(value: unknown): [CompactAssignment, CompactChannelTuple?] {
	if (!Array.isArray(value)) throw new AssignError('invalid');
	if (value[0] === RECEIPT_TAG) throw new AssignError('wrong-kind');
	if (value[0] !== TAG) throw new AssignError('invalid');
	if (value[1] !== ASSIGNMENT_FORMAT_VERSION && value[1] !== CHANNEL_FORMAT_VERSION) {
		throw new AssignError('unknown-version');
	}
	if (value[1] === CHANNEL_FORMAT_VERSION) {
		const parsed = v.safeParse(CompactV2, value);
		if (!parsed.success) throw new AssignError('invalid');
		const fields = [TAG, ASSIGNMENT_FORMAT_VERSION, ...parsed.output.slice(2, 17)];
		return [fields as CompactAssignment, parsed.output[17] as CompactChannelTuple];
	}
	const parsed = v.safeParse(CompactV1, value);
	if (!parsed.success) throw new AssignError('invalid');
	return [parsed.output];
}

/** Milliseconds for an ISO date, or AssignError('invalid') when it is not one. */
export function isoToMs(iso: string): number {
	const ms = Date.parse(iso);
	if (!Number.isFinite(ms)) throw new AssignError('invalid');
	return ms;
}

// What the gradebook can and cannot say about each receipt, and which one stands for each
// student. Every receipt is kept; a receipt that conflicts with another (another device,
// an attempt past the limit, edited settings, a second receipt for the same attempt) is
// shown with its flags and never replaces a result silently.
import type { Assignment } from './assignment-code';
import type { Submission } from './gradebook';
import { hasInvisibleMarks, nameKey, nameSkeleton } from './names';
import { settingsHash } from './settings-hash';

export const RECEIPT_FLAGS = {
	unsigned: 'Not signed: made by an older version of the app, so its device cannot be told.',
	'other-device':
		'Receipts under this name are signed by more than one device: one of them may be someone else.',
	'settings-changed':
		'Taken under different settings from this assignment (an edited link: timer, attempts, feedback, due date, questions or pass mark changed).',
	'settings-unknown': 'Does not say which settings it was taken under (older app).',
	'past-attempt-limit': 'Its attempt number is past the number of attempts allowed.',
	'same-attempt': 'Another receipt under this name already claims this attempt number.',
	'over-time':
		'Its start and submit times (from the student’s clock) span more than the time limit.',
	late: 'Submitted after the due date by the student’s own clock.',
	'invisible-marks': 'The name contains invisible characters (zero-width or direction marks).',
	'looks-alike': 'The name looks like another student’s name but is spelt with other characters.'
} as const;
export type ReceiptFlag = keyof typeof RECEIPT_FLAGS;

/** Flags that keep a receipt from standing for its student while another one can. */
const BLOCKING: ReadonlySet<ReceiptFlag> = new Set([
	'other-device',
	'settings-changed',
	'past-attempt-limit',
	'same-attempt'
]);
/** The device submits at the deadline itself; a second of slack covers clock rounding. */
const TIME_SLACK_MS = 1000;

export interface ReviewedReceipt {
	submission: Submission;
	flags: ReceiptFlag[];
	/** The other name, when flagged 'looks-alike'. */
	looksLike?: string;
	/** False when a flag keeps it from standing for the student. */
	eligible: boolean;
}

export interface StudentResult {
	/** The name compared (nameKey). */
	key: string;
	/** The receipt that stands for the student: the highest attempt among eligible ones. */
	result: ReviewedReceipt;
	/** Every receipt under this name, in import order. */
	receipts: ReviewedReceipt[];
	/** Receipts under this name with at least one flag, other than the result's own. */
	conflicts: number;
}

/**
 * Each receipt with its flags, in the order given. A name whose receipts are signed by two
 * devices or more has every signed one flagged: the order they arrived in is not proof of
 * whose the name is (a classmate can hand in first, or reorder what arrives), so none of them
 * stands while the others are in doubt.
 */
export function reviewReceipts(
	assignment: Assignment,
	submissions: readonly Submission[]
): ReviewedReceipt[] {
	const expected = settingsHash(assignment);
	const devicesOf = new Map<string, Set<string>>();
	const attemptsSeen = new Set<string>();
	const namesBySkeleton = new Map<string, Map<string, string>>();
	for (const { receipt } of submissions) {
		const key = nameKey(receipt.student);
		const names = namesBySkeleton.get(nameSkeleton(receipt.student)) ?? new Map();
		if (!names.has(key)) names.set(key, receipt.student);
		namesBySkeleton.set(nameSkeleton(receipt.student), names);
		if (receipt.deviceKey)
			devicesOf.set(key, (devicesOf.get(key) ?? new Set()).add(receipt.deviceKey));
	}
	return submissions.map((submission) => {
		const { receipt, score } = submission;
		const key = nameKey(receipt.student);
		const flags: ReceiptFlag[] = [];
		const devices = devicesOf.get(key)?.size ?? 0;
		if (!receipt.deviceKey) flags.push('unsigned');
		else if (devices > 1) flags.push('other-device');
		if (receipt.settingsHash === undefined) flags.push('settings-unknown');
		else if (receipt.settingsHash !== expected) flags.push('settings-changed');
		if (assignment.attemptsAllowed > 0 && receipt.attempt > assignment.attemptsAllowed) {
			flags.push('past-attempt-limit');
		}
		const attemptKey = `${key}\u0000${receipt.attempt}`;
		if (attemptsSeen.has(attemptKey)) flags.push('same-attempt');
		attemptsSeen.add(attemptKey);
		if (
			assignment.timeLimitSec !== undefined &&
			score.durationMs > assignment.timeLimitSec * 1000 + TIME_SLACK_MS
		) {
			flags.push('over-time');
		}
		if (score.late) flags.push('late');
		if (hasInvisibleMarks(receipt.student)) flags.push('invisible-marks');
		const others = [...(namesBySkeleton.get(nameSkeleton(receipt.student))?.entries() ?? [])];
		const looksLike = others.find(([other]) => other !== key)?.[1];
		if (looksLike !== undefined) flags.push('looks-alike');
		// an unsigned receipt cannot outrank one this name's device signed
		const unprovenBesideSigned = !receipt.deviceKey && devices > 0;
		return {
			submission,
			flags,
			...(looksLike === undefined ? {} : { looksLike }),
			eligible: !flags.some((flag) => BLOCKING.has(flag)) && !unprovenBesideSigned
		};
	});
}

/**
 * One result per student (names compared by nameKey): the highest attempt among eligible
 * receipts, or the first receipt when none is eligible; in first-seen order.
 */
export function studentResults(
	assignment: Assignment,
	submissions: readonly Submission[]
): StudentResult[] {
	const byStudent = new Map<string, ReviewedReceipt[]>();
	for (const reviewed of reviewReceipts(assignment, submissions)) {
		const key = nameKey(reviewed.submission.receipt.student);
		byStudent.set(key, [...(byStudent.get(key) ?? []), reviewed]);
	}
	return [...byStudent].map(([key, receipts]) => {
		const eligible = receipts.filter((r) => r.eligible);
		const result =
			eligible.reduce<ReviewedReceipt | undefined>(
				(best, r) =>
					!best || r.submission.receipt.attempt > best.submission.receipt.attempt ? r : best,
				undefined
			) ?? receipts[0]!;
		const conflicts = receipts.filter((r) => r !== result && r.flags.length > 0).length;
		return { key, result, receipts, conflicts };
	});
}

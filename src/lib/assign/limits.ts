// Limits on what codes may carry: generous for real use, small enough that a hostile code
// cannot flood a page or a gradebook.
export const LIMITS = {
	titleChars: 120,
	instructionsChars: 1000,
	nameChars: 80,
	packIdChars: 64,
	seedChars: 64,
	maxItems: 200,
	/** Longest time limit: one day. */
	maxTimeLimitSec: 86_400,
	maxAttempts: 100,
	/** Longest typed answer or option text carried in a receipt. */
	answerChars: 500,
	/** Most pairs or entries in one matching or ordering answer. */
	answerParts: 50,
	assignmentCodeChars: 12_000,
	receiptCodeChars: 100_000
} as const;

/** Valid times are milliseconds since 1970 within Date's range. */
export const MAX_TIME_MS = 8.64e15;

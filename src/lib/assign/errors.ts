// One error class for every way an assignment or receipt code can be refused, with a code
// the page can branch on and a sentence it can show as it is (what is wrong, what to do).

export const ASSIGN_ERROR_MESSAGES = {
	empty: 'The code is empty. Paste the whole link or code you were given.',
	'too-long':
		'This code is longer than any code the app makes. Check that only one code was pasted.',
	'not-base64url':
		'This code contains characters a code never has. Copy it again from the original link or message.',
	corrupt:
		'This code is damaged or cut short. Copy it again in full from the original link or message.',
	'unknown-version':
		'This code was made by a newer or older version of the app. Update the app, or ask for a new code.',
	'wrong-kind':
		'This is a receipt where an assignment was expected, or the other way round. Check which code goes where.',
	invalid:
		'This code has the right form but its content is not valid. Ask whoever sent it for a new one.',
	'wrong-bank':
		'This code was made for a different version of the question bank. Update the app on both devices, or make the code again.',
	'wrong-assignment':
		'This receipt belongs to a different assignment. Import it into the assignment it was made for.',
	tampered:
		'This receipt has been changed since it was made, so its answers cannot be trusted. Ask the student to send the receipt again.',
	duplicate: 'This receipt was already imported.'
} as const;

/** Why a code was refused. */
export type AssignErrorCode = keyof typeof ASSIGN_ERROR_MESSAGES;

/** A refused assignment or receipt code; `message` is a plain sentence a page can show. */
export class AssignError extends Error {
	constructor(
		readonly code: AssignErrorCode,
		options?: { cause?: unknown }
	) {
		super(ASSIGN_ERROR_MESSAGES[code], options);
		this.name = 'AssignError';
	}
}

/** True when `error` is an AssignError (with any code, or the one given). */
export function isAssignError(error: unknown, code?: AssignErrorCode): error is AssignError {
	return error instanceof AssignError && (code === undefined || error.code === code);
}

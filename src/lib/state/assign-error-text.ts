// Refused assignment and receipt codes in the learner's words; only the assignment pages and
// the gradebook meet them.
import { AssignError, type AssignErrorCode } from '$lib/assign/errors';
import { m } from '$lib/paraglide/messages';
import { errorText } from './error-text';

const ASSIGN_TEXT: Record<AssignErrorCode, () => string> = {
	empty: m.error_assign_empty,
	'too-long': m.error_assign_too_long,
	'not-base64url': m.error_assign_not_base64url,
	corrupt: m.error_assign_corrupt,
	'unknown-version': m.error_assign_unknown_version,
	'wrong-kind': m.error_assign_wrong_kind,
	invalid: m.error_assign_invalid,
	'wrong-bank': m.error_assign_wrong_bank,
	'wrong-assignment': m.error_assign_wrong_assignment,
	tampered: m.error_assign_tampered,
	duplicate: m.error_assign_duplicate
};

/** errorText, knowing assignment and receipt codes too. */
export function assignErrorText(error: unknown): string {
	return error instanceof AssignError ? ASSIGN_TEXT[error.code]() : errorText(error);
}

/** The sentence for a refused code's reason. */
export const assignCodeText = (code: AssignErrorCode): string => ASSIGN_TEXT[code]();

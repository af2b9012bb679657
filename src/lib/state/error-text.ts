// The one place an error becomes the learner's words. Coded errors (bank, assignment and
// receipt codes, storage) carry a sentence written for people; anything else is unexpected,
// so it says so and keeps the browser's message for a bug report.
import { AssignError } from '$lib/assign/errors';
import { BankError } from '$lib/bank/errors';
import { StorageError } from '$lib/storage';

/** A sentence for `error`, fit to show as it is. */
export function errorText(error: unknown): string {
	if (
		error instanceof StorageError ||
		error instanceof AssignError ||
		error instanceof BankError ||
		// by name, so the card text checks stay out of every page that shows an error
		(error instanceof Error && error.name === 'CardTextError')
	)
		return error.message;
	const detail = error instanceof Error ? error.message : String(error);
	return `Something unexpected went wrong (${detail}).`;
}

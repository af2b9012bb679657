// The one place an error becomes the learner's words. Coded errors (bank, storage) are worded
// here from their code, in the page's language; anything else is unexpected, so it says so and
// keeps the browser's message for a bug report. Assignment codes and backups have their own
// words (assign-error-text.ts, backup-error-text.ts), so pages that never meet them never
// carry them.
import { BankError, type BankErrorCode } from '$lib/bank/errors';
import { formatNumber, locale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { StorageError, type StorageErrorCode } from '$lib/storage';

const STORAGE_TEXT: Record<StorageErrorCode, () => string> = {
	'attempt-missing': m.error_storage_attempt_missing,
	'attempt-finished': m.error_storage_attempt_finished,
	full: m.error_storage_full,
	blocked: m.error_storage_blocked,
	failed: m.error_storage_failed
};

const BANK_TEXT: Record<BankErrorCode, () => string> = {
	missing: m.error_bank_missing,
	'schema-version': m.error_bank_schema_version,
	malformed: m.error_bank_malformed
};

const CARD_TEXT: Record<string, () => string> = {
	'empty-front': m.card_text_empty_front,
	'empty-back': m.card_text_empty_back,
	'too-long': () => m.card_text_too_long({ max: formatNumber(2000) }),
	markup: m.card_text_markup,
	'no-gap': () => m.card_text_no_gap({ gap: '_____' }),
	'same-sides': m.card_text_same_sides,
	gone: m.card_gone
};

/** A sentence for `error`, fit to show as it is. */
export function errorText(error: unknown): string {
	if (error instanceof StorageError) return STORAGE_TEXT[error.code]();
	// a bank error's English message names what failed and how; other languages get its code's sentence
	if (error instanceof BankError)
		return locale() === 'en' ? error.message : BANK_TEXT[error.code]();
	// by name, so the card text checks stay out of every page that shows an error
	if (error instanceof Error && error.name === 'CardTextError') {
		const text = CARD_TEXT[(error as Error & { code: string }).code];
		return text ? text() : error.message;
	}
	const detail = error instanceof Error ? error.message : String(error);
	return m.error_unexpected({ detail });
}

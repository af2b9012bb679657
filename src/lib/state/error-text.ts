// The one place an error becomes the learner's words. Coded errors (bank, assignment and
// receipt codes, storage, backups) are worded here from their code, in the page's language;
// anything else is unexpected, so it says so and keeps the browser's message for a bug report.
import { AssignError, type AssignErrorCode } from '$lib/assign/errors';
import { BankError, type BankErrorCode } from '$lib/bank/errors';
import { locale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { StorageError, type BackupErrorCode, type StorageErrorCode } from '$lib/storage';

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

/** What went wrong with a backup, by its code (the English message says more: its detail). */
export const BACKUP_ERROR_TEXT: Record<BackupErrorCode, () => string> = {
	empty: m.backup_text_empty,
	'too-large': m.backup_text_too_large,
	'not-json': m.backup_text_not_json,
	truncated: m.backup_text_truncated,
	'wrong-format': m.backup_text_wrong_format,
	'newer-version': m.backup_text_newer_version,
	incomplete: m.backup_text_incomplete,
	'invalid-rows': m.backup_text_invalid_rows,
	quota: m.backup_text_quota,
	'write-failed': m.backup_text_write_failed,
	'read-failed': m.backup_text_read_failed
};

/** A sentence for `error`, fit to show as it is. */
export function errorText(error: unknown): string {
	if (error instanceof AssignError) return ASSIGN_TEXT[error.code]();
	if (error instanceof StorageError) return STORAGE_TEXT[error.code]();
	// a bank error's English message names what failed and how; other languages get its code's sentence
	if (error instanceof BankError)
		return locale() === 'en' ? error.message : BANK_TEXT[error.code]();
	const detail = error instanceof Error ? error.message : String(error);
	return m.error_unexpected({ detail });
}

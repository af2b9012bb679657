// What went wrong with a backup file, in the page's language; only Settings meets them.
import { m } from '$lib/paraglide/messages';
import type { BackupErrorCode } from '$lib/storage';

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
	'other-pack': m.backup_text_other_pack,
	quota: m.backup_text_quota,
	'write-failed': m.backup_text_write_failed,
	'read-failed': m.backup_text_read_failed
};

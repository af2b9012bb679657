// The words of the backup section: a title for every backup error and what "Keep my data" came
// to. Apart from data-safety.ts, so that only Settings carries them.
import { m } from '$lib/paraglide/messages';
import type { PersistenceOutcome } from '$lib/pwa/storage-persistence';
import type { BackupErrorCode } from '$lib/storage';

/** A short title for each backup error, in the page's language; the error's own message says what to do. */
export const BACKUP_ERROR_TITLES: Record<BackupErrorCode, () => string> = {
	empty: m.backup_title_empty,
	'too-large': m.backup_title_too_large,
	'not-json': m.backup_title_not_json,
	truncated: m.backup_title_truncated,
	'wrong-format': m.backup_title_wrong_format,
	'newer-version': m.backup_title_newer_version,
	incomplete: m.backup_title_incomplete,
	'invalid-rows': m.backup_title_invalid_rows,
	'other-pack': m.backup_title_other_pack,
	quota: m.backup_title_quota,
	'write-failed': m.backup_title_write_failed,
	'read-failed': m.backup_title_read_failed
};

/** What "Keep my data" came to, in the learner's words: a refusal is said, and what to do. */
export const PERSISTENCE_MESSAGES: Record<PersistenceOutcome, () => string> = {
	granted: m.persist_granted,
	refused: m.persist_refused,
	unavailable: m.persist_unavailable
};

// The one door to this device's data. State classes import storage from here and nowhere
// else (ESLint enforces it); nothing outside storage reaches Dexie. The heavy parts (backup,
// the progress reads) load on first use through the loaders at the end, so a page that never
// needs them never downloads them.
export {
	countReviewsBetween,
	loadStudyDay,
	prepareDatabase,
	readSetting,
	recentReviews,
	recordReview,
	saveSetting,
	skippedRowCounts,
	tableCounts,
	undoReview,
	type NewRating,
	type RecordedRating,
	type StudyDayData,
	type UndoTarget
} from './repository';
export { databaseExists, onDatabaseOutdated } from './lifecycle';
export {
	cardHistory,
	changeCardFlags,
	loadCardBrowser,
	resetCards,
	restoreCards,
	type CardBrowserData,
	type CardsSnapshot,
	type FlagsChange
} from './card-marks';
export {
	finishAttempt,
	getAttempt,
	listAttempts,
	mistakeItemIds,
	openAttempts,
	saveAnswer,
	saveDraft,
	savePosition,
	startAttempt
} from './attempts';
export {
	addSubmissions,
	listAssignments,
	listReceipts,
	saveAssignment,
	type SavedAs,
	type StoredAssignment,
	type StoredReceipt
} from './assignments';
export { deviceKeyPair } from './device-keys';
export { StorageError, storageError, type StorageErrorCode } from './errors';
export type {
	AssignmentRole,
	AssignmentRow,
	AttemptKind,
	AttemptRow,
	CardFlagRow,
	CardRow,
	ReviewRow,
	SubmissionRow
} from './db';
export type { Backup, BackupErrorCode, BackupSummary } from './backup-format';
export type { ImportMode, ReplacedCopy } from './backup';

/** Backup export and import, loaded when Settings uses them. */
export const loadBackup = () => import('./backup');
/** Reading and validating a backup file. */
export const loadBackupFormat = () => import('./backup-format');
/** Whole-history reads (Progress, the backup reminder) and the reset. */
export const loadProgressReads = () => import('./progress-read');
/** The card fields the read view shades paragraphs by. */
export const loadCardReads = () => import('./cards-read');

// The one door to this device's data. State classes import storage from here and nowhere
// else (ESLint enforces it); nothing outside storage reaches Dexie. The heavy parts (backup,
// the progress reads) load on first use through the loaders at the end, so a page that never
// needs them never downloads them.
export {
	countReviewsBetween,
	loadOwnDeck,
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
	type OwnDeckData,
	type RecordedRating,
	type StudyDayData,
	type UndoTarget
} from './repository';
export { databaseExists, onDatabaseOutdated } from './lifecycle';
export { onLocalChange, type LocalChange } from './change-feed';
// Cards, attempts, assignments and device keys are used by some pages only: each module loads
// on its first call (every storage call is async, so a lazy one looks the same to its caller),
// which keeps them out of the shared chunk every page, the home page included, downloads.
type AsyncFunction = (...args: never[]) => Promise<unknown>;

/** `module[name]`, loaded with its module on the first call. */
function onFirstCall<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
	return ((...args: unknown[]) =>
		load().then((module) => (module[name] as (...a: unknown[]) => unknown)(...args))) as M[K];
}

const cardMarks = () => import('./card-marks');
const attempts = () => import('./attempts');
const ownCards = () => import('./own-cards');
const assignments = () => import('./assignments');
const deviceKeys = () => import('./device-keys');
const classChannel = () => import('./class-channel');

type Lazy<M, K extends keyof M> = M[K] extends AsyncFunction ? M[K] : never;
type CardMarks = typeof import('./card-marks');
type Attempts = typeof import('./attempts');
type OwnCards = typeof import('./own-cards');
type Assignments = typeof import('./assignments');

export const cardHistory: Lazy<CardMarks, 'cardHistory'> = onFirstCall(cardMarks, 'cardHistory');
export const changeCardFlags: Lazy<CardMarks, 'changeCardFlags'> = onFirstCall(
	cardMarks,
	'changeCardFlags'
);
export const loadCardBrowser: Lazy<CardMarks, 'loadCardBrowser'> = onFirstCall(
	cardMarks,
	'loadCardBrowser'
);
export const resetCards: Lazy<CardMarks, 'resetCards'> = onFirstCall(cardMarks, 'resetCards');
export const restoreCards: Lazy<CardMarks, 'restoreCards'> = onFirstCall(cardMarks, 'restoreCards');
export type { CardBrowserData, CardsSnapshot, FlagsChange } from './card-marks';

export const addOwnCard: Lazy<OwnCards, 'addOwnCard'> = onFirstCall(ownCards, 'addOwnCard');
export const editOwnCard: Lazy<OwnCards, 'editOwnCard'> = onFirstCall(ownCards, 'editOwnCard');
export const deleteOwnCard: Lazy<OwnCards, 'deleteOwnCard'> = onFirstCall(
	ownCards,
	'deleteOwnCard'
);
export const saveWording: Lazy<OwnCards, 'saveWording'> = onFirstCall(ownCards, 'saveWording');
export const restoreOriginalWording: Lazy<OwnCards, 'restoreOriginalWording'> = onFirstCall(
	ownCards,
	'restoreOriginalWording'
);
export const restoreOwnSnapshot: Lazy<OwnCards, 'restoreOwnSnapshot'> = onFirstCall(
	ownCards,
	'restoreOwnSnapshot'
);
export type { OwnCardInput, OwnSnapshot } from './own-cards';

export const finishAttempt: Lazy<Attempts, 'finishAttempt'> = onFirstCall(
	attempts,
	'finishAttempt'
);
export const getAttempt: Lazy<Attempts, 'getAttempt'> = onFirstCall(attempts, 'getAttempt');
export const listAttempts: Lazy<Attempts, 'listAttempts'> = onFirstCall(attempts, 'listAttempts');
export const mistakeItemIds: Lazy<Attempts, 'mistakeItemIds'> = onFirstCall(
	attempts,
	'mistakeItemIds'
);
export const openAttempts: Lazy<Attempts, 'openAttempts'> = onFirstCall(attempts, 'openAttempts');
export const saveAnswer: Lazy<Attempts, 'saveAnswer'> = onFirstCall(attempts, 'saveAnswer');
export const saveDraft: Lazy<Attempts, 'saveDraft'> = onFirstCall(attempts, 'saveDraft');
export const savePosition: Lazy<Attempts, 'savePosition'> = onFirstCall(attempts, 'savePosition');
export const startAttempt: Lazy<Attempts, 'startAttempt'> = onFirstCall(attempts, 'startAttempt');

export const addSubmissions: Lazy<Assignments, 'addSubmissions'> = onFirstCall(
	assignments,
	'addSubmissions'
);
export const listAssignments: Lazy<Assignments, 'listAssignments'> = onFirstCall(
	assignments,
	'listAssignments'
);
export const listReceipts: Lazy<Assignments, 'listReceipts'> = onFirstCall(
	assignments,
	'listReceipts'
);
export const saveAssignment: Lazy<Assignments, 'saveAssignment'> = onFirstCall(
	assignments,
	'saveAssignment'
);
export type { SavedAs, StoredAssignment, StoredReceipt } from './assignments';

export const deviceKeyPair: Lazy<typeof import('./device-keys'), 'deviceKeyPair'> = onFirstCall(
	deviceKeys,
	'deviceKeyPair'
);
type ClassChannelRows = typeof import('./class-channel');
export const saveClassKey: Lazy<ClassChannelRows, 'saveClassKey'> = onFirstCall(
	classChannel,
	'saveClassKey'
);
export const classKeyOf: Lazy<ClassChannelRows, 'classKeyOf'> = onFirstCall(
	classChannel,
	'classKeyOf'
);
export const queueDelivery: Lazy<ClassChannelRows, 'queueDelivery'> = onFirstCall(
	classChannel,
	'queueDelivery'
);
export const queuedDeliveries: Lazy<ClassChannelRows, 'queuedDeliveries'> = onFirstCall(
	classChannel,
	'queuedDeliveries'
);
export const hasQueuedDeliveries: Lazy<ClassChannelRows, 'hasQueuedDeliveries'> = onFirstCall(
	classChannel,
	'hasQueuedDeliveries'
);
export const deliveryOf: Lazy<ClassChannelRows, 'deliveryOf'> = onFirstCall(
	classChannel,
	'deliveryOf'
);
export const markDeliveries: Lazy<ClassChannelRows, 'markDeliveries'> = onFirstCall(
	classChannel,
	'markDeliveries'
);
export { StorageError, storageError, type StorageErrorCode } from './errors';
export type {
	AssignmentRole,
	AssignmentRow,
	AttemptKind,
	AttemptRow,
	CardFlagRow,
	CardRow,
	CardWordingRow,
	ClassKeyRow,
	OutboxRow,
	OwnCardRow,
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
/** Sync's port onto the database (loaded when sync starts). */
export const loadSyncStore = () => import('./sync-store');
/** The card fields the read view shades paragraphs by. */
export const loadCardReads = () => import('./cards-read');

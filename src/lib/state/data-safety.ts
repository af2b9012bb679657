// Pure rules behind the backup section and the backup reminder: file names, when to remind,
// when the browser may evict the data. No Svelte, no Dexie. Their words are in
// data-safety-text.ts, so the home page (which asks only whether to remind) carries none of them.

/** A reminder appears after this many study days (days with reviews) without a backup. */
export const BACKUP_REMINDER_STUDY_DAYS = 7;

/** The word the learner types to enable "Reset progress". */
export const RESET_CONFIRMATION = 'RESET';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date, "2025-06-10", that names a downloaded file. */
export function localDateStamp(now: Date): string {
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "sahel-brief-backup-2025-06-10.json" */
export const backupFileName = (now: Date): string =>
	`sahel-brief-backup-${localDateStamp(now)}.json`;

/** "sahel-brief-deck-2025-06-10.tsv" */
export const deckFileName = (now: Date): string => `sahel-brief-deck-${localDateStamp(now)}.tsv`;

/** Whether to remind the learner to back up: a week of study days since the last backup. */
export const needsBackupReminder = (studyDays: number): boolean =>
	studyDays >= BACKUP_REMINDER_STUDY_DAYS;

/** Whether the typed confirmation enables "Reset progress" (spaces and case forgiven). */
export const resetConfirmed = (typed: string): boolean =>
	typed.trim().toUpperCase() === RESET_CONFIRMATION;

/** Why this browser may delete the learner's data, or 'none'/'unknown'. */
export type EvictionRisk = 'ios-not-installed' | 'not-persisted' | 'none' | 'unknown';

/** What the page knows about the browser; all read from `navigator` and `matchMedia`. */
export interface BrowserFacts {
	userAgent: string;
	/** navigator.maxTouchPoints: iPads ask for desktop sites and call themselves Macs. */
	maxTouchPoints: number;
	/** Opened from the home screen (display-mode standalone, or navigator.standalone on iOS). */
	standalone: boolean;
	/** navigator.storage.persisted(), undefined where the browser cannot tell. */
	persisted: boolean | undefined;
}

/** Whether the device is an iPhone, iPad or iPod (every browser there is Safari's WebKit). */
export function isAppleMobile({
	userAgent,
	maxTouchPoints
}: Pick<BrowserFacts, 'userAgent' | 'maxTouchPoints'>): boolean {
	return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}

/**
 * The risk that the browser deletes the data by itself. Safari on iPhone and iPad clears the
 * storage of a site not used for seven days unless it was added to the home screen, whatever
 * persist() says; elsewhere, storage that is not persistent may be cleared when space runs low.
 */
export function evictionRisk(facts: BrowserFacts): EvictionRisk {
	if (isAppleMobile(facts) && !facts.standalone) return 'ios-not-installed';
	if (facts.persisted === undefined) return 'unknown';
	return facts.persisted ? 'none' : 'not-persisted';
}

// Whether to remind the learner to back up. The database code loads only when a database
// exists, so the Today page stays light on a first visit.
import { databaseExists, loadProgressReads } from '$lib/storage';
import { studyDaySpans } from '$lib/srs/study-day';
import { needsBackupReminder } from './data-safety';

/** The backup status the reminder and Settings show. */
export interface BackupStatus {
	lastBackupAt: Date | undefined;
	/** Study days with reviews since the last backup (or ever, without one). */
	studyDays: number;
	/** A week of study is unprotected by any backup. */
	remind: boolean;
}

/** Reads when the last backup was made and how much was studied since; undefined on a first visit. */
export async function readBackupStatus(): Promise<BackupStatus | undefined> {
	if (!(await databaseExists())) return undefined;
	const [storage, { loadStudySettings }] = await Promise.all([
		loadProgressReads(),
		import('./study-settings')
	]);
	const [lastBackupAt, { dayStartHour }] = await Promise.all([
		storage.lastBackupTime(),
		loadStudySettings()
	]);
	const range = await storage.reviewTimeRange(lastBackupAt);
	const spans = range ? studyDaySpans(range.first, range.last, dayStartHour) : [];
	const studyDays = (await storage.reviewedDuring(spans)).filter(Boolean).length;
	return { lastBackupAt, studyDays, remind: needsBackupReminder(studyDays) };
}

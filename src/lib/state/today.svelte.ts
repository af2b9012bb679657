// The Today page: what is due, the streak, a time estimate and the last session.
import { studyItems } from '$lib/bank/study-items';
import {
	clampStudySettings,
	latestSessionReviews,
	queueCounts,
	studyDayBounds,
	summarizeSession,
	type QueueCounts,
	type SessionSummary,
	type StudyCard,
	type StudyReview,
	type StudySettings
} from '$lib/srs';
import { databaseExists } from '$lib/storage/lifecycle';
import { getBank } from './bank';

/** Enough recent reviews to hold any realistic single session. */
const LAST_SESSION_WINDOW = 1000;

interface StoredProgress {
	settings: StudySettings;
	cards: StudyCard[];
	reviewsToday: StudyReview[];
	recent: StudyReview[];
	streak: number;
}

/**
 * What the learner has stored. The database code is loaded only when a database exists, so a
 * first visit (nothing stored yet) shows its numbers without downloading it.
 */
async function readStoredProgress(now: Date): Promise<StoredProgress> {
	if (!(await databaseExists())) {
		return { settings: clampStudySettings(), cards: [], reviewsToday: [], recent: [], streak: 0 };
	}
	const [repository, { loadStudySettings }] = await Promise.all([
		import('$lib/storage/repository'),
		import('./study-settings')
	]);
	const settings = await loadStudySettings();
	const { start, end } = studyDayBounds(now, settings.dayStartHour);
	const previous = (bounds: { start: Date }) =>
		studyDayBounds(new Date(bounds.start.getTime() - 1), settings.dayStartHour);

	// consecutive study days with reviews, ending today (or yesterday, if today has none yet)
	let streak = 0;
	let day = { start, end };
	if ((await repository.countReviewsBetween(start, end)) === 0) day = previous(day);
	while ((await repository.countReviewsBetween(day.start, day.end)) > 0) {
		streak++;
		day = previous(day);
	}

	const [studyDay, recent] = await Promise.all([
		repository.loadStudyDay(start, end),
		repository.recentReviews(LAST_SESSION_WINDOW)
	]);
	return { settings, ...studyDay, recent, streak };
}

export class TodayOverview {
	#counts = $state.raw<QueueCounts | undefined>();
	#streak = $state(0);
	#lastSession = $state.raw<SessionSummary | undefined>();
	#error = $state('');
	#loaded = $state(false);

	get counts() {
		return this.#counts;
	}
	get streak() {
		return this.#streak;
	}
	get lastSession() {
		return this.#lastSession;
	}
	get error() {
		return this.#error;
	}
	get loaded() {
		return this.#loaded;
	}

	/** Reads everything the page shows. */
	async load(now: Date = new Date()): Promise<void> {
		try {
			const [bank, stored] = await Promise.all([getBank(), readStoredProgress(now)]);
			this.#counts = queueCounts({
				items: studyItems(bank),
				cards: stored.cards,
				reviewsToday: stored.reviewsToday,
				settings: stored.settings,
				now
			});
			this.#streak = stored.streak;
			this.#lastSession = summarizeSession(latestSessionReviews(stored.recent));
		} catch (error) {
			this.#error = error instanceof Error ? error.message : String(error);
		} finally {
			this.#loaded = true;
		}
	}
}

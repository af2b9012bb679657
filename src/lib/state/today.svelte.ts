// The Today page: what is due, the streak, a time estimate and the last session.
import { studyItems } from '$lib/bank/study-items';
import {
	latestSessionReviews,
	queueCounts,
	studyDayBounds,
	summarizeSession,
	type QueueCounts,
	type SessionSummary
} from '$lib/srs';
import { countReviewsBetween, loadStudyDay, recentReviews } from '$lib/storage/repository';
import { getBank } from './bank';
import { loadStudySettings } from './study-settings';

/** Enough recent reviews to hold any realistic single session. */
const LAST_SESSION_WINDOW = 1000;

/** Consecutive study days with reviews, ending today (or yesterday, if today has none yet). */
async function studyStreak(now: Date, dayStartHour: number): Promise<number> {
	let day = studyDayBounds(now, dayStartHour);
	const previous = (bounds: { start: Date }) =>
		studyDayBounds(new Date(bounds.start.getTime() - 1), dayStartHour);
	if ((await countReviewsBetween(day.start, day.end)) === 0) day = previous(day);
	let streak = 0;
	while ((await countReviewsBetween(day.start, day.end)) > 0) {
		streak++;
		day = previous(day);
	}
	return streak;
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
			const [bank, settings] = await Promise.all([getBank(), loadStudySettings()]);
			const { start, end } = studyDayBounds(now, settings.dayStartHour);
			const [day, streak, recent] = await Promise.all([
				loadStudyDay(start, end),
				studyStreak(now, settings.dayStartHour),
				recentReviews(LAST_SESSION_WINDOW)
			]);
			this.#counts = queueCounts({
				items: studyItems(bank),
				cards: day.cards,
				reviewsToday: day.reviewsToday,
				settings,
				now
			});
			this.#streak = streak;
			this.#lastSession = summarizeSession(latestSessionReviews(recent));
		} catch (error) {
			this.#error = error instanceof Error ? error.message : String(error);
		} finally {
			this.#loaded = true;
		}
	}
}

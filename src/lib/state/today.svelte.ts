// The Today page: what is due, the streak, a time estimate and the last session.
import { studyItems } from '$lib/bank/study-items';
// module by module, not the '$lib/srs' index: the index brings the whole FSRS scheduler
import { queueCounts, type QueueCounts } from '$lib/srs/queue';
import {
	latestSessionReviews,
	summarizeSession,
	type SessionSummary
} from '$lib/srs/session-summary';
import { studyDayBounds } from '$lib/srs/study-day';
import type { StudyCard, StudyReview, StudySettings } from '$lib/srs/types';
import type { CardFlags } from '$lib/srs/card-flags';
import { countReviewsBetween, loadOwnDeck, loadStudyDay, recentReviews } from '$lib/storage';
import { getBank } from './bank';
import { loadStudySettings } from './study-settings';
import { errorText } from './error-text';

/** Enough recent reviews to hold any realistic single session. */
const LAST_SESSION_WINDOW = 1000;

interface StoredProgress {
	settings: StudySettings;
	cards: StudyCard[];
	reviewsToday: StudyReview[];
	flags: ReadonlyMap<string, CardFlags>;
	recent: StudyReview[];
	streak: number;
}

/** What the learner has stored (all empty on a first visit, without loading the database). */
async function readStoredProgress(now: Date): Promise<StoredProgress> {
	const settings = await loadStudySettings();
	const { start, end } = studyDayBounds(now, settings.dayStartHour);
	const previous = (bounds: { start: Date }) =>
		studyDayBounds(new Date(bounds.start.getTime() - 1), settings.dayStartHour);

	// consecutive study days with reviews, ending today (or yesterday, if today has none yet)
	let streak = 0;
	let day = { start, end };
	if ((await countReviewsBetween(start, end)) === 0) day = previous(day);
	while ((await countReviewsBetween(day.start, day.end)) > 0) {
		streak++;
		day = previous(day);
	}

	const [studyDay, recent] = await Promise.all([
		loadStudyDay(start, end),
		recentReviews(LAST_SESSION_WINDOW)
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
			const [bank, own, stored] = await Promise.all([
				getBank(),
				loadOwnDeck(),
				readStoredProgress(now)
			]);
			// the learner's own cards count too; their code loads only when there are some, so a
			// first visit stays light (wordings change no count)
			const bankItems = studyItems(bank);
			const items = own.ownCards.length
				? (await import('$lib/srs/own-cards')).deckItems(bankItems, own.ownCards, new Map())
				: bankItems;
			this.#counts = queueCounts({
				items,
				cards: stored.cards,
				reviewsToday: stored.reviewsToday,
				settings: stored.settings,
				now,
				flags: stored.flags
			});
			this.#streak = stored.streak;
			this.#lastSession = summarizeSession(latestSessionReviews(stored.recent));
		} catch (error) {
			this.#error = errorText(error);
		} finally {
			this.#loaded = true;
		}
	}
}

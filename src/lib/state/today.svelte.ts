// The Today page: what is due, the streak, a time estimate and the last session.
import { studyItems } from '$lib/bank/study-items';
import { ofItemMap, ofItems } from '$lib/progress/pack-scope';
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
import {
	databaseExists,
	loadOwnDeck,
	loadStudyDay,
	loadProgressReads,
	recentReviews
} from '$lib/storage';
import type { CatalogEntry } from '$lib/bank/catalog';
import { choosePack, chosenPackId, DEFAULT_PACK_ID, getBank, getCatalog } from './bank';
import { loadStudySettings } from './study-settings';

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
async function readStoredProgress(
	now: Date,
	itemIds: ReadonlySet<string>
): Promise<StoredProgress> {
	const settings = await loadStudySettings();
	const { start, end } = studyDayBounds(now, settings.dayStartHour);
	// its code loads only where something was stored (a first visit has no streak)
	const streak = (await databaseExists())
		? await (await loadProgressReads()).studyStreak(now, settings.dayStartHour)
		: 0;

	const [studyDay, recent] = await Promise.all([
		loadStudyDay(start, end),
		recentReviews(LAST_SESSION_WINDOW, itemIds)
	]);
	return { settings, ...studyDay, recent, streak };
}

export class TodayOverview {
	#counts = $state.raw<QueueCounts | undefined>();
	#streak = $state(0);
	#lastSession = $state.raw<SessionSummary | undefined>();
	#error = $state('');
	#loaded = $state(false);
	#articles = $state.raw<readonly CatalogEntry[]>([]);
	#packId = $state(chosenPackId());
	#title = $state('');
	#returning = $state(false);

	/** The learner has studied on this device before (its database exists): not a first visit. */
	get returning() {
		return this.#returning;
	}

	/** The articles to choose from: empty while this build offers only one. */
	get articles() {
		return this.#articles;
	}
	/** The article studied now. */
	get packId() {
		return this.#packId;
	}
	/** Its title, once its bank is loaded. */
	get title() {
		return this.#title;
	}
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

	/** Studies `packId` from now on, and counts its cards. */
	async choose(packId: string, now: Date = new Date()): Promise<void> {
		if (packId === this.#packId) return;
		choosePack(packId);
		await this.load(now);
	}

	/** Reads everything the page shows. */
	async load(now: Date = new Date()): Promise<void> {
		void databaseExists().then(
			(exists) => (this.#returning = exists),
			() => (this.#returning = false)
		);
		void getCatalog().then(
			(catalog) => (this.#articles = catalog.packs.length > 1 ? catalog.packs : []),
			() => (this.#articles = []) // no index: the one article there is
		);
		try {
			const [bank, own] = await Promise.all([getBank(), loadOwnDeck()]);
			this.#packId = bank.pack.id;
			this.#title = bank.pack.title;
			// the learner's own cards of this article count too; their code loads only when there
			// are some, so a first visit stays light (wordings change no count)
			const bankItems = studyItems(bank);
			let items = bankItems;
			if (own.ownCards.length) {
				const { deckItems, ownCardsOf } = await import('$lib/srs/own-cards');
				const mine = ownCardsOf(own.ownCards, bank.pack.id, DEFAULT_PACK_ID);
				items = deckItems(bankItems, mine, new Map());
			}
			// the chosen article's cards and reviews (its own cards' too); the streak counts study
			// of any article
			const ids = new Set([...bank.items, ...items].map((item) => item.id));
			const stored = await readStoredProgress(now, ids);
			this.#counts = queueCounts({
				items,
				cards: ofItems(stored.cards, ids),
				reviewsToday: ofItems(stored.reviewsToday, ids),
				settings: stored.settings,
				now,
				flags: ofItemMap(stored.flags, ids)
			});
			this.#streak = stored.streak;
			this.#lastSession = summarizeSession(latestSessionReviews(stored.recent));
		} catch (error) {
			// the words for every error load only when there is one to say
			const { errorText } = await import('./error-text');
			this.#error = errorText(error);
		} finally {
			this.#loaded = true;
		}
	}
}

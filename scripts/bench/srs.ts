// Spaced-repetition benchmarks: the study queue over a whole bank with 100,000 review logs,
// and the per-tap work of rating a card and labelling the buttons.
import { State } from 'ts-fsrs';
import { STUDY_TYPES } from '../../src/lib/bank/types';
import { buildQueue, queueCounts, type QueueInput } from '../../src/lib/srs/queue';
import { replayCard } from '../../src/lib/srs/replay';
import { createScheduler, newCard } from '../../src/lib/srs/scheduler';
import { DEFAULT_STUDY_SETTINGS } from '../../src/lib/srs/settings';
import { dayStreak, reviewsOnStudyDay } from '../../src/lib/srs/study-day';
import { Rating, type QueueItem, type StudyCard, type StudyReview } from '../../src/lib/srs/types';
import { measure, type Benchmark, type BenchResult } from './measure';

const DAY_MS = 86_400_000;
const ITEM_COUNT = 400;
const LOG_COUNT = 100_000;
const HISTORY_DAYS = 365;

/** Small seeded PRNG (mulberry32) so every run benchmarks the same data. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A synthetic study bank, card states and review history, all deterministic. */
export interface SyntheticStudyData {
	now: Date;
	items: QueueItem[];
	cards: StudyCard[];
	/** All logs, sorted by review time, as an index on `review` returns them. */
	reviews: StudyReview[];
}

/** 400 study items (siblings share facts), ~85% with cards, 100,000 logs over a year. */
export function syntheticStudyData(seed = 1): SyntheticStudyData {
	const rand = random(seed);
	const now = new Date(2025, 5, 10, 12, 0);
	const topics = ['france-mali', 'wagner', 'barkhane', 'jnim', 'ecowas', 'niger'];

	const items: QueueItem[] = Array.from({ length: ITEM_COUNT }, (_, i) => ({
		id: `item-${i}`,
		type: STUDY_TYPES[i % STUDY_TYPES.length]!,
		// two or three cards per fact, as the generator makes flashcard/reverse/cloze siblings
		factIds: [`fact-${Math.floor(i / 2.5)}`],
		topic: topics[i % topics.length]!
	}));

	const cards: StudyCard[] = [];
	for (const item of items) {
		const roll = rand();
		if (roll < 0.15) continue; // never studied: a new card
		const base = newCard(item.id, item.factIds, new Date(now.getTime() - HISTORY_DAYS * DAY_MS));
		const learning = roll < 0.22;
		// last review in the past, due anywhere from a month overdue to two months ahead
		const lastReview = learning
			? new Date(now.getTime() - rand() * 3_600_000)
			: new Date(now.getTime() - rand() * 40 * DAY_MS);
		const scheduledDays = learning ? 0 : Math.ceil(rand() * 60);
		const due = learning
			? new Date(lastReview.getTime() + 600_000 + rand() * 3_600_000)
			: new Date(lastReview.getTime() + scheduledDays * DAY_MS);
		cards.push({
			...base,
			state: learning ? State.Learning : State.Review,
			due,
			stability: 1 + rand() * 60,
			difficulty: 1 + rand() * 9,
			scheduled_days: scheduledDays,
			reps: 1 + Math.floor(rand() * 30),
			learning_steps: learning ? 1 : 0,
			last_review: lastReview
		});
	}

	const start = now.getTime() - HISTORY_DAYS * DAY_MS;
	const times = Array.from({ length: LOG_COUNT }, () => start + rand() * (HISTORY_DAYS * DAY_MS));
	times.sort((a, b) => a - b);
	const reviews: StudyReview[] = times.map((t, i) => {
		const when = new Date(t);
		return {
			id: i + 1,
			itemId: items[Math.floor(rand() * ITEM_COUNT)]!.id,
			rating: (1 + Math.floor(rand() * 4)) as Rating,
			state: rand() < 0.1 ? State.New : rand() < 0.2 ? State.Learning : State.Review,
			due: when,
			stability: rand() * 50,
			difficulty: 1 + rand() * 9,
			elapsed_days: 0,
			last_elapsed_days: 0,
			scheduled_days: Math.floor(rand() * 30),
			learning_steps: 0,
			review: when,
			durationMs: 2000 + rand() * 20_000
		};
	});
	return { now, items, cards, reviews };
}

/** Queue building as the Today and Study pages do it, and the worst case of passing every log. */
export function benchQueue(data = syntheticStudyData()): BenchResult[] {
	const { now, items, cards, reviews } = data;
	const base = { items, cards, settings: DEFAULT_STUDY_SETTINGS, now };
	const today = reviewsOnStudyDay(reviews, now);
	const input: QueueInput = { ...base, reviewsToday: today };
	return [
		measure(
			`buildQueue: ${items.length} items, today's ${today.length} of ${reviews.length} logs`,
			() => buildQueue({ ...base, reviewsToday: reviewsOnStudyDay(reviews, now) }),
			{ budgetMs: 50 }
		),
		measure(
			`buildQueue: all ${reviews.length} logs passed unfiltered`,
			() => buildQueue({ ...base, reviewsToday: reviews }),
			{ budgetMs: 50 }
		),
		measure('queueCounts (Today page)', () => queueCounts(input), { budgetMs: 50 }),
		measure(
			`dayStreak over ${reviews.length} review dates`,
			() =>
				dayStreak(
					reviews.map((r) => r.review),
					now
				),
			{ runs: 20, warmup: 3 }
		)
	];
}

/** The work of one tap on a rating button: rate the card, then label the next card's buttons. */
export function benchRating(data = syntheticStudyData()): BenchResult[] {
	const scheduler = createScheduler(DEFAULT_STUDY_SETTINGS);
	const { now, cards } = data;
	let i = 0;
	const nextCard = () => cards[i++ % cards.length]!;
	return [
		measure('rateCard (fuzz on)', () => scheduler.rateCard(nextCard(), Rating.Good, now), {
			runs: 2000,
			warmup: 200,
			budgetMs: 16
		}),
		measure('previewIntervals', () => scheduler.previewIntervals(nextCard(), now), {
			runs: 2000,
			warmup: 200,
			budgetMs: 16
		})
	];
}

/**
 * Replaying reviews into cards, as every rating and Undo does inside its transaction: one card
 * with all 100,000 logs (the worst case), every card of the synthetic history (a full
 * recompute), and one card with its share of the history (what one tap costs).
 */
export function benchReplay(data = syntheticStudyData()): BenchResult[] {
	const { items, reviews } = data;
	const identity = { itemId: 'item-0', factIds: ['fact-0'] };
	const byItem = new Map<string, StudyReview[]>();
	for (const review of reviews) {
		const list = byItem.get(review.itemId) ?? [];
		list.push(review);
		byItem.set(review.itemId, list);
	}
	const typical = byItem.get(items[0]!.id) ?? [];
	return [
		measure(
			`replayCard: one card with all ${reviews.length} reviews`,
			() => replayCard(identity, reviews, DEFAULT_STUDY_SETTINGS),
			{ runs: 10, warmup: 2 }
		),
		measure(
			`replayCard: every one of ${byItem.size} cards, ${reviews.length} reviews in all`,
			() => {
				for (const [itemId, own] of byItem) {
					replayCard({ itemId, factIds: [] }, own, DEFAULT_STUDY_SETTINGS);
				}
			},
			{ runs: 10, warmup: 2 }
		),
		measure(
			`replayCard: one card's ${typical.length} reviews (one rating or Undo)`,
			() => replayCard(identity, typical, DEFAULT_STUDY_SETTINGS),
			{ runs: 500, warmup: 50, budgetMs: 16 }
		)
	];
}

/** The spaced-repetition benchmarks, for `scripts/bench.ts`. */
export const srsBenchmarks: Benchmark[] = [
	{ name: 'srs-queue', run: () => benchQueue() },
	{ name: 'srs-rating', run: () => benchRating() },
	{ name: 'srs-replay', run: () => benchReplay() }
];

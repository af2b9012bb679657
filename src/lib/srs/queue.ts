// What to study now. Sections, in the order they are shown:
//   1. learning and relearning steps already due (short steps lose their point if they wait
//      behind a long review pile, as in Anki), then review cards due this study day, most
//      overdue first, up to the daily review limit;
//   2. new cards in bank order (which follows the article; the learner's own cards sit after
//      their paragraph's), or shuffled by the settings' seed (the same order on every visit),
//      up to the daily new limit minus the new cards already introduced today;
//   3. learning steps due later this study day, by due time (the page may wait for them).
// Review cards are due by day, not by the minute: a card due at 3 pm is studied in the morning.
// Limits count the whole day, whatever topic the session is narrowed to. Suspended cards, and
// cards buried until later, are left out of every section.
import { State } from './fsrs-constants';
import { STUDY_TYPES, type ItemType } from '../bank/types';
import { studyDayBounds } from './study-day';
import type { QueueItem, StudyCard, StudyReview, StudySettings } from './types';
import { isHeldBack, type CardFlags } from './card-flags';

/** Everything the queue depends on; `reviewsToday` may contain older logs, which are ignored. */
export interface QueueInput {
	items: readonly QueueItem[];
	cards: Iterable<StudyCard>;
	/** This study day's reviews (see `reviewsOnStudyDay`); only these affect limits and burying. */
	reviewsToday: readonly StudyReview[];
	settings: StudySettings;
	now: Date;
	/** Only items of this topic; undefined for the whole bank. */
	topic?: string;
	/** The learner's marks by item id: suspended and buried cards are left out. */
	flags?: ReadonlyMap<string, CardFlags>;
}

/** The queue split into its sections, each an ordered list of item ids. */
export interface QueuePlan {
	learningDue: string[];
	reviewDue: string[];
	newCards: string[];
	learningLater: string[];
}

/** The numbers the Today page shows. */
export interface QueueCounts {
	/** Review cards and learning steps due now. */
	dueNow: number;
	/** New cards the learner may still start today. */
	newToday: number;
	/** Learning steps that come due later today. */
	learningLater: number;
	/** Rough minutes to finish today's queue. */
	estimatedMinutes: number;
}

/** Seconds per card when today has too few timed reviews (a typical flashcard answer). */
export const DEFAULT_SECONDS_PER_CARD = 10;
/** Below this many timed reviews today, the median is too noisy to trust. */
export const MIN_TIMED_REVIEWS = 5;

const studyTypes: ReadonlySet<ItemType> = new Set(STUDY_TYPES);
// marks a fact claimed by two different items, so it buries every item
const MANY = '\u0000many';

/** Tracks which item has claimed each fact today, for sibling burying. */
class FactClaims {
	#owners = new Map<string, string>();

	claim(itemId: string, factIds: readonly string[]): void {
		for (const f of factIds) {
			const owner = this.#owners.get(f);
			if (owner === undefined) this.#owners.set(f, itemId);
			else if (owner !== itemId) this.#owners.set(f, MANY);
		}
	}

	/** Whether another item already took one of these facts today. */
	isBuried(itemId: string, factIds: readonly string[]): boolean {
		for (const f of factIds) {
			const owner = this.#owners.get(f);
			if (owner !== undefined && owner !== itemId) return true;
		}
		return false;
	}
}

interface Scheduled {
	item: QueueItem;
	due: number;
}

const byDue = (a: Scheduled, b: Scheduled) => a.due - b.due;

/** Today's queue, split into its sections (see the top of this file for the order and rules). */
export function planQueue(input: QueueInput): QueuePlan {
	const { items, settings, now, topic } = input;
	const { start, end } = studyDayBounds(now, settings.dayStartHour);
	const dayStart = start.getTime();
	const dayEnd = end.getTime();
	const nowMs = now.getTime();

	const cardById = new Map<string, StudyCard>();
	for (const card of input.cards) cardById.set(card.itemId, card);
	const itemById = new Map<string, QueueItem>();
	for (const item of items) itemById.set(item.id, item);

	// What today's reviews already used: limits, and facts that bury their siblings
	const claims = new FactClaims();
	const introducedToday = new Set<string>();
	let reviewsDoneToday = 0;
	for (const r of input.reviewsToday) {
		const t = r.review.getTime();
		if (t < dayStart || t >= dayEnd) continue;
		// the log's state is the card's state before the rating
		if (r.state === State.New) introducedToday.add(r.itemId);
		else if (r.state === State.Review) reviewsDoneToday++;
		const factIds = itemById.get(r.itemId)?.factIds ?? cardById.get(r.itemId)?.factIds ?? [];
		claims.claim(r.itemId, factIds);
	}

	const learningDue: Scheduled[] = [];
	const learningLater: Scheduled[] = [];
	const reviewCandidates: Scheduled[] = [];
	const newCandidates: QueueItem[] = [];
	for (const item of items) {
		if (!studyTypes.has(item.type)) continue;
		if (topic !== undefined && item.topic !== topic) continue;
		if (isHeldBack(input.flags?.get(item.id), now)) continue;
		const card = cardById.get(item.id);
		if (!card || card.state === State.New) {
			newCandidates.push(item);
			continue;
		}
		const due = card.due.getTime();
		if (due >= dayEnd) continue;
		if (card.state === State.Review) reviewCandidates.push({ item, due });
		else if (due <= nowMs) learningDue.push({ item, due });
		else learningLater.push({ item, due });
	}
	// Array.prototype.sort is stable, so equal due times keep bank order
	learningDue.sort(byDue);
	learningLater.sort(byDue);
	reviewCandidates.sort(byDue);

	// Cards mid-step are never buried (deferring a 10-minute step to tomorrow defeats it),
	// but they claim their facts so no sibling joins them today.
	for (const { item } of learningDue) claims.claim(item.id, item.factIds);
	for (const { item } of learningLater) claims.claim(item.id, item.factIds);

	const reviewDue: string[] = [];
	const reviewsLeft = Math.max(0, settings.maxReviewsPerDay - reviewsDoneToday);
	for (const { item } of reviewCandidates) {
		if (reviewDue.length >= reviewsLeft) break;
		if (claims.isBuried(item.id, item.factIds)) continue;
		claims.claim(item.id, item.factIds);
		reviewDue.push(item.id);
	}

	if (settings.newCardOrder === 'shuffled') shuffleStably(newCandidates, settings.newCardSeed);
	const newCards: string[] = [];
	const newLeft = Math.max(0, settings.newPerDay - introducedToday.size);
	for (const item of newCandidates) {
		if (newCards.length >= newLeft) break;
		if (claims.isBuried(item.id, item.factIds)) continue;
		claims.claim(item.id, item.factIds);
		newCards.push(item.id);
	}

	return {
		learningDue: learningDue.map((s) => s.item.id),
		reviewDue,
		newCards,
		learningLater: learningLater.map((s) => s.item.id)
	};
}

/** A 32-bit FNV-1a hash of `text`: the same text gives the same number everywhere. */
function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * Shuffles items in place by a hash of the seed and each id: stable (a card keeps its place
 * however many cards are added or studied) and the same on every device with the same seed.
 */
export function shuffleStably<T extends { id: string }>(items: T[], seed: number): T[] {
	const keys = new Map(items.map((item) => [item.id, hash32(`${seed}:${item.id}`)]));
	return items.sort((a, b) => keys.get(a.id)! - keys.get(b.id)! || (a.id < b.id ? -1 : 1));
}

/** The ordered item ids to study now: due steps and reviews, then new cards, then later steps. */
export function buildQueue(input: QueueInput): string[] {
	const plan = planQueue(input);
	return [...plan.learningDue, ...plan.reviewDue, ...plan.newCards, ...plan.learningLater];
}

/** Median seconds per answer among `reviews` that recorded a duration, or undefined if fewer than `MIN_TIMED_REVIEWS`. */
export function medianAnswerSeconds(reviews: readonly StudyReview[]): number | undefined {
	const ms = reviews
		.map((r) => r.durationMs)
		.filter((d): d is number => typeof d === 'number' && Number.isFinite(d) && d > 0)
		.sort((a, b) => a - b);
	if (ms.length < MIN_TIMED_REVIEWS) return undefined;
	const mid = ms.length >> 1;
	const median = ms.length % 2 ? ms[mid]! : (ms[mid - 1]! + ms[mid]!) / 2;
	return median / 1000;
}

/**
 * Counts for the Today page. The minutes estimate uses the learner's median answer time
 * today (else DEFAULT_SECONDS_PER_CARD) and expects each new card to be seen once per
 * learning step, since a new card answered Good walks through every step before it graduates.
 */
export function queueCounts(input: QueueInput): QueueCounts {
	const plan = planQueue(input);
	const dueNow = plan.learningDue.length + plan.reviewDue.length;
	const newToday = plan.newCards.length;
	const learningLater = plan.learningLater.length;
	const viewsPerNewCard = Math.max(1, input.settings.learningSteps.length);
	const seconds = medianAnswerSeconds(input.reviewsToday) ?? DEFAULT_SECONDS_PER_CARD;
	const views = dueNow + learningLater + newToday * viewsPerNewCard;
	return { dueNow, newToday, learningLater, estimatedMinutes: Math.ceil((views * seconds) / 60) };
}

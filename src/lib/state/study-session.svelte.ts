// A study session for the /study page: the queue, the card on screen, ratings and Undo.
// Every rating is stored (card and review, one transaction) before the next card shows; the
// stored card is recomputed from all its reviews, so this tab's copy is only for showing.
import { m } from '$lib/paraglide/messages';
import { intervalText } from '$lib/i18n/interval-text';
import type { BankItem } from '$lib/bank/types';
import { ofItemMap, ofItems } from '$lib/progress/pack-scope';
import { matchAnswer, type AnswerMatch } from '$lib/quiz/normalize';
import {
	Rating,
	createScheduler,
	newCard,
	planQueue,
	queueCounts,
	studyDayBounds,
	summarizeSession,
	type Grade,
	type IntervalPreview,
	type QueueCounts,
	type SessionSummary,
	type CardFlags,
	type StudyCard,
	type StudyReview,
	type StudyScheduler,
	type StudySettings
} from '$lib/srs';
import { isLeech } from '$lib/srs/card-flags';
import { isOwnCardId } from '$lib/srs/own-cards';
import {
	changeCardFlags,
	loadStudyDay,
	prepareDatabase,
	recordReview,
	storageError,
	undoReview,
	type UndoTarget
} from '$lib/storage';
import { loadDeck } from './deck';
import { errorText } from './error-text';
import { loadStudySettings } from './study-settings';

/** What the study page says about a leech. */
export interface LeechNotice {
	itemId: string;
	prompt: string;
	lapses: number;
}

export type StudyPhase = 'loading' | 'error' | 'front' | 'back' | 'waiting' | 'done';

export const GRADES = [
	{ rating: Rating.Again, label: 'Again', text: () => m.grade_again(), key: '1' },
	{ rating: Rating.Hard, label: 'Hard', text: () => m.grade_hard(), key: '2' },
	{ rating: Rating.Good, label: 'Good', text: () => m.grade_good(), key: '3' },
	{ rating: Rating.Easy, label: 'Easy', text: () => m.grade_easy(), key: '4' }
] as const;
export type GradeLabel = (typeof GRADES)[number]['label'];

/** Remembers when this tab's session started, so a reload continues the same session. */
const SESSION_KEY = 'sahel-brief:study-session-start';

function sessionStart(now: Date, dayStart: Date): Date {
	try {
		const saved = sessionStorage.getItem(SESSION_KEY);
		const start = saved ? new Date(saved) : undefined;
		if (start && !Number.isNaN(start.getTime()) && start >= dayStart) return start;
		sessionStorage.setItem(SESSION_KEY, now.toISOString());
	} catch {
		// storage blocked: the session starts now
	}
	return now;
}

export class StudySession {
	#clock: () => Date;
	#items = new Map<string, BankItem>();
	/** Every bank item's facts, quiz questions included (a wrong answer moves their cards). */
	#factIds = new Map<string, readonly string[]>();
	#studyItems: BankItem[] = [];
	#cards = new Map<string, StudyCard>();
	#reviewsToday: StudyReview[] = [];
	#flags = new Map<string, CardFlags>();
	#reworded: ReadonlySet<string> = new Set();
	#settings: StudySettings | undefined;
	#scheduler: StudyScheduler | undefined;
	#startedAt = new Date(0);
	#shownAt = 0;
	#busy = false;
	#waitTimer: ReturnType<typeof setTimeout> | undefined;

	#phase = $state<StudyPhase>('loading');
	#error = $state('');
	#current = $state.raw<BankItem | undefined>();
	#intervals = $state.raw<IntervalPreview | undefined>();
	#counts = $state.raw<QueueCounts | undefined>();
	#summary = $state.raw<SessionSummary | undefined>();
	#nextDue = $state<Date | undefined>();
	#topic = $state<string | undefined>();
	#topics = $state<string[]>([]);
	#typed = $state('');
	#typedMatch = $state<AnswerMatch | undefined>();
	// raw: the stored cards go back to IndexedDB, which cannot clone Svelte's proxies
	#undo = $state.raw<UndoTarget[]>([]);
	#announcement = $state('');
	#saveProblem = $state('');
	#leech = $state.raw<LeechNotice | undefined>();

	constructor(clock: () => Date = () => new Date()) {
		this.#clock = clock;
	}

	get phase() {
		return this.#phase;
	}
	get error() {
		return this.#error;
	}
	get current() {
		return this.#current;
	}
	/** Whether the card on screen is the learner's own, or a bank card in their wording. */
	get currentMark(): 'own' | 'reworded' | undefined {
		const id = this.#current?.id;
		if (!id) return undefined;
		if (isOwnCardId(id)) return 'own';
		return this.#reworded.has(id) ? 'reworded' : undefined;
	}
	get intervals() {
		return this.#intervals;
	}
	get counts() {
		return this.#counts;
	}
	get summary() {
		return this.#summary;
	}
	/** When the next card comes due (waiting for a learning step, or after the session). */
	get nextDue() {
		return this.#nextDue;
	}
	get topic() {
		return this.#topic;
	}
	get topics() {
		return this.#topics;
	}
	get typedMatch() {
		return this.#typedMatch;
	}
	get canUndo() {
		return this.#undo.length > 0;
	}
	/** A card the learner keeps failing, just rated Again: offered to suspend or rewrite. */
	get leech() {
		return this.#leech;
	}
	/** The last thing that happened, for a live region. */
	get announcement() {
		return this.#announcement;
	}
	/** A rating or Undo that was not saved, and what to do; shown until the next one saves. */
	get saveProblem() {
		return this.#saveProblem;
	}
	get typed() {
		return this.#typed;
	}
	set typed(text: string) {
		this.#typed = text;
	}

	/** Loads the bank, settings and today's cards, then shows the first card. */
	async load(topic?: string): Promise<void> {
		this.#phase = 'loading';
		try {
			const [deck, settings] = await Promise.all([loadDeck(), loadStudySettings()]);
			this.#settings = settings;
			this.#scheduler = createScheduler(settings);
			// the bank's cards in the learner's wording, and the cards they wrote
			this.#studyItems = deck.items;
			this.#reworded = new Set(deck.own.wordings.keys());
			this.#items = new Map(this.#studyItems.map((item) => [item.id, item]));
			this.#factIds = new Map(deck.bank.items.map((item) => [item.id, item.factIds]));
			this.#topics = [...new Set(this.#studyItems.map((item) => item.topic))];
			this.#topic = topic && this.#topics.includes(topic) ? topic : undefined;
			const now = this.#clock();
			const { start, end } = studyDayBounds(now, settings.dayStartHour);
			const day = await loadStudyDay(start, end);
			// the chosen article's cards only: another article's reviews leave its limits alone
			// (and the learner's own cards written for it)
			const ids = new Set([...deck.bank.items, ...deck.items].map((item) => item.id));
			this.#cards = new Map(ofItems(day.cards, ids).map((card) => [card.itemId, card]));
			this.#reviewsToday = ofItems(day.reviewsToday, ids);
			this.#flags = ofItemMap(day.flags, ids);
			this.#startedAt = sessionStart(now, start);
			this.#showNext();
		} catch (error) {
			this.#error = error instanceof Error ? error.message : String(error);
			this.#phase = 'error';
		}
	}

	/** Narrows study to one topic (undefined for all). */
	chooseTopic(topic: string | undefined): void {
		this.#topic = topic;
		this.#showNext();
	}

	/** Turns the card over; a typed cloze answer is compared with the answer. */
	reveal(): void {
		if (this.#phase !== 'front' || !this.#current) return;
		// a rating comes next: have the database code ready so storing it takes no extra wait
		prepareDatabase();
		const item = this.#current;
		this.#typedMatch =
			item.type === 'cloze' && this.#typed.trim()
				? matchAnswer(this.#typed, item.answer, item.accept ?? [])
				: undefined;
		this.#phase = 'back';
	}

	/** Records a rating for the card on screen, then shows the next card. */
	async rate(rating: Grade): Promise<void> {
		const item = this.#current;
		const settings = this.#settings;
		if (this.#phase !== 'back' || !item || !settings || this.#busy) return;
		this.#busy = true;
		try {
			const now = this.#clock();
			const { review, card } = await recordReview(
				{
					itemId: item.id,
					factIds: item.factIds,
					rating,
					at: now,
					durationMs: Math.max(0, now.getTime() - this.#shownAt)
				},
				settings
			);
			this.#cards.set(item.id, card);
			this.#reviewsToday.push(review);
			this.#undo = [...this.#undo, { uid: review.uid!, itemId: item.id, review: review.review }];
			const grade = GRADES.find((entry) => entry.rating === rating)?.text() ?? '';
			// from the stored card, which counts another tab's ratings too, not from the preview
			this.#announcement = m.study_rated({
				grade,
				interval: intervalText(card.due.getTime() - now.getTime())
			});
			this.#saveProblem = '';
			// as Anki does, a lapse that makes the card a leech is pointed out, once per lapse
			this.#leech =
				rating === Rating.Again && isLeech(card)
					? { itemId: item.id, prompt: item.prompt, lapses: card.lapses }
					: undefined;
			this.#showNext();
		} catch (error) {
			this.#announcement = this.#saveProblem = m.study_rating_not_saved({
				error: errorText(storageError(error))
			});
		} finally {
			this.#busy = false;
		}
	}

	/** Suspends the leech on offer, so it stays out of study until unsuspended in /cards. */
	async suspendLeech(): Promise<void> {
		const leech = this.#leech;
		if (!leech || this.#busy) return;
		this.#busy = true;
		try {
			await changeCardFlags([leech.itemId], { suspended: true }, this.#clock());
			this.#flags.set(leech.itemId, {
				...this.#flags.get(leech.itemId),
				itemId: leech.itemId,
				suspended: true
			});
			this.#leech = undefined;
			this.#announcement = m.study_suspended();
			// the card on screen is already the next one; the leech is left out from now on
			if (this.#current?.id === leech.itemId) this.#showNext();
			else this.#counts = queueCounts(this.#input(this.#clock()));
		} catch (error) {
			this.#announcement = m.study_suspend_failed({ error: errorText(error) });
		} finally {
			this.#busy = false;
		}
	}

	/** Keeps the leech in study. */
	dismissLeech(): void {
		this.#leech = undefined;
	}

	/** Takes back the last rating exactly (card state and review row) and shows that card again. */
	async undo(): Promise<void> {
		const entry = this.#undo.at(-1);
		const settings = this.#settings;
		if (!entry || !settings || this.#busy) return;
		this.#busy = true;
		try {
			const card = await undoReview(entry, settings, undefined, (id) => this.#factIds.get(id));
			this.#undo = this.#undo.slice(0, -1);
			this.#reviewsToday = this.#reviewsToday.filter(
				(review) =>
					review.uid !== entry.uid &&
					!(review.itemId === entry.itemId && review.review.getTime() === entry.review.getTime())
			);
			if (card === false) {
				this.#announcement = m.study_undo_already();
				return;
			}
			if (card) this.#cards.set(entry.itemId, card);
			else this.#cards.delete(entry.itemId);
			this.#announcement = m.study_undone();
			this.#saveProblem = '';
			this.#show(entry.itemId);
		} catch (error) {
			this.#announcement = this.#saveProblem = m.study_undo_not_saved({
				error: errorText(storageError(error))
			});
		} finally {
			this.#busy = false;
		}
	}

	/** Stops timers when the page goes away. */
	dispose(): void {
		clearTimeout(this.#waitTimer);
	}

	#input(now: Date) {
		return {
			items: this.#studyItems,
			cards: this.#cards.values(),
			reviewsToday: this.#reviewsToday,
			settings: this.#settings!,
			now,
			topic: this.#topic,
			flags: this.#flags
		};
	}

	#showNext(): void {
		clearTimeout(this.#waitTimer);
		const now = this.#clock();
		const plan = planQueue(this.#input(now));
		this.#counts = queueCounts(this.#input(now));
		this.#summary = summarizeSession(
			this.#reviewsToday.filter((review) => review.review >= this.#startedAt)
		);
		const next = plan.learningDue[0] ?? plan.reviewDue[0] ?? plan.newCards[0];
		if (next) {
			this.#show(next);
			return;
		}
		this.#current = undefined;
		const later = plan.learningLater[0];
		if (later) {
			// a learning step comes due later today: wait for it rather than end the session
			const due = this.#cards.get(later)!.due;
			this.#nextDue = due;
			this.#phase = 'waiting';
			this.#waitTimer = setTimeout(
				() => this.#showNext(),
				Math.max(0, due.getTime() - now.getTime()) + 250
			);
			return;
		}
		this.#nextDue = this.#earliestDue(now);
		this.#phase = 'done';
	}

	#show(itemId: string): void {
		const item = this.#items.get(itemId);
		if (!item || !this.#scheduler) return;
		const now = this.#clock();
		const card = this.#cards.get(itemId) ?? newCard(item.id, item.factIds, now);
		this.#current = item;
		this.#intervals = this.#scheduler.previewIntervals(card, now);
		this.#typed = '';
		this.#typedMatch = undefined;
		this.#shownAt = now.getTime();
		this.#phase = 'front';
		this.#counts = queueCounts(this.#input(now));
	}

	#earliestDue(now: Date): Date | undefined {
		let earliest: Date | undefined;
		for (const card of this.#cards.values()) {
			if (card.due > now && (!earliest || card.due < earliest)) earliest = card.due;
		}
		return earliest;
	}
}

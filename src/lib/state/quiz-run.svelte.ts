// A quiz for the /quiz page: the builder's choices, the run (one question at a time, each
// answer stored as it is given), the results and the history. Resumes after a reload.
import { ITEM_TYPES, type BankItem, type ItemType } from '$lib/bank/types';
import { buildQuiz, eligibleItems, type QuizQuestion } from '$lib/quiz/build';
import { gradeItem } from '$lib/quiz/grade';
import {
	attemptOutcome,
	deadlineOf,
	readAnswer,
	readPlan,
	type AttemptOutcome,
	type QuizPlan,
	type StoredAnswer
} from '$lib/quiz/plan';
import { isAnswerGiven, startingResponse } from '$lib/quiz/response';
import { summarizeAttempt, type AttemptSummary } from '$lib/quiz/results';
import type { Grade, QuizConfig, QuizMode, Response } from '$lib/quiz/types';
import {
	activeQuizAttempt,
	finishAttempt,
	getAttempt,
	listAttempts,
	mistakeItemIds,
	saveAnswer,
	savePosition,
	startAttempt
} from '$lib/storage/attempts';
import type { AttemptRow } from '$lib/storage/db';
import { getBank } from './bank';

export type QuizPhase = 'loading' | 'error' | 'builder' | 'running' | 'results';

/** What the builder asks for; the seed is drawn when the quiz starts. */
export type QuizChoice = Omit<QuizConfig, 'seed'>;

/** One question the learner did not get fully right, for the results page. */
export interface MissedQuestion {
	item: BankItem;
	response?: Response;
	grade: Grade;
}

export interface QuizResults {
	attemptId: string;
	mode: QuizMode;
	summary: AttemptSummary;
	missed: MissedQuestion[];
	/** True when the time limit ended the attempt. */
	timedOut: boolean;
}

/** Remembers which attempt this tab is running, so a reload goes straight back to it. */
const RUNNING_KEY = 'sahel-brief:quiz-running';
/** How many past attempts the history lists. */
const HISTORY_LENGTH = 20;

function rememberRunning(attemptId: string | undefined): void {
	try {
		if (attemptId) sessionStorage.setItem(RUNNING_KEY, attemptId);
		else sessionStorage.removeItem(RUNNING_KEY);
	} catch {
		// storage blocked: a reload offers "Resume quiz" instead
	}
}

function runningInThisTab(): string | undefined {
	try {
		return sessionStorage.getItem(RUNNING_KEY) ?? undefined;
	} catch {
		return undefined;
	}
}

function randomSeed(): string {
	const bytes = crypto.getRandomValues(new Uint32Array(2));
	return [...bytes].map((n) => n.toString(36)).join('');
}

export class QuizRun {
	#clock: () => Date;
	#items = new Map<string, BankItem>();
	#allItems: BankItem[] = [];
	#attemptId = '';
	#timer: ReturnType<typeof setInterval> | undefined;
	#busy = false;
	#warned = false;

	#phase = $state<QuizPhase>('loading');
	#error = $state('');
	#topics = $state.raw<string[]>([]);
	#types = $state.raw<ItemType[]>([]);
	#mistakes = $state.raw<Set<string>>(new Set());
	#resumable = $state.raw<AttemptOutcome | undefined>();
	#history = $state.raw<AttemptOutcome[]>([]);
	// raw: plans and answers go to IndexedDB, which cannot clone Svelte's proxies
	#plan = $state.raw<QuizPlan | undefined>();
	#startedAt = $state.raw(new Date(0));
	#answers = $state.raw<Record<string, StoredAnswer>>({});
	#position = $state(0);
	#draft = $state.raw<Response | undefined>();
	#checked = $state(false);
	#now = $state.raw(new Date());
	#results = $state.raw<QuizResults | undefined>();
	#announcement = $state('');

	constructor(clock: () => Date = () => new Date()) {
		this.#clock = clock;
	}

	get phase() {
		return this.#phase;
	}
	get error() {
		return this.#error;
	}
	/** Topics of the bank, in bank order. */
	get topics() {
		return this.#topics;
	}
	/** Item types the bank has, in the bank's canonical order. */
	get types() {
		return this.#types;
	}
	/** How many items "Mistakes only" would draw from. */
	get mistakeCount() {
		return this.#mistakes.size;
	}
	/** The unfinished attempt "Resume quiz" continues. */
	get resumable() {
		return this.#resumable;
	}
	/** Past attempts, newest first. */
	get history() {
		return this.#history;
	}
	get mode(): QuizMode {
		return this.#plan?.config.mode ?? 'practice';
	}
	get total() {
		return this.#plan?.questions.length ?? 0;
	}
	/** Index of the question on screen (0-based). */
	get position() {
		return this.#position;
	}
	get isLast() {
		return this.#position >= this.total - 1;
	}
	/** Exam, past the first question: Previous can go back to change an answer. */
	get canGoBack() {
		return this.#phase === 'running' && this.mode === 'exam' && this.#position > 0;
	}
	get question(): QuizQuestion | undefined {
		return this.#plan?.questions[this.#position];
	}
	get item(): BankItem | undefined {
		const question = this.question;
		return question && this.#items.get(question.itemId);
	}
	/** The answer being composed for the question on screen. */
	get draft() {
		return this.#draft;
	}
	/** Practice mode, after "Check": the answer is locked and its feedback shows. */
	get checked() {
		return this.#checked;
	}
	/** The grade of the question on screen, once checked. */
	get grade(): Grade | undefined {
		const item = this.item;
		const answer = item && this.#answers[item.id];
		return this.#checked && item && answer ? gradeItem(item, answer.response) : undefined;
	}
	get answeredCount() {
		return Object.keys(this.#answers).length;
	}
	/** Seconds left before the time limit ends the attempt; undefined without one. */
	get secondsLeft(): number | undefined {
		const deadline = this.#deadline();
		return deadline
			? Math.max(0, Math.ceil((deadline.getTime() - this.#now.getTime()) / 1000))
			: undefined;
	}
	get results() {
		return this.#results;
	}
	/** The last thing that happened, for a live region. */
	get announcement() {
		return this.#announcement;
	}

	/** Loads the bank and what storage knows (mistakes, unfinished attempt, history). */
	async load(): Promise<void> {
		this.#phase = 'loading';
		try {
			const bank = await getBank();
			this.#allItems = bank.items;
			this.#items = new Map(bank.items.map((item) => [item.id, item]));
			this.#topics = [...new Set(bank.items.map((item) => item.topic))];
			const present = new Set(bank.items.map((item) => item.type));
			this.#types = ITEM_TYPES.filter((type) => present.has(type));
			const active = await this.#refresh();
			// a reload of the tab that was running this attempt goes straight back to it
			if (active && runningInThisTab() === active.id) await this.#enter(active);
			else this.#phase = 'builder';
		} catch (error) {
			this.#error = error instanceof Error ? error.message : String(error);
			this.#phase = 'error';
		}
	}

	/** How many questions `choice` can draw from. */
	available(choice: Pick<QuizChoice, 'topics' | 'types' | 'mistakesOnly'>): number {
		return eligibleItems(this.#allItems, choice, this.#mistakes).length;
	}

	/** Builds a quiz from `choice` with a fresh seed, stores it and shows its first question. */
	async start(choice: QuizChoice, onlyIds?: Iterable<string>): Promise<void> {
		if (this.#busy) return;
		const config: QuizConfig = { ...choice, seed: randomSeed() };
		const questions = buildQuiz(this.#allItems, config, onlyIds ?? this.#mistakes);
		if (questions.length === 0) {
			this.#announcement = 'No questions match these choices. Choose more topics or types.';
			return;
		}
		this.#busy = true;
		try {
			const now = this.#clock();
			// an unfinished quiz is finished, not lost, when another one starts
			const previous = await activeQuizAttempt();
			if (previous) await finishAttempt(previous.id, now);
			const row: AttemptRow = {
				id: crypto.randomUUID(),
				kind: 'quiz',
				startedAt: now,
				plan: { version: 1, config, questions } satisfies QuizPlan,
				answers: {},
				position: 0
			};
			await startAttempt(row);
			await this.#enter(row);
		} catch (error) {
			this.#announcement = `The quiz could not be started: ${message(error)}`;
		} finally {
			this.#busy = false;
		}
	}

	/** Continues the unfinished attempt at the question it reached. */
	async resume(): Promise<void> {
		const row = await activeQuizAttempt();
		if (row) await this.#enter(row);
		else await this.#refresh();
	}

	/** Replaces the answer being composed. */
	setDraft(response: Response | undefined): void {
		if (this.#checked || this.#phase !== 'running') return;
		this.#draft = response;
	}

	/** Practice: grades and stores the answer, then shows its feedback. */
	async check(): Promise<void> {
		const item = this.item;
		if (this.#phase !== 'running' || this.mode !== 'practice' || this.#checked || !item) return;
		if (!isAnswerGiven(this.#draft)) {
			this.#announcement = 'Give an answer first, then choose Check.';
			return;
		}
		const answer = await this.#store(item, this.#draft!, this.#position);
		if (!answer) return;
		this.#checked = true;
		const grade = gradeItem(item, answer.response);
		this.#announcement = grade.correct
			? `Your answer is right.${grade.note ? ` ${grade.note}.` : ''}`
			: `Your answer is ${grade.score > 0 ? `partly right: ${grade.note}` : 'wrong'}. The answer is: ${grade.expected}`;
	}

	/** Moves to the next question (exam: storing the answer given, if any), or finishes. */
	async next(): Promise<void> {
		const item = this.item;
		if (this.#phase !== 'running' || !item || this.#busy) return;
		const nextPosition = this.#position + 1;
		if (this.mode === 'practice' && !this.#checked) {
			this.#announcement = 'Choose Check to see if you are right before moving on.';
			return;
		}
		if (!(await this.#leave(item, nextPosition))) return;
		if (nextPosition >= this.total) await this.finish();
		else this.#show(nextPosition);
	}

	/** Exam: back to the question before (storing the answer given, if any), to change it. */
	async previous(): Promise<void> {
		const item = this.item;
		if (!this.canGoBack || !item || this.#busy) return;
		const previousPosition = this.#position - 1;
		if (await this.#leave(item, previousPosition)) this.#show(previousPosition);
	}

	/** Ends the attempt now; unanswered questions count as missed. */
	async finish(at: Date = this.#clock(), timedOut = false): Promise<void> {
		if (this.#phase !== 'running' || !this.#plan) return;
		// exam: the answer on screen counts when the quiz is ended early or the time runs out;
		// if it cannot be saved, the quiz stays open (and a running timer tries again)
		const item = this.item;
		const draft = this.#draft;
		const unstored = item && draft && this.#answers[item.id]?.response !== draft;
		if (this.mode === 'exam' && unstored && isAnswerGiven(draft)) {
			if (!(await this.#store(item, draft, this.#position))) return;
		}
		this.#stopTimer();
		const id = this.#attemptId;
		try {
			await finishAttempt(id, at);
		} catch (error) {
			this.#announcement = `The quiz could not be finished: ${message(error)}`;
			return;
		}
		rememberRunning(undefined);
		this.#results = this.#summarize(at, timedOut);
		this.#phase = 'results';
		const { right, total } = this.#results.summary;
		this.#announcement = `${timedOut ? 'Time is up. ' : ''}Quiz finished: ${right} of ${total} right.`;
		await this.#refresh();
	}

	/** A new quiz of the questions missed in the results on screen, same mode. */
	async retryMistakes(): Promise<void> {
		const results = this.#results;
		if (!results || results.missed.length === 0 || !this.#plan) return;
		const { mode, timeLimitSec } = this.#plan.config;
		await this.start(
			{ topics: 'all', types: 'all', count: 'all', mode, timeLimitSec, mistakesOnly: true },
			results.summary.missedIds
		);
	}

	/** Back to the builder. */
	showBuilder(): void {
		this.#stopTimer();
		this.#phase = 'builder';
	}

	/** Shows the results of a past attempt from the history. */
	async showAttempt(attemptId: string): Promise<void> {
		const row = await getAttempt(attemptId);
		if (!row?.finishedAt || !this.#load(row)) return;
		this.#results = this.#summarize(row.finishedAt, false);
		this.#phase = 'results';
	}

	/** Stops timers when the page goes away. */
	dispose(): void {
		this.#stopTimer();
	}

	/** Rereads mistakes, the unfinished attempt and the history; returns the unfinished one. */
	async #refresh(): Promise<AttemptRow | undefined> {
		const [mistakes, active, rows] = await Promise.all([
			mistakeItemIds(),
			activeQuizAttempt(),
			listAttempts('quiz')
		]);
		this.#mistakes = mistakes;
		this.#resumable = active && attemptOutcome(active);
		this.#history = rows
			.filter((row) => row.finishedAt)
			.slice(0, HISTORY_LENGTH)
			.map(attemptOutcome)
			.filter((outcome): outcome is AttemptOutcome => outcome !== undefined);
		return active;
	}

	/** Reads an attempt row into the run's fields; false when its plan is unreadable. */
	#load(row: AttemptRow): boolean {
		const plan = readPlan(row.plan);
		if (!plan) return false;
		// questions whose item left the bank (a newer pack) are dropped rather than shown empty
		const questions = plan.questions.filter((q) => this.#items.has(q.itemId));
		this.#plan = { ...plan, questions };
		this.#attemptId = row.id;
		this.#startedAt = row.startedAt;
		const answers: Record<string, StoredAnswer> = {};
		for (const [itemId, value] of Object.entries(row.answers)) {
			const answer = readAnswer(value);
			if (answer) answers[itemId] = answer;
		}
		this.#answers = answers;
		return true;
	}

	async #enter(row: AttemptRow): Promise<void> {
		if (!this.#load(row)) {
			this.#announcement = 'This quiz was saved by another version of the app and cannot resume.';
			await finishAttempt(row.id, this.#clock());
			await this.#refresh();
			return;
		}
		this.#results = undefined;
		this.#warned = false;
		this.#phase = 'running';
		rememberRunning(row.id);
		this.#now = this.#clock();
		const deadline = this.#deadline();
		if (deadline && this.#now >= deadline) {
			// the time ran out while the page was closed: the attempt ends at its deadline
			await this.finish(deadline, true);
			return;
		}
		this.#show(Math.min(row.position, Math.max(0, this.total - 1)));
		if (deadline) this.#startTimer();
	}

	#show(position: number): void {
		this.#position = position;
		const question = this.question;
		const stored = question && this.#answers[question.itemId];
		// practice: a stored answer means Check was pressed before the reload
		this.#checked = this.mode === 'practice' && stored !== undefined;
		this.#draft = stored?.response ?? (question && startingResponse(question));
	}

	/**
	 * Saves `position` as the question reached, with the exam answer on screen if one was given;
	 * false when the answer could not be saved.
	 */
	async #leave(item: BankItem, position: number): Promise<boolean> {
		if (this.mode === 'exam' && isAnswerGiven(this.#draft)) {
			return (await this.#store(item, this.#draft, position)) !== undefined;
		}
		this.#busy = true;
		try {
			await savePosition(this.#attemptId, position);
			return true;
		} finally {
			this.#busy = false;
		}
	}

	async #store(
		item: BankItem,
		response: Response,
		position: number
	): Promise<StoredAnswer | undefined> {
		if (this.#busy) return undefined;
		this.#busy = true;
		try {
			const grade = gradeItem(item, response);
			const answer: StoredAnswer = {
				response,
				correct: grade.correct,
				score: grade.score,
				answeredAt: this.#clock()
			};
			await saveAnswer(this.#attemptId, item.id, answer, position, item.factIds);
			this.#answers = { ...this.#answers, [item.id]: answer };
			return answer;
		} catch (error) {
			this.#announcement = `Your answer could not be saved: ${message(error)}. Try again.`;
			return undefined;
		} finally {
			this.#busy = false;
		}
	}

	#summarize(endedAt: Date, timedOut: boolean): QuizResults {
		const plan = this.#plan!;
		const graded = plan.questions.map(({ itemId }) => {
			const item = this.#items.get(itemId)!;
			const response = this.#answers[itemId]?.response;
			return { item, response, grade: response ? gradeItem(item, response) : undefined };
		});
		const summary = summarizeAttempt(
			graded.map(({ item, grade }) => ({ itemId: item.id, topic: item.topic, grade })),
			this.#startedAt,
			endedAt
		);
		const missed = graded
			.filter(({ grade }) => !grade?.correct)
			.map(({ item, response, grade }) => ({
				item,
				response,
				grade: grade ?? { correct: false, score: 0, expected: item.answer }
			}));
		return { attemptId: this.#attemptId, mode: plan.config.mode, summary, missed, timedOut };
	}

	#deadline(): Date | undefined {
		const config = this.#plan?.config;
		return config?.mode === 'exam' ? deadlineOf(this.#startedAt, config.timeLimitSec) : undefined;
	}

	#startTimer(): void {
		this.#stopTimer();
		this.#timer = setInterval(() => {
			this.#now = this.#clock();
			const left = this.secondsLeft ?? Infinity;
			if (left <= 0) void this.finish(this.#deadline(), true);
			else if (left <= 60 && !this.#warned) {
				this.#warned = true;
				this.#announcement = 'One minute left.';
			}
		}, 1000);
	}

	#stopTimer(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
	}
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

// A quiz for the /quiz page: the builder's choices, the run (an AttemptRun: one question at a
// time, each answer stored as it is given), the results and the history. Resumes after a reload.
import { m } from '$lib/paraglide/messages';
import {
	attemptOfItems,
	attemptOutcome,
	quizPolicy,
	readAttempt,
	summarizeAttempt,
	type AttemptOutcome,
	type AttemptRecord,
	type AttemptSummary,
	quizPlan,
	type QuizSetup,
	type StoredAnswer
} from '$lib/attempt';
import { ITEM_TYPES, type BankItem, type ItemType } from '$lib/bank/types';
import { buildQuiz, eligibleItems } from '$lib/quiz/build';
import { gradeItem } from '$lib/quiz/grade';
import type { Grade, QuizConfig, QuizMode, Response } from '$lib/quiz/types';
import {
	type AttemptRow,
	finishAttempt,
	getAttempt,
	listAttempts,
	mistakeItemIds,
	openAttempts,
	startAttempt
} from '$lib/storage';
import { lockAttempt } from './attempt-lock';
import { AttemptRun } from './attempt-run.svelte';
import { getBank } from './bank';
import { errorText } from './error-text';

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
	#busy = false;

	#phase = $state<QuizPhase>('loading');
	#error = $state('');
	#topics = $state.raw<string[]>([]);
	#types = $state.raw<ItemType[]>([]);
	#mistakes = $state.raw<Set<string>>(new Set());
	#resumable = $state.raw<AttemptOutcome | undefined>();
	#history = $state.raw<AttemptOutcome[]>([]);
	#run = $state.raw<AttemptRun | undefined>();
	#plan = $state.raw<QuizSetup | undefined>();
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
	/** The attempt on screen while the phase is 'running'. */
	get attempt() {
		return this.#run;
	}
	get results() {
		return this.#results;
	}
	/** The last thing that happened, for a live region (the run has its own). */
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
			this.#error = errorText(error);
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
			this.#announcement = m.qr_none_match();
			return;
		}
		this.#busy = true;
		try {
			const now = this.#clock();
			await this.#finishAbandoned(now);
			const row: AttemptRow = {
				id: crypto.randomUUID(),
				kind: 'quiz',
				startedAt: now,
				plan: quizPlan(config, questions),
				answers: {},
				position: 0
			};
			await startAttempt(row);
			await this.#enter(row);
		} catch (error) {
			this.#announcement = m.qr_start_failed({ error: errorText(error) });
		} finally {
			this.#busy = false;
		}
	}

	/** Continues the unfinished attempt (of the chosen article) at the question it reached. */
	async resume(): Promise<void> {
		const [row] = await this.#openOfArticle();
		if (row) await this.#enter(row);
		else await this.#refresh();
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
		this.#leaveRun();
		this.#phase = 'builder';
	}

	/** Shows the results of a past attempt from the history. */
	async showAttempt(attemptId: string): Promise<void> {
		const row = await getAttempt(attemptId);
		const record = row && readAttempt(row);
		if (!row?.finishedAt || !record?.quiz) return;
		this.#leaveRun();
		this.#plan = record.quiz;
		this.#results = this.#summarize(record, record.answers, row.finishedAt, false);
		this.#phase = 'results';
	}

	/** Stops timers and lets go of the attempt when the page goes away. */
	dispose(): void {
		this.#leaveRun();
	}

	/**
	 * Ends unfinished quizzes no tab is running, so "Resume quiz" offers the new one; a quiz
	 * open in another tab is left to that tab, never ended behind its back.
	 */
	async #finishAbandoned(now: Date): Promise<void> {
		// another article's unfinished quiz waits for its learner to choose that article again
		for (const row of await this.#openOfArticle()) {
			const lock = await lockAttempt(row.id, { onLost: () => {} });
			if (!lock) continue;
			try {
				await finishAttempt(row.id, now);
			} finally {
				lock.release();
			}
		}
	}

	/** The unfinished quizzes of the chosen article, most recent first. */
	async #openOfArticle(): Promise<AttemptRow[]> {
		const ids = new Set(this.#items.keys());
		return (await openAttempts('quiz')).filter((row) => attemptOfItems(row, ids));
	}

	/** Rereads mistakes, the unfinished attempt and the history; returns the unfinished one. */
	async #refresh(): Promise<AttemptRow | undefined> {
		const [mistakes, open, allRows] = await Promise.all([
			mistakeItemIds(),
			this.#openOfArticle(),
			listAttempts('quiz')
		]);
		// the chosen article's mistakes and quizzes; another article's stay in its own history
		const ids = new Set(this.#items.keys());
		const rows = allRows.filter((row) => attemptOfItems(row, ids));
		const active = open[0];
		this.#mistakes = new Set([...mistakes].filter((itemId) => ids.has(itemId)));
		this.#resumable = active && attemptOutcome(active);
		this.#history = rows
			.filter((row) => row.finishedAt)
			.slice(0, HISTORY_LENGTH)
			.map(attemptOutcome)
			.filter((outcome): outcome is AttemptOutcome => outcome !== undefined);
		return active;
	}

	async #enter(row: AttemptRow): Promise<void> {
		const record = readAttempt(row);
		if (!record?.quiz) {
			this.#announcement = m.qr_old_version();
			await finishAttempt(row.id, this.#clock());
			await this.#refresh();
			return;
		}
		this.#leaveRun();
		const plan = record.quiz;
		this.#plan = plan;
		this.#results = undefined;
		rememberRunning(row.id);
		const run = await AttemptRun.open({
			record,
			policy: quizPolicy(plan.config),
			items: this.#items,
			clock: this.#clock,
			end: async (at, answers, timedOut) => {
				await finishAttempt(record.id, at);
				rememberRunning(undefined);
				this.#results = this.#summarize(record, answers, at, timedOut);
				this.#phase = 'results';
				const { right, total } = this.#results.summary;
				this.#announcement = (timedOut ? m.qr_finished_time_up : m.qr_finished)({ right, total });
				await this.#refresh();
			}
		});
		this.#run = run;
		// a deadline that passed while the page was closed has already ended it (results show)
		if (run.phase !== 'finished') this.#phase = 'running';
	}

	#leaveRun(): void {
		this.#run?.dispose();
		this.#run = undefined;
	}

	#summarize(
		record: AttemptRecord,
		answers: Readonly<Record<string, StoredAnswer>>,
		endedAt: Date,
		timedOut: boolean
	): QuizResults {
		const graded = record.questions.flatMap(({ itemId }) => {
			const item = this.#items.get(itemId);
			if (!item) return [];
			const response = answers[itemId]?.response;
			return [{ item, response, grade: response ? gradeItem(item, response) : undefined }];
		});
		const summary = summarizeAttempt(
			graded.map(({ item, grade }) => ({ itemId: item.id, topic: item.topic, grade })),
			record.startedAt,
			endedAt
		);
		const missed = graded
			.filter(({ grade }) => !grade?.correct)
			.map(({ item, response, grade }) => ({
				item,
				response,
				grade: grade ?? { correct: false, score: 0, expected: item.answer }
			}));
		return {
			attemptId: record.id,
			mode: record.quiz?.config.mode ?? 'practice',
			summary,
			missed,
			timedOut
		};
	}
}

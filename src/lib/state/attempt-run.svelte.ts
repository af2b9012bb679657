// Runs any attempt (practice quiz, exam, assignment) one question at a time. One action at a
// time: a tap while an answer is being saved is ignored, so a double tap cannot skip a
// question. The answer being composed is saved as it is made, so a reload shows it again;
// a timed attempt ends only once the answer on screen is saved.
import { gradeNote } from '$lib/i18n/grade-note';
import { m } from '$lib/paraglide/messages';
import type { BankItem } from '$lib/bank/types';
import {
	canGoBack,
	checksEachAnswer,
	primaryAction,
	secondsLeft,
	type AttemptPolicy,
	type AttemptRecord,
	type DraftAnswer,
	type PrimaryAction,
	type StoredAnswer
} from '$lib/attempt';
import type { QuizQuestion } from '$lib/quiz/build';
import { gradeItem } from '$lib/quiz/grade';
import { isAnswerGiven, startingResponse } from '$lib/quiz/response';
import type { Grade, Response } from '$lib/quiz/types';
import { saveAnswer, saveDraft, savePosition } from '$lib/storage';
import { lockAttempt, type AttemptLock } from './attempt-lock';
import { errorText } from './error-text';

export type RunPhase = 'running' | 'elsewhere' | 'finished';

/** Everything a run needs: the stored attempt, its rules, the bank, and how it ends. */
export interface RunSetup {
	record: AttemptRecord;
	policy: AttemptPolicy;
	items: ReadonlyMap<string, BankItem>;
	clock?: () => Date;
	/**
	 * Ends the attempt in storage at `at` (an assignment makes its receipt here); throws when it
	 * cannot, and the attempt then stays open.
	 */
	end: (
		at: Date,
		answers: Readonly<Record<string, StoredAnswer>>,
		timedOut: boolean
	) => Promise<void>;
	/** What the words say the attempt is ("quiz", "assignment"). */
	noun?: string;
}

export class AttemptRun {
	readonly policy: AttemptPolicy;
	readonly id: string;
	#setup: RunSetup;
	#clock: () => Date;
	#questions: QuizQuestion[];
	#items: ReadonlyMap<string, BankItem>;
	#deadline: Date | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;
	#lock: AttemptLock | undefined;
	#busy = false;
	#warned = false;
	/** The newest draft not yet written; typing writes only the latest, not every keystroke. */
	#unsavedDraft: { value: DraftAnswer | undefined } | undefined;
	/** The draft writer while it runs; every other write waits for it. */
	#draftWriter: Promise<void> | undefined;

	#phase = $state<RunPhase>('running');
	#position = $state(0);
	// raw: answers and drafts go to IndexedDB, which cannot clone Svelte's proxies
	#answers = $state.raw<Record<string, StoredAnswer>>({});
	#draft = $state.raw<Response | undefined>();
	#checked = $state(false);
	/**
	 * False while the draft is only the question's starting state (an ordering's shuffled
	 * order): moving on without touching it is leaving the question blank, not an answer.
	 */
	#touched = false;
	#now = $state.raw(new Date());
	#announcement = $state('');
	#problem = $state('');

	private constructor(setup: RunSetup) {
		this.#setup = setup;
		this.#clock = setup.clock ?? (() => new Date());
		this.policy = setup.policy;
		this.id = setup.record.id;
		this.#items = setup.items;
		// questions whose item left the bank (a newer pack) are dropped rather than shown empty
		this.#questions = setup.record.questions.filter((q) => setup.items.has(q.itemId));
		this.#answers = setup.record.answers;
		this.#deadline = setup.record.deadline;
		this.#now = this.#clock();
	}

	/**
	 * Opens a stored attempt in this tab. When another tab runs it, the run starts in the
	 * 'elsewhere' phase and `continueHere` takes it over. A deadline passed while the page was
	 * closed ends the attempt at its deadline.
	 */
	static async open(setup: RunSetup): Promise<AttemptRun> {
		const run = new AttemptRun(setup);
		const draft = setup.record.draft;
		run.#show(Math.min(setup.record.position, Math.max(0, run.total - 1)), draft);
		await run.#takeLock(false);
		return run;
	}

	get phase() {
		return this.#phase;
	}
	get total() {
		return this.#questions.length;
	}
	/** Index of the question on screen (0-based). */
	get position() {
		return this.#position;
	}
	get isLast() {
		return this.#position >= this.total - 1;
	}
	get question(): QuizQuestion | undefined {
		return this.#questions[this.#position];
	}
	get questions(): readonly QuizQuestion[] {
		return this.#questions;
	}
	get item(): BankItem | undefined {
		const question = this.question;
		return question && this.#items.get(question.itemId);
	}
	/** The answer being composed for the question on screen. */
	get draft() {
		return this.#draft;
	}
	/** After Check: the answer is locked and its feedback shows. */
	get checked() {
		return this.#checked;
	}
	/** The grade of the question on screen, once checked. */
	get grade(): Grade | undefined {
		const item = this.item;
		const answer = item && this.#answers[item.id];
		return this.#checked && item && answer ? gradeItem(item, answer.response) : undefined;
	}
	get answers(): Readonly<Record<string, StoredAnswer>> {
		return this.#answers;
	}
	get answeredCount() {
		return this.#questions.filter((q) => this.#answers[q.itemId]).length;
	}
	get canGoBack() {
		return this.#phase === 'running' && canGoBack(this.policy, this.#position);
	}
	/** What the main button does now. */
	get action(): PrimaryAction {
		return primaryAction(this.policy, this.#checked, this.#position, this.total);
	}
	/** Seconds left before the time limit ends the attempt; undefined without one. */
	get secondsLeft(): number | undefined {
		return this.#deadline ? secondsLeft(this.#deadline, this.#now) : undefined;
	}
	/** The last thing that happened, for a live region. */
	get announcement() {
		return this.#announcement;
	}
	/** A save that failed and what to do, shown on screen until the next save succeeds. */
	get problem() {
		return this.#problem;
	}

	/** Replaces the answer being composed, and saves it so a reload keeps it. */
	setDraft(response: Response | undefined): void {
		if (this.#checked || this.#phase !== 'running') return;
		const item = this.item;
		this.#draft = response;
		this.#touched = true;
		if (!item) return;
		this.#unsavedDraft = { value: response && { itemId: item.id, response } };
		this.#draftWriter ??= this.#writeDrafts();
	}

	/** Grades and stores the answer on screen, then shows its feedback (answers checked one by one). */
	check(): Promise<void> {
		return this.#act(async () => {
			const item = this.item;
			if (!item || this.#checked || !checksEachAnswer(this.policy)) return;
			if (!isAnswerGiven(this.#draft)) {
				this.#announcement = m.run_answer_first();
				return;
			}
			const answer = await this.#store(item, this.#draft, this.#position);
			if (!answer) return;
			this.#checked = true;
			const grade = gradeItem(item, answer.response);
			const note = gradeNote(grade);
			this.#announcement = grade.correct
				? note
					? m.run_right_note({ note })
					: m.run_right()
				: grade.score > 0
					? m.run_partly({ note: note ?? '', expected: grade.expected })
					: m.run_wrong({ expected: grade.expected });
		});
	}

	/** Moves to the next question, keeping the answer given (if any), or ends after the last. */
	async next(): Promise<void> {
		if (this.#phase !== 'running' || this.#busy) return;
		if (checksEachAnswer(this.policy) && !this.#checked) {
			this.#announcement = m.run_check_first();
			return;
		}
		if (this.isLast) return this.finish();
		await this.#act(() => this.#move(this.#position + 1));
	}

	/** Back to the question before, keeping the answer given, to change it. */
	previous(): Promise<void> {
		return this.#act(async () => {
			if (this.canGoBack) await this.#move(this.#position - 1);
		});
	}

	/** Ends the attempt now; unanswered questions count as missed. */
	finish(timedOut = false): Promise<void> {
		return this.#act(async () => {
			if (this.#phase !== 'running') return;
			const at = timedOut && this.#deadline ? this.#deadline : this.#clock();
			// the answer on screen counts when the attempt is ended early, submitted or timed out;
			// if it cannot be saved the attempt stays open (and a running timer tries again)
			if (!checksEachAnswer(this.policy) && this.#unsavedAnswer()) {
				if (!(await this.#store(this.item!, this.#draft!, this.#position))) return;
			}
			try {
				await this.#setup.end(at, this.#answers, timedOut);
				this.#problem = '';
			} catch (error) {
				this.#fail(m.run_end_failed({ noun: this.#noun, error: errorText(error) }));
				return;
			}
			this.#stopTimer();
			this.#lock?.release();
			this.#phase = 'finished';
		});
	}

	/** Takes over an attempt that another tab was running. */
	async continueHere(): Promise<void> {
		if (this.#phase === 'elsewhere') await this.#takeLock(true);
	}

	/** Stops the timer and lets go of the attempt when the page goes away. */
	dispose(): void {
		this.#stopTimer();
		this.#lock?.release();
		this.#lock = undefined;
	}

	get #noun() {
		return this.#setup.noun ?? m.noun_quiz();
	}

	async #takeLock(steal: boolean): Promise<void> {
		this.#lock = await lockAttempt(this.id, {
			steal,
			onLost: () => {
				this.#stopTimer();
				this.#phase = 'elsewhere';
				this.#announcement = m.run_continued_elsewhere({ noun: this.#noun });
			}
		});
		if (!this.#lock) {
			this.#phase = 'elsewhere';
			return;
		}
		this.#phase = 'running';
		this.#now = this.#clock();
		if (this.#deadline && this.#now >= this.#deadline) {
			await this.finish(true);
			return;
		}
		if (this.#deadline) this.#startTimer();
	}

	/** Writes drafts until none is waiting, one at a time. */
	async #writeDrafts(): Promise<void> {
		while (this.#unsavedDraft) {
			const { value } = this.#unsavedDraft;
			this.#unsavedDraft = undefined;
			try {
				await saveDraft(this.id, value);
			} catch (error) {
				this.#fail(m.run_answer_not_kept({ error: errorText(error) }));
			}
		}
		this.#draftWriter = undefined;
	}

	/** A failed save: said to screen readers and shown on screen (see AttemptView). */
	#fail(message: string): void {
		this.#announcement = message;
		this.#problem = message;
	}

	/** Runs one action; a second one while it runs is ignored (a double tap). */
	async #act(action: () => Promise<void>): Promise<void> {
		if (this.#busy || this.#phase !== 'running') return;
		this.#busy = true;
		try {
			// the action's own write must land after the drafts typed before it
			while (this.#draftWriter) await this.#draftWriter;
			await action();
		} finally {
			this.#busy = false;
		}
	}

	/** Keeps the answer on screen (when not checked one by one), then shows `position`. */
	async #move(position: number): Promise<void> {
		const saved = this.#unsavedAnswer()
			? (await this.#store(this.item!, this.#draft!, position)) !== undefined
			: await this.#savePosition(position);
		if (saved) this.#show(position);
	}

	/** True when an answer is on screen that is not yet stored as given (and not checked). */
	#unsavedAnswer(): boolean {
		const item = this.item;
		const draft = this.#draft;
		if (this.#checked || !this.#touched || !item || !isAnswerGiven(draft)) return false;
		return this.#answers[item.id]?.response !== draft;
	}

	async #savePosition(position: number): Promise<boolean> {
		try {
			await savePosition(this.id, position);
			this.#problem = '';
			return true;
		} catch (error) {
			this.#fail(m.run_place_not_saved({ error: errorText(error) }));
			return false;
		}
	}

	async #store(item: BankItem, response: Response, position: number) {
		const grade = gradeItem(item, response);
		const answer: StoredAnswer = {
			response,
			correct: grade.correct,
			score: grade.score,
			answeredAt: this.#clock()
		};
		try {
			await saveAnswer(this.id, item.id, answer, position, item.factIds);
		} catch (error) {
			this.#fail(m.run_answer_not_saved({ error: errorText(error) }));
			return undefined;
		}
		this.#problem = '';
		this.#answers = { ...this.#answers, [item.id]: answer };
		return answer;
	}

	#show(position: number, draft?: DraftAnswer): void {
		this.#position = position;
		const question = this.question;
		const stored = question && this.#answers[question.itemId];
		// answers checked one by one: a stored answer means Check was pressed before the reload
		this.#checked = checksEachAnswer(this.policy) && stored !== undefined;
		const kept = !this.#checked && draft && draft.itemId === question?.itemId;
		this.#draft = kept
			? draft.response
			: (stored?.response ?? (question && startingResponse(question)));
		this.#touched = Boolean(kept || stored);
	}

	#startTimer(): void {
		this.#stopTimer();
		this.#timer = setInterval(() => this.#tick(), 1000);
	}

	#tick(): void {
		this.#now = this.#clock();
		const left = this.secondsLeft ?? Infinity;
		if (left <= 0) void this.finish(true);
		else if (left <= 60 && !this.#warned) {
			this.#warned = true;
			this.#announcement = m.run_one_minute();
		}
	}

	#stopTimer(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
	}
}

// The student's /a page: open an assignment from its link, take it (offline too), hand in
// a receipt. A code that does not decode is explained and nothing is stored.
import { decodeAssignment, type Assignment } from '$lib/assign/assignment-code';
import { AssignError } from '$lib/assign/errors';
import { encodeReceipt, RECEIPT_FORMAT_VERSION, type Receipt } from '$lib/assign/receipt-code';
import { readStudentPlan, studentQuestions, type StudentPlan } from '$lib/assign/student-plan';
import type { Bank, BankItem } from '$lib/bank/types';
import type { QuizQuestion } from '$lib/quiz/build';
import { gradeItem } from '$lib/quiz/grade';
import type { Grade, Response } from '$lib/quiz/types';
import {
	listAssignments,
	saveAssignment,
	saveReceiptCode,
	type StoredAssignment
} from '$lib/storage/assignments';
import {
	finishAttempt,
	listAttempts,
	saveAnswer,
	savePosition,
	startAttempt
} from '$lib/storage/attempts';
import type { AttemptRow } from '$lib/storage/db';
import { getBank } from './bank';
import { downloadFile, fileSlug } from './download';
import { randomId } from './random-id';

export type TakePhase = 'loading' | 'list' | 'invalid' | 'intro' | 'running' | 'submitted';

/** One of the student's assignments, for "My assignments". */
export interface MyAssignment {
	row: StoredAssignment;
	status: string;
}

interface GivenAnswer {
	response: Response;
	grade: Grade;
}

export class AssignmentTaker {
	#clock: () => Date;
	#bank: Bank | undefined;
	#items = new Map<string, BankItem>();
	#timer: ReturnType<typeof setInterval> | undefined;
	#attemptId = '';

	#phase = $state<TakePhase>('loading');
	#problem = $state('');
	#assignment = $state.raw<Assignment | undefined>();
	#mine = $state.raw<MyAssignment[]>([]);
	#finished = $state.raw<AttemptRow[]>([]);
	#plan = $state.raw<StudentPlan | undefined>();
	#position = $state(0);
	/** A submission is being written: the timer and a tap on "Submit now" must not both make one. */
	#submitting = false;
	#answers = $state.raw<Record<string, GivenAnswer>>({});
	#response = $state.raw<Response | undefined>();
	#checked = $state(false);
	#remainingMs = $state<number | undefined>();
	#receiptCode = $state('');
	#announcement = $state('');

	name = $state('');

	constructor(clock: () => Date = () => new Date()) {
		this.#clock = clock;
	}

	get phase() {
		return this.#phase;
	}
	get problem() {
		return this.#problem;
	}
	get assignment() {
		return this.#assignment;
	}
	get mine() {
		return this.#mine;
	}
	get position() {
		return this.#position;
	}
	get total() {
		return this.#plan?.questions.length ?? 0;
	}
	get question(): QuizQuestion | undefined {
		return this.#plan?.questions[this.#position];
	}
	get item(): BankItem | undefined {
		const question = this.question;
		return question ? this.#items.get(question.itemId) : undefined;
	}
	get response() {
		return this.#response;
	}
	get checked() {
		return this.#checked;
	}
	/** Past the first question, without immediate feedback: Previous can go back to change an answer. */
	get canGoBack() {
		return (
			this.#phase === 'running' &&
			this.#position > 0 &&
			this.#assignment?.feedback !== 'immediately'
		);
	}
	/** The grade of the question on screen, once checked. */
	get grade(): Grade | undefined {
		const item = this.item;
		return item ? this.#answers[item.id]?.grade : undefined;
	}
	get remainingMs() {
		return this.#remainingMs;
	}
	get receiptCode() {
		return this.#receiptCode;
	}
	get announcement() {
		return this.#announcement;
	}
	/** Attempts this device submitted for the open assignment. */
	get attemptsUsed() {
		return this.#finished.length;
	}
	get attemptsLeft(): number | undefined {
		const allowed = this.#assignment?.attemptsAllowed ?? 0;
		return allowed === 0 ? undefined : Math.max(0, allowed - this.#finished.length);
	}
	/** Every question with its answer and grade, for the results after submitting. */
	get review(): { item: BankItem; answer?: GivenAnswer }[] {
		return (this.#plan?.questions ?? []).flatMap((question) => {
			const item = this.#items.get(question.itemId);
			return item ? [{ item, answer: this.#answers[item.id] }] : [];
		});
	}
	get score(): { right: number; total: number; percent: number } {
		const review = this.review;
		const points = review.reduce((sum, entry) => sum + (entry.answer?.grade.score ?? 0), 0);
		const right = review.filter((entry) => entry.answer?.grade.correct).length;
		return {
			right,
			total: review.length,
			percent: review.length ? Math.round((points / review.length) * 100) : 0
		};
	}

	/** Opens the code in the link's fragment, or lists the student's assignments when there is none. */
	async load(fragment: string): Promise<void> {
		this.#stopTimer();
		this.#phase = 'loading';
		try {
			this.#bank = await getBank();
			this.#items = new Map(this.#bank.items.map((item) => [item.id, item]));
		} catch (error) {
			this.#fail(error instanceof Error ? error.message : String(error));
			return;
		}
		const code = fragment.replace(/^#/, '').trim();
		if (!code) {
			await this.#loadMine();
			this.#phase = 'list';
			return;
		}
		let assignment: Assignment;
		try {
			assignment = decodeAssignment(code, this.#bank);
		} catch (error) {
			this.#fail(
				error instanceof AssignError ? error.message : 'This assignment link cannot be read.'
			);
			return;
		}
		this.#assignment = assignment;
		await saveAssignment('student', assignment, code, this.#clock());
		await this.#loadAttempts();
	}

	/** Starts a new attempt under the name given. */
	async start(): Promise<void> {
		const assignment = this.#assignment;
		const student = this.name.trim();
		if (!assignment || !student || this.attemptsLeft === 0) return;
		const now = this.#clock();
		const attempt = this.#finished.length + 1;
		const plan: StudentPlan = {
			assignmentId: assignment.id,
			student,
			attempt,
			questions: studentQuestions(assignment, this.#items, student, attempt),
			deadline: assignment.timeLimitSec ? now.getTime() + assignment.timeLimitSec * 1000 : undefined
		};
		this.#attemptId = randomId(12);
		await startAttempt({
			id: this.#attemptId,
			kind: 'assignment',
			assignmentId: assignment.id,
			startedAt: now,
			plan,
			answers: {},
			position: 0
		});
		this.#run(plan, {}, 0);
	}

	/** Records the answer being built on screen (not yet saved). */
	setResponse(response: Response): void {
		if (!this.#checked) this.#response = response;
	}

	/** With immediate feedback: grades and saves the answer, and shows whether it was right. */
	async check(): Promise<void> {
		if (this.#checked || !this.item) return;
		await this.#saveCurrent();
		this.#checked = true;
		const grade = this.grade;
		this.#announcement = grade?.correct ? 'Right.' : `Not right. The answer: ${grade?.expected}.`;
	}

	/** Saves the answer (if not saved yet) and moves to the next question, or submits after the last. */
	async next(): Promise<void> {
		// after the last question, submit() saves the answer on screen
		if (this.#position + 1 >= this.total) return this.submit();
		if (!this.#checked) await this.#saveCurrent();
		this.#show(this.#position + 1);
	}

	/** Saves the answer on screen, if any, and goes back one question so its answer can be changed. */
	async previous(): Promise<void> {
		if (!this.canGoBack) return;
		const previousPosition = this.#position - 1;
		await this.#saveCurrent(previousPosition);
		this.#show(previousPosition);
	}

	/** Ends the attempt and makes the receipt; answers already given are all kept. */
	async submit(): Promise<void> {
		const assignment = this.#assignment;
		const plan = this.#plan;
		const bank = this.#bank;
		if (!assignment || !plan || !bank || this.#phase !== 'running' || this.#submitting) return;
		this.#submitting = true;
		try {
			await this.#submit(assignment, plan, bank);
		} finally {
			this.#submitting = false;
		}
	}

	async #submit(assignment: Assignment, plan: StudentPlan, bank: Bank): Promise<void> {
		this.#stopTimer();
		// the answer on screen counts, whether the last Next, "Submit now" or the timer ends it
		if (!this.#checked) await this.#saveCurrent(this.#position);
		const now = this.#clock();
		const attempt = (await listAttempts('assignment')).find((row) => row.id === this.#attemptId);
		const receipt: Receipt = {
			v: RECEIPT_FORMAT_VERSION,
			assignmentId: assignment.id,
			packId: assignment.packId,
			bankHash: assignment.bankHash,
			student: plan.student,
			startedAt: (attempt?.startedAt ?? now).toISOString(),
			submittedAt: now.toISOString(),
			answers: assignment.itemIds.map((id) => this.#answers[id]?.response ?? null),
			attempt: plan.attempt,
			claimedScore: this.score.percent
		};
		const code = encodeReceipt(receipt, assignment, bank);
		await finishAttempt(this.#attemptId, now);
		await saveReceiptCode(this.#attemptId, code);
		this.#receiptCode = code;
		this.#phase = 'submitted';
		this.#announcement = 'Submitted. Hand in your receipt.';
		await this.#loadAttempts(false);
	}

	/** Copies the receipt code. */
	async copyReceipt(): Promise<string> {
		try {
			await navigator.clipboard.writeText(this.#receiptCode);
			return 'Receipt copied.';
		} catch {
			return 'Copying is blocked here: select the receipt and copy it.';
		}
	}

	/** Downloads the receipt as a small JSON file. */
	downloadReceipt(): void {
		const assignment = this.#assignment;
		if (!assignment || !this.#plan) return;
		const file = {
			format: 'sahel-brief-receipt',
			assignment: assignment.title,
			student: this.#plan.student,
			code: this.#receiptCode
		};
		downloadFile(
			`${fileSlug(assignment.title)}-${fileSlug(this.#plan.student)}-receipt.json`,
			JSON.stringify(file, null, 2),
			'application/json'
		);
	}

	/** Stops the countdown when the page goes away. */
	dispose(): void {
		this.#stopTimer();
	}

	#fail(message: string): void {
		this.#problem = message;
		this.#assignment = undefined;
		this.#phase = 'invalid';
	}

	async #loadMine(): Promise<void> {
		const [rows, attempts] = await Promise.all([
			listAssignments('student'),
			listAttempts('assignment')
		]);
		this.#mine = rows.map((row) => {
			const own = attempts.filter((attempt) => attempt.assignmentId === row.data.id);
			const submitted = own.filter((attempt) => attempt.finishedAt).length;
			const status = own.some((attempt) => !attempt.finishedAt)
				? 'In progress'
				: submitted
					? `Submitted${submitted > 1 ? ` (${submitted} attempts)` : ''}`
					: 'Not started';
			return { row, status };
		});
	}

	/** Reads this assignment's attempts: resumes an unfinished one, else shows the intro. */
	async #loadAttempts(resume = true): Promise<void> {
		const assignment = this.#assignment;
		if (!assignment) return;
		const attempts = (await listAttempts('assignment')).filter(
			(row) => row.assignmentId === assignment.id
		);
		this.#finished = attempts.filter((row) => row.finishedAt);
		if (!resume) return;
		const open = attempts.find((row) => !row.finishedAt);
		const plan = open && readStudentPlan(open.plan);
		if (open && plan) {
			this.#attemptId = open.id;
			this.name = plan.student;
			const answers: Record<string, GivenAnswer> = {};
			for (const [itemId, value] of Object.entries(open.answers)) {
				const stored = value as { response?: Response };
				const item = this.#items.get(itemId);
				if (stored?.response && item)
					answers[itemId] = { response: stored.response, grade: gradeItem(item, stored.response) };
			}
			this.#run(plan, answers, open.position);
			return;
		}
		const last = this.#finished.at(-1);
		const lastPlan = last && readStudentPlan(last.plan);
		if (lastPlan) this.name = lastPlan.student;
		this.#phase = 'intro';
	}

	#run(plan: StudentPlan, answers: Record<string, GivenAnswer>, position: number): void {
		this.#plan = plan;
		this.#answers = answers;
		this.#phase = 'running';
		this.#show(Math.min(position, plan.questions.length - 1));
		if (plan.deadline !== undefined) {
			this.#tick();
			this.#timer = setInterval(() => this.#tick(), 1000);
		}
	}

	#show(position: number): void {
		this.#position = position;
		const item = this.item;
		const previous = item ? this.#answers[item.id] : undefined;
		const question = this.question;
		this.#response =
			previous?.response ??
			(question?.type === 'ordering'
				? { kind: 'ordering', sequence: [...(question.sequenceStart ?? [])] }
				: undefined);
		this.#checked = false;
	}

	/**
	 * Grades and stores the answer on screen, with `position` as the question reached; with no
	 * answer, stores the position alone.
	 */
	async #saveCurrent(position = this.#position + 1): Promise<void> {
		const item = this.item;
		const response = this.#response;
		if (!item || !response) {
			// a question left blank still moves the resume point, so a reload comes back here
			await savePosition(this.#attemptId, position);
			return;
		}
		const grade = gradeItem(item, response);
		this.#answers = { ...this.#answers, [item.id]: { response, grade } };
		await saveAnswer(
			this.#attemptId,
			item.id,
			{ response, correct: grade.correct, score: grade.score, answeredAt: this.#clock() },
			position,
			item.factIds
		);
	}

	#tick(): void {
		const deadline = this.#plan?.deadline;
		if (deadline === undefined) return;
		const left = deadline - this.#clock().getTime();
		this.#remainingMs = Math.max(0, left);
		if (left <= 0) {
			this.#stopTimer();
			// time is up: the answers given so far are handed in as they are
			this.#announcement = 'Time is up. Your answers were submitted.';
			void this.submit();
		}
	}

	#stopTimer(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
	}
}

// The student's /a page: open an assignment from its link, take it (offline too) with the
// same AttemptRun as a quiz, hand in a receipt. A code that does not decode is explained and
// nothing is stored. An attempt counts as used only once its receipt exists.
import { m } from '$lib/paraglide/messages';
import { decodeAssignment, packIdOfCode, type Assignment } from '$lib/assign/assignment-code';
import { AssignError } from '$lib/assign/errors';
import { newDeviceKey, publicKeyText } from '$lib/assign/device-key';
import { answeredAfterSec, signReceipt } from '$lib/assign/receipt-code';
import { settingsHash } from '$lib/assign/settings-hash';
import { studentQuestions } from '$lib/assign/student-plan';
import {
	assignmentPolicy,
	attemptsLeft,
	readAttempt,
	scoreOf,
	type AttemptRecord,
	type StoredAnswer,
	assignmentPlan
} from '$lib/attempt';
import type { Bank, BankItem } from '$lib/bank/types';
import { gradeItem } from '$lib/quiz/grade';
import type { Grade, Response } from '$lib/quiz/types';
import {
	type AttemptRow,
	deviceKeyPair,
	finishAttempt,
	getAttempt,
	listAssignments,
	listAttempts,
	saveAssignment,
	startAttempt,
	type StoredAssignment
} from '$lib/storage';
import { AttemptRun } from './attempt-run.svelte';
import { ReceiptDelivery } from './class-delivery.svelte';
import { getBank } from './bank';
import { downloadFile, fileSlug } from './download';
import { assignErrorText as errorText } from './assign-error-text';
import { randomId } from './random-id';

export type TakePhase = 'loading' | 'list' | 'invalid' | 'intro' | 'running' | 'submitted';

/** One handed-in attempt, whose receipt can be shown again. */
export interface HandedIn {
	attemptId: string;
	attempt: number;
	submittedAt: Date;
}

/** One of the student's assignments, for "My assignments". */
export interface MyAssignment {
	row: StoredAssignment;
	status: string;
	receipts: HandedIn[];
}

interface GivenAnswer {
	response: Response;
	grade: Grade;
}

/** An attempt that was handed in: it has a receipt code (written with its end). */
const handedIn = (record: AttemptRecord | undefined) =>
	record?.finishedAt !== undefined && record.assignment?.receiptCode !== undefined;

export class AssignmentTaker {
	#clock: () => Date;
	#bank: Bank | undefined;
	#items = new Map<string, BankItem>();

	#phase = $state<TakePhase>('loading');
	#problem = $state('');
	#assignment = $state.raw<Assignment | undefined>();
	#mine = $state.raw<MyAssignment[]>([]);
	#submitted = $state.raw<AttemptRecord[]>([]);
	#run = $state.raw<AttemptRun | undefined>();
	/** The handed-in attempt whose receipt is on screen. */
	#shown = $state.raw<AttemptRecord | undefined>();
	#announcement = $state('');
	#linkChanged = $state(false);
	#starting = false;

	name = $state('');
	/** The receipt's way to the class inbox, when the assignment names one. */
	readonly delivery: ReceiptDelivery;

	constructor(clock: () => Date = () => new Date(), delivery?: ReceiptDelivery) {
		this.#clock = clock;
		this.delivery = delivery ?? new ReceiptDelivery(clock);
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
	/** The attempt on screen while the phase is 'running'. */
	get attempt() {
		return this.#run;
	}
	get receiptCode() {
		return this.#shown?.assignment?.receiptCode ?? '';
	}
	get announcement() {
		return this.#announcement;
	}
	/**
	 * True when this link has the id of an assignment opened before but other content (an
	 * edited or corrected link): both are kept, and the page says so.
	 */
	get linkChanged() {
		return this.#linkChanged;
	}
	/** Attempts this device handed in for the open assignment. */
	get attemptsUsed() {
		return this.#submitted.length;
	}
	get attemptsLeft(): number | undefined {
		const assignment = this.#assignment;
		return assignment && attemptsLeft(assignmentPolicy(assignment), this.#submitted.length);
	}
	/** Every question of the receipt on screen with its answer and grade. */
	get review(): { item: BankItem; answer?: GivenAnswer }[] {
		const shown = this.#shown;
		return (shown?.questions ?? []).flatMap((question) => {
			const item = this.#items.get(question.itemId);
			if (!item) return [];
			const stored = shown?.answers[item.id];
			return [
				{
					item,
					answer: stored && { response: stored.response, grade: gradeItem(item, stored.response) }
				}
			];
		});
	}
	get score(): { right: number; total: number; percent: number } {
		const review = this.review;
		const { percent } = scoreOf(review.map((entry) => entry.answer?.grade.score ?? 0));
		const right = review.filter((entry) => entry.answer?.grade.correct).length;
		return { right, total: review.length, percent: Math.round(percent) };
	}

	/** Opens the code in the link's fragment, or lists the student's assignments when there is none. */
	async load(fragment: string): Promise<void> {
		this.#leaveRun();
		this.#phase = 'loading';
		const code = fragment.replace(/^#/, '').trim();
		// receipts queued while offline (this visit or an earlier one) go now if they can
		void this.delivery.deliverQueued().catch(() => undefined);
		try {
			// an assignment is taken over the article it was written for, whichever one is chosen
			this.#bank = await getBank(code ? packIdOfCode(code) : undefined);
			this.#items = new Map(this.#bank.items.map((item) => [item.id, item]));
		} catch (error) {
			this.#fail(errorText(error));
			return;
		}
		if (!code) {
			await this.#loadMine();
			this.#phase = 'list';
			return;
		}
		let assignment: Assignment;
		try {
			assignment = decodeAssignment(code, this.#bank);
		} catch (error) {
			this.#fail(error instanceof AssignError ? errorText(error) : m.take_unreadable());
			return;
		}
		this.#assignment = assignment;
		this.#linkChanged = false;
		try {
			const saved = await saveAssignment('student', assignment, code, this.#clock());
			this.#linkChanged = saved === 'changed';
			await this.#loadAttempts();
		} catch (error) {
			this.#fail(errorText(error));
		}
	}

	/** Starts a new attempt under the name given. */
	async start(): Promise<void> {
		const assignment = this.#assignment;
		const student = this.name.trim();
		if (!assignment || !student || this.attemptsLeft === 0 || this.#starting) return;
		this.#starting = true;
		try {
			const now = this.#clock();
			const attempt = this.#submitted.length + 1;
			const plan = assignmentPlan(
				{
					assignmentId: assignment.id,
					student,
					attempt,
					...(assignment.timeLimitSec
						? { deadline: now.getTime() + assignment.timeLimitSec * 1000 }
						: {})
				},
				studentQuestions(assignment, this.#items, student, attempt)
			);
			const row: AttemptRow = {
				id: randomId(12),
				kind: 'assignment',
				assignmentId: assignment.id,
				startedAt: now,
				plan,
				answers: {},
				position: 0
			};
			await startAttempt(row);
			await this.#enter(row, assignment);
		} catch (error) {
			this.#announcement = m.take_start_failed({ error: errorText(error) });
		} finally {
			this.#starting = false;
		}
	}

	/** Shows the receipt of an attempt handed in before ("My assignments"). */
	async showReceipt(attemptId: string): Promise<void> {
		const row = await getAttempt(attemptId);
		const record = row && readAttempt(row);
		const stored = this.#mine.find((mine) => mine.row.data.id === row?.assignmentId);
		if (!record || !handedIn(record) || !stored) return;
		this.#assignment = stored.row.data;
		this.#shown = record;
		await this.delivery.show(attemptId);
		this.#phase = 'submitted';
	}

	/** Copies the receipt code. */
	async copyReceipt(): Promise<string> {
		try {
			await navigator.clipboard.writeText(this.receiptCode);
			return m.take_copied();
		} catch {
			return m.take_copy_blocked();
		}
	}

	/** Downloads the receipt as a small JSON file. */
	downloadReceipt(): void {
		const assignment = this.#assignment;
		const plan = this.#shown?.assignment;
		if (!assignment || !plan?.receiptCode) return;
		const file = {
			format: 'sahel-brief-receipt',
			assignment: assignment.title,
			student: plan.student,
			code: plan.receiptCode
		};
		downloadFile(
			`${fileSlug(assignment.title)}-${fileSlug(plan.student)}-receipt.json`,
			JSON.stringify(file, null, 2),
			'application/json'
		);
	}

	/** Stops the countdown when the page goes away. */
	dispose(): void {
		this.#leaveRun();
		this.delivery.dispose();
	}

	#fail(message: string): void {
		this.#problem = message;
		this.#assignment = undefined;
		this.#phase = 'invalid';
	}

	#leaveRun(): void {
		this.#run?.dispose();
		this.#run = undefined;
	}

	async #loadMine(): Promise<void> {
		const [rows, attempts] = await Promise.all([
			listAssignments('student'),
			listAttempts('assignment')
		]);
		this.#mine = rows.map((row) => {
			const own = attempts.filter((attempt) => attempt.assignmentId === row.data.id);
			const receipts = own
				.map((attempt) => readAttempt(attempt))
				.filter(handedIn)
				.map((record) => ({
					attemptId: record!.id,
					attempt: record!.assignment!.attempt,
					submittedAt: record!.finishedAt!
				}))
				.sort((a, b) => a.attempt - b.attempt);
			const status = own.some((attempt) => !attempt.finishedAt)
				? m.take_in_progress()
				: receipts.length
					? receipts.length > 1
						? m.take_submitted_n({ count: receipts.length })
						: m.take_submitted()
					: m.take_not_started();
			return { row, status, receipts };
		});
	}

	/** Reads this assignment's attempts: resumes an unfinished one, else shows the intro. */
	async #loadAttempts(): Promise<void> {
		const assignment = this.#assignment;
		if (!assignment) return;
		const records = (await listAttempts('assignment'))
			.filter((row) => row.assignmentId === assignment.id)
			.map((row) => ({ row, record: readAttempt(row) }));
		this.#submitted = records.map(({ record }) => record).filter(handedIn) as AttemptRecord[];
		const open = records.find(({ row, record }) => !row.finishedAt && record);
		if (open) {
			this.name = open.record!.assignment!.student;
			await this.#enter(open.row, assignment);
			return;
		}
		const last = this.#submitted[0];
		if (last?.assignment) this.name = last.assignment.student;
		this.#phase = 'intro';
	}

	async #enter(row: AttemptRow, assignment: Assignment): Promise<void> {
		const record = readAttempt(row);
		const bank = this.#bank;
		if (!record?.assignment || !bank) return;
		this.#leaveRun();
		const run = await AttemptRun.open({
			record,
			policy: assignmentPolicy(assignment),
			items: this.#items,
			clock: this.#clock,
			noun: m.noun_assignment(),
			end: async (at, answers, timedOut) => {
				const code = await this.#receipt(assignment, bank, record, answers, at);
				// the attempt is used up only here, with its receipt, in one transaction
				await finishAttempt(record.id, at, code);
				const plan = { ...record.assignment!, receiptCode: code };
				this.#shown = { ...record, answers: { ...answers }, finishedAt: at, assignment: plan };
				this.#submitted = [this.#shown, ...this.#submitted];
				this.#phase = 'submitted';
				this.#announcement = timedOut ? m.take_time_up() : m.take_done();
				// the receipt exists and is on screen: delivering it online comes on top
				await this.delivery.handIn(assignment, record.id, code);
			}
		});
		this.#run = run;
		if (run.phase !== 'finished') this.#phase = 'running';
	}

	/** The receipt code, signed by this device's key and naming the settings it ran under. */
	async #receipt(
		assignment: Assignment,
		bank: Bank,
		record: AttemptRecord,
		answers: Readonly<Record<string, StoredAnswer>>,
		at: Date
	): Promise<string> {
		const plan = record.assignment!;
		const { percent } = scoreOf(
			record.questions.map((q) => answers[q.itemId]?.score ?? 0),
			record.questions.length
		);
		const keys = await deviceKeyPair(newDeviceKey);
		const receipt = {
			assignmentId: assignment.id,
			packId: assignment.packId,
			bankHash: assignment.bankHash,
			student: plan.student,
			startedAt: record.startedAt.toISOString(),
			submittedAt: at.toISOString(),
			answers: assignment.itemIds.map((id) => answers[id]?.response ?? null),
			answeredAfterSec: answeredAfterSec(
				record.startedAt,
				assignment.itemIds.map((id) => answers[id]?.answeredAt),
				at
			),
			attempt: plan.attempt,
			claimedScore: Math.round(percent),
			settingsHash: settingsHash(assignment)
		};
		return signReceipt(receipt, assignment, bank, {
			privateKey: keys.privateKey,
			deviceKey: await publicKeyText(keys.publicKey)
		});
	}
}

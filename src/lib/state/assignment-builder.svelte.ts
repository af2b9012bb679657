// The instructor's /assign page: choose questions and settings, create the code, share it.
import { m } from '$lib/paraglide/messages';
import {
	ASSIGNMENT_FORMAT_VERSION,
	encodeAssignment,
	type Assignment,
	type FeedbackMode
} from '$lib/assign/assignment-code';
import { bankKey } from '$lib/assign/bank-hash';
import { LIMITS } from '$lib/assign/limits';
import { ITEM_TYPES, type Bank, type BankItem, type ItemType } from '$lib/bank/types';
import { buildQuiz } from '$lib/quiz/build';
import { QUIZ_COUNTS, type QuizCount } from '$lib/quiz/types';
import { instructorKeyText, newInstructorKey } from '$lib/assign/receipt-envelope';
import { dropTokenFor, newClassSecret } from '$lib/sync/class-space';
import { saveAssignment, saveClassKey } from '$lib/storage';
import { BUILT_SYNC_ORIGIN } from './sync-config';
import { getBank } from './bank';
import { randomId } from './random-id';
import { assignErrorText as errorText } from './assign-error-text';

export type SelectionMode = 'random' | 'pick';

/** What the share panel shows once an assignment exists. */
export interface CreatedAssignment {
	assignment: Assignment;
	code: string;
	link: string;
}

export class AssignmentBuilder {
	#bank = $state.raw<Bank | undefined>();
	#error = $state('');
	#created = $state.raw<CreatedAssignment | undefined>();

	title = $state('');
	instructor = $state('');
	instructions = $state('');
	timeLimitMin = $state<number | undefined>();
	due = $state(''); // datetime-local value
	attemptsAllowed = $state(1);
	shuffleQuestions = $state(true);
	shuffleOptions = $state(true);
	feedback = $state<FeedbackMode>('after-submitting');
	passMark = $state(60);
	/** Receipts are also delivered online, to a class inbox on the sync server. */
	collectOnline = $state(false);
	/** The sync server a class inbox lives on: the one this build may reach ('' when none). */
	readonly collectOrigin = BUILT_SYNC_ORIGIN;

	mode = $state<SelectionMode>('random');
	topics = $state<string[]>([]);
	types = $state<ItemType[]>([...ITEM_TYPES]);
	count = $state<QuizCount>(10);
	seed = $state(randomId(8));
	search = $state('');
	picked = $state<string[]>([]);

	get bank() {
		return this.#bank;
	}
	get error() {
		return this.#error;
	}
	get created() {
		return this.#created;
	}

	/** The questions the assignment will hold, in order. */
	chosenItems = $derived.by((): BankItem[] => {
		const bank = this.#bank;
		if (!bank) return [];
		const byId = new Map(bank.items.map((item) => [item.id, item]));
		if (this.mode === 'pick') return this.picked.flatMap((id) => byId.get(id) ?? []);
		const questions = buildQuiz(bank.items, {
			topics: this.topics.length ? this.topics : 'all',
			types: this.types,
			count: this.count,
			mode: 'exam',
			mistakesOnly: false,
			seed: this.seed
		});
		return questions.flatMap(({ itemId }) => byId.get(itemId) ?? []);
	});

	/** Items matching the search box, for hand-picking. */
	searchResults = $derived.by((): BankItem[] => {
		const bank = this.#bank;
		if (!bank) return [];
		const words = this.search.toLowerCase().split(/\s+/).filter(Boolean);
		return bank.items
			.filter((item) => {
				const text = `${item.prompt} ${item.answer} ${item.topic} ${item.type}`.toLowerCase();
				return words.every((word) => text.includes(word));
			})
			.slice(0, 50);
	});

	/** Loads the bank. */
	async load(): Promise<void> {
		try {
			this.#bank = await getBank();
		} catch (error) {
			this.#error = errorText(error);
		}
	}

	/** Adds or removes a hand-picked question. */
	togglePick(itemId: string): void {
		this.picked = this.picked.includes(itemId)
			? this.picked.filter((id) => id !== itemId)
			: [...this.picked, itemId];
	}

	/** A new random draw of questions. */
	reshuffle(): void {
		this.seed = randomId(8);
	}

	/** Why the assignment cannot be created yet, or '' when it can. */
	get problem(): string {
		if (!this.#bank) return m.builder_loading();
		if (!this.title.trim()) return m.builder_no_title();
		if (this.chosenItems.length === 0) return m.builder_no_question();
		if (this.chosenItems.length > LIMITS.maxItems)
			return m.builder_too_many({ max: LIMITS.maxItems });
		return '';
	}

	/** Encodes and stores the assignment, then shows the share panel. */
	async create(now: Date = new Date()): Promise<void> {
		const bank = this.#bank;
		if (!bank || this.problem) return;
		const dueDate = this.due ? new Date(this.due) : undefined;
		const assignment: Assignment = {
			v: ASSIGNMENT_FORMAT_VERSION,
			packId: bank.pack.id,
			bankHash: bankKey(bank).hash,
			id: randomId(10),
			title: this.title.trim(),
			instructor: this.instructor.trim(),
			instructions: this.instructions.trim(),
			timeLimitSec: this.timeLimitMin ? Math.round(this.timeLimitMin * 60) : undefined,
			due: dueDate && !Number.isNaN(dueDate.getTime()) ? dueDate.toISOString() : undefined,
			attemptsAllowed: this.attemptsAllowed,
			shuffleQuestions: this.shuffleQuestions,
			shuffleOptions: this.shuffleOptions,
			feedback: this.feedback,
			passMark: this.passMark,
			itemIds: this.chosenItems.map((item) => item.id),
			seed: randomId(8),
			createdAt: now.toISOString()
		};
		try {
			if (this.collectOnline && this.collectOrigin) {
				assignment.channel = await this.#openClassInbox(assignment.id, now);
			}
			const code = encodeAssignment(assignment, bank);
			await saveAssignment('instructor', assignment, code, now);
			this.#error = '';
			this.#created = { assignment, code, link: `${location.origin}/a#${code}` };
		} catch (error) {
			this.#error = errorText(error);
		}
	}

	/**
	 * A new class inbox for the assignment: its secret and private key stay on this device,
	 * the drop token and the public key go into the link.
	 */
	async #openClassInbox(assignmentId: string, now: Date): Promise<Assignment['channel']> {
		const secret = newClassSecret();
		const keys = await newInstructorKey();
		const publicKey = await instructorKeyText(keys.publicKey);
		await saveClassKey({
			assignmentId,
			secret,
			privateKey: keys.privateKey,
			publicKey,
			createdAt: now
		});
		return {
			origin: this.collectOrigin,
			dropToken: await dropTokenFor(secret),
			instructorKey: publicKey
		};
	}

	/** Back to the form for another assignment. */
	startOver(): void {
		this.#created = undefined;
		this.reshuffle();
	}
}

export { QUIZ_COUNTS };

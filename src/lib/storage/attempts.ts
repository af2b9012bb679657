// Quiz and assignment attempts: started, answered one answer at a time, finished. Every
// answer, and the answer being composed, is written as it is given, so a reload or a crash
// resumes the attempt where it was.
import {
	latestMistakes,
	upgradePlan,
	withReceipt,
	type DraftAnswer,
	type StoredAnswer
} from '../attempt/record';
import { cardsMadeDue } from '../quiz/study-link';
import type { AttemptKind, AttemptRow } from './db';
import { noteLocalChange } from './change-feed';
import { StorageError, storageError } from './errors';
import { database, readStored, validRow, validRows } from './repository';

/**
 * Runs a write, turning whatever the browser throws into a StorageError; a write that the
 * learner's other devices see (not a draft, which stays on this device) tells sync.
 */
async function writing<T>(write: () => Promise<T>, synced = true): Promise<T> {
	let done: T;
	try {
		done = await write();
	} catch (error) {
		throw storageError(error);
	}
	if (synced) noteLocalChange({ kind: 'attempts' });
	return done;
}

/** Stores a new attempt (its plan fixes the questions and their order). */
export function startAttempt(row: AttemptRow): Promise<void> {
	return writing(async () => {
		await (await database()).attempts.add(row);
	});
}

/** The attempt row, refused when it is gone or already finished (by another tab, say). */
function openRow(row: AttemptRow | undefined): AttemptRow {
	if (!row) throw new StorageError('attempt-missing');
	if (row.finishedAt) throw new StorageError('attempt-finished');
	return row;
}

/**
 * Writes one answer and the position reached, and clears the draft it came from. When the
 * answer is wrong, the study cards of the same facts that the learner already studied become
 * due at the answer time, in the same transaction (see "How quizzes feed study" in README.md).
 */
export function saveAnswer(
	attemptId: string,
	itemId: string,
	answer: StoredAnswer,
	position: number,
	factIds: readonly string[] = []
): Promise<void> {
	return writing(async () => {
		const db = await database();
		await db.transaction('rw', db.attempts, db.cards, async () => {
			const row = openRow(await db.attempts.get(attemptId));
			await db.attempts.put({
				...row,
				answers: { ...row.answers, [itemId]: answer },
				position,
				draft: undefined
			});
			if (answer.correct || factIds.length === 0) return;
			const cards = validRows('cards', await db.cards.toArray());
			const due = cardsMadeDue(cards, factIds, answer.answeredAt);
			if (due.length) await db.cards.bulkPut(due);
		});
	});
}

/** Keeps the answer being composed (or clears it), so a reload shows it again. */
export function saveDraft(attemptId: string, draft: DraftAnswer | undefined): Promise<void> {
	return writing(async () => {
		const db = await database();
		await db.transaction('rw', db.attempts, async () => {
			const row = openRow(await db.attempts.get(attemptId));
			await db.attempts.put({ ...row, draft });
		});
	}, false);
}

/** Records the question the learner moved on to. */
export function savePosition(attemptId: string, position: number): Promise<void> {
	return writing(async () => {
		const db = await database();
		await db.transaction('rw', db.attempts, async () => {
			const row = openRow(await db.attempts.get(attemptId));
			await db.attempts.put({ ...row, position, draft: undefined });
		});
	});
}

/**
 * Marks an attempt finished at `at` (answers are kept as they are). An assignment attempt is
 * finished together with its receipt code, in one transaction: a used attempt always has one.
 */
export function finishAttempt(attemptId: string, at: Date, receiptCode?: string): Promise<void> {
	return writing(async () => {
		const db = await database();
		await db.transaction('rw', db.attempts, async () => {
			const row = openRow(await db.attempts.get(attemptId));
			const current = upgradePlan(row.kind, row.plan);
			const plan = receiptCode && current ? withReceipt(current, receiptCode) : row.plan;
			await db.attempts.put({ ...row, plan, finishedAt: at, draft: undefined });
		});
	});
}

/** One attempt by id. */
export async function getAttempt(attemptId: string): Promise<AttemptRow | undefined> {
	const row = await readStored(undefined, (db) => db.attempts.get(attemptId));
	return validRow('attempts', row);
}

/** Unfinished attempts of `kind`, most recently started first. */
export async function openAttempts(kind: AttemptKind): Promise<AttemptRow[]> {
	return (await listAttempts(kind)).filter((row) => !row.finishedAt);
}

/** Every attempt of `kind`, newest first. */
export async function listAttempts(kind: AttemptKind = 'quiz'): Promise<AttemptRow[]> {
	const rows = await readStored([], (db) => db.attempts.where('kind').equals(kind).toArray());
	return validRows('attempts', rows).sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
}

/** Items whose latest answer in any attempt was wrong ("Mistakes only"). */
export async function mistakeItemIds(): Promise<Set<string>> {
	return latestMistakes(validRows('attempts', await readStored([], (db) => db.attempts.toArray())));
}

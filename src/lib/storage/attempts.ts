// Quiz and assignment attempts: started, answered one answer at a time, finished. Every
// answer is written as it is given, so a reload or a crash resumes the attempt where it was.
import { latestMistakes, type StoredAnswer } from '../quiz/plan';
import { cardsMadeDue } from '../quiz/study-link';
import type { AttemptKind, AttemptRow } from './db';
import { database, readStored } from './repository';

/** Stores a new attempt (its plan fixes the questions and their order). */
export async function startAttempt(row: AttemptRow): Promise<void> {
	await (await database()).attempts.add(row);
}

/**
 * Writes one answer and the position reached. When the answer is wrong, the study cards of
 * the same facts that the learner already studied become due at the answer time, in the same
 * transaction (see "How quizzes feed study" in README.md).
 */
export async function saveAnswer(
	attemptId: string,
	itemId: string,
	answer: StoredAnswer,
	position: number,
	factIds: readonly string[] = []
): Promise<void> {
	const db = await database();
	await db.transaction('rw', db.attempts, db.cards, async () => {
		const row = await db.attempts.get(attemptId);
		if (!row) throw new Error('This quiz is no longer stored on this device.');
		// the answer is not written into a finished attempt (another tab finished it)
		if (row.finishedAt) return;
		await db.attempts.put({ ...row, answers: { ...row.answers, [itemId]: answer }, position });
		if (answer.correct || factIds.length === 0) return;
		const cards = await db.cards.toArray();
		const due = cardsMadeDue(cards, factIds, answer.answeredAt);
		if (due.length) await db.cards.bulkPut(due);
	});
}

/** Records the question the learner moved on to. */
export async function savePosition(attemptId: string, position: number): Promise<void> {
	await (await database()).attempts.update(attemptId, { position });
}

/** Marks an attempt finished at `at` (answers are kept as they are). */
export async function finishAttempt(attemptId: string, at: Date): Promise<void> {
	await (await database()).attempts.update(attemptId, { finishedAt: at });
}

/** One attempt by id. */
export async function getAttempt(attemptId: string): Promise<AttemptRow | undefined> {
	return readStored(undefined, (db) => db.attempts.get(attemptId));
}

/** The most recently started unfinished attempt of `kind`, if any. */
export async function activeAttempt(kind: AttemptKind = 'quiz'): Promise<AttemptRow | undefined> {
	const rows = await readStored([], (db) => db.attempts.where('kind').equals(kind).toArray());
	return rows
		.filter((row) => !row.finishedAt)
		.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
}

/** The unfinished quiz attempt to offer "Resume quiz" for. */
export function activeQuizAttempt(): Promise<AttemptRow | undefined> {
	return activeAttempt('quiz');
}

/** Every attempt of `kind`, newest first. */
export async function listAttempts(kind: AttemptKind = 'quiz'): Promise<AttemptRow[]> {
	const rows = await readStored([], (db) => db.attempts.where('kind').equals(kind).toArray());
	return rows.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
}

/** Items whose latest answer in any attempt was wrong ("Mistakes only"). */
export async function mistakeItemIds(): Promise<Set<string>> {
	return latestMistakes(await readStored([], (db) => db.attempts.toArray()));
}

// Assignments made or received on this device, and the receipts an instructor imported.
import type { Assignment } from '../assign/assignment-code';
import type { Submission } from '../assign/gradebook';
import { hash53 } from '../assign/hash';
import type { AssignmentRole, AssignmentRow, SubmissionRow } from './db';
import { database, readStored } from './repository';

/** An assignment row, with its decoded assignment. */
export interface StoredAssignment extends Omit<AssignmentRow, 'data'> {
	data: Assignment;
}

/** A stored receipt: the code as handed in and what it decoded to (scores are recomputed). */
export type StoredReceipt = Pick<Submission, 'code' | 'receipt'>;

// the same assignment may be both made and taken on one device (an instructor trying it)
const rowId = (role: AssignmentRole, assignmentId: string) => `${role}:${assignmentId}`;

/** Keeps an assignment this device made (instructor) or opened (student). */
export async function saveAssignment(
	role: AssignmentRole,
	assignment: Assignment,
	code: string,
	now: Date
): Promise<void> {
	const db = await database();
	await db.transaction('rw', db.assignments, async () => {
		const id = rowId(role, assignment.id);
		const existing = await db.assignments.get(id);
		await db.assignments.put({
			id,
			role,
			code,
			title: assignment.title,
			createdAt: existing?.createdAt ?? now,
			data: assignment
		});
	});
}

/** The assignments of one role, newest first. */
export async function listAssignments(role: AssignmentRole): Promise<StoredAssignment[]> {
	const rows = await readStored([], (db) => db.assignments.where('role').equals(role).toArray());
	return (rows as StoredAssignment[]).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * Stores accepted receipts, all in one transaction. Every receipt gets its own row (keyed by
 * its code), so a second receipt for the same student and attempt is kept beside the first,
 * never over it.
 */
export async function addSubmissions(
	assignmentId: string,
	submissions: readonly Submission[],
	now: Date
): Promise<void> {
	const rows: SubmissionRow[] = submissions.map(({ code, receipt }, i) => ({
		id: `${assignmentId}:receipt:${hash53(code)}`,
		assignmentId,
		studentName: receipt.student,
		// a millisecond apart, so reading back by import time keeps the batch's order, which
		// decides whose device a name was first seen with
		importedAt: new Date(now.getTime() + i),
		receipt: { code, receipt } satisfies StoredReceipt
	}));
	const db = await database();
	await db.transaction('rw', db.submissions, () => db.submissions.bulkPut(rows));
}

/** The receipts imported for an assignment, in import order. */
export async function listReceipts(assignmentId: string): Promise<StoredReceipt[]> {
	const rows = await readStored([], (db) =>
		db.submissions.where('assignmentId').equals(assignmentId).sortBy('importedAt')
	);
	return rows.map((row) => row.receipt as StoredReceipt);
}

// Assignments made or received on this device, and the receipts an instructor imported.
import type { Assignment } from '../assign/assignment-code';
import type { Submission } from '../assign/gradebook';
import { hash53 } from '../assign/hash';
import type { AssignmentRole, AssignmentRow, SubmissionRow } from './db';
import { noteLocalChange } from './change-feed';
import { storageError } from './errors';
import { database, readStored, validRows } from './repository';

/** An assignment row, with its decoded assignment. */
export interface StoredAssignment extends Omit<AssignmentRow, 'data'> {
	data: Assignment;
}

/** A stored receipt: the code as handed in and what it decoded to (scores are recomputed). */
export type StoredReceipt = Pick<Submission, 'code' | 'receipt'>;

// the same assignment may be both made and taken on one device (an instructor trying it)
const rowId = (role: AssignmentRole, assignmentId: string) => `${role}:${assignmentId}`;

/** What saving an assignment did: first seen, seen before as it is, or seen with other content. */
export type SavedAs = 'new' | 'same' | 'changed';

/**
 * Keeps an assignment this device made (instructor) or opened (student). A code with a known
 * id but other content never replaces the stored one: it is kept beside it, and 'changed'
 * tells the caller to say so. (Codes are deterministic, so equal content means equal codes.)
 */
export async function saveAssignment(
	role: AssignmentRole,
	assignment: Assignment,
	code: string,
	now: Date
): Promise<SavedAs> {
	const db = await database();
	const saved = await db.transaction('rw', db.assignments, async () => {
		const first = rowId(role, assignment.id);
		const existing = await db.assignments.get(first);
		const changed = existing !== undefined && existing.code !== code;
		const id = changed ? `${first}:${hash53(code)}` : first;
		const kept = changed ? await db.assignments.get(id) : existing;
		await db.assignments.put({
			id,
			role,
			code,
			title: assignment.title,
			createdAt: kept?.createdAt ?? now,
			data: assignment
		});
		return changed ? 'changed' : existing ? 'same' : 'new';
	});
	noteLocalChange({ kind: 'receipts' }); // sync mirrors assignments with the receipts
	return saved;
}

/** The assignments of one role, newest first. */
export async function listAssignments(role: AssignmentRole): Promise<StoredAssignment[]> {
	const rows = await readStored([], (db) => db.assignments.where('role').equals(role).toArray());
	return (validRows('assignments', rows) as StoredAssignment[]).sort(
		(a, b) => b.createdAt.getTime() - a.createdAt.getTime()
	);
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
	try {
		await db.transaction('rw', db.submissions, () => db.submissions.bulkPut(rows));
	} catch (error) {
		throw storageError(error);
	}
	noteLocalChange({ kind: 'receipts' });
}

/** The receipts imported for an assignment, in import order. */
export async function listReceipts(assignmentId: string): Promise<StoredReceipt[]> {
	const rows = await readStored([], (db) =>
		db.submissions.where('assignmentId').equals(assignmentId).sortBy('importedAt')
	);
	return validRows('submissions', rows).map((row) => row.receipt as StoredReceipt);
}

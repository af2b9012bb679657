// The class channel's rows: an instructor's keys to each class inbox, and the receipts a
// student's device has sealed for delivery (a queue that survives a reload and a restart).
import type { ClassKeyRow, OutboxRow } from './db';
import { storageError } from './errors';
import { database, readStored } from './repository';

/** Keeps the instructor's keys to an assignment's inbox (made with the assignment). */
export async function saveClassKey(row: ClassKeyRow): Promise<void> {
	const db = await database();
	try {
		await db.classKeys.put(row);
	} catch (error) {
		throw storageError(error);
	}
}

/** The instructor's keys to an assignment's inbox, if this device made it. */
export async function classKeyOf(assignmentId: string): Promise<ClassKeyRow | undefined> {
	const row = await readStored(undefined, (db) => db.classKeys.get(assignmentId));
	// a row that is not what the app wrote opens nothing (and must not break the gradebook)
	return row && typeof row.secret === 'string' && row.privateKey instanceof CryptoKey
		? row
		: undefined;
}

/** Queues a sealed receipt; a second call for the same attempt keeps the first. */
export async function queueDelivery(row: OutboxRow): Promise<OutboxRow> {
	const db = await database();
	try {
		return await db.transaction('rw', db.outbox, async () => {
			const first = await db.outbox.get(row.attemptId);
			if (first) return first;
			await db.outbox.add(row);
			return row;
		});
	} catch (error) {
		throw storageError(error);
	}
}

/**
 * Every receipt still waiting to be delivered, oldest first. Every visit to /a asks, so a
 * browser that stored nothing answers without loading the database code.
 */
export async function queuedDeliveries(): Promise<OutboxRow[]> {
	const rows = await readStored([], (db) => db.outbox.where('state').equals('queued').toArray());
	return rows
		.filter((row) => typeof row.envelope === 'string' && typeof row.dropToken === 'string')
		.sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime());
}

/** One attempt's delivery, if it has one. */
export async function deliveryOf(attemptId: string): Promise<OutboxRow | undefined> {
	return readStored(undefined, (db) => db.outbox.get(attemptId));
}

/** Records how deliveries ended: delivered (with when), or refused (with the server's reason). */
export async function markDeliveries(
	attemptIds: readonly string[],
	change: { state: 'delivered'; at: Date } | { state: 'failed'; error: string }
): Promise<void> {
	const db = await database();
	const update =
		change.state === 'delivered'
			? { state: change.state, deliveredAt: change.at }
			: { state: change.state, error: change.error };
	await db.transaction('rw', db.outbox, () =>
		Promise.all(attemptIds.map((id) => db.outbox.update(id, update)))
	);
}

// The class channel's rows: an instructor's keys to each class inbox, and the receipts a
// student's device has sealed for delivery (a queue that survives a reload and a restart).
import type { ClassKeyRow, OutboxRow } from './db';
import { DB_NAME } from './db-name';
import { storageError } from './errors';
import { databaseExists } from './lifecycle';
import { database, readStored } from './repository';
import { ENVELOPE_PATTERN, MAX_ENVELOPE_CHARS } from '../assign/receipt-envelope';

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
 * Every receipt still waiting to be delivered, oldest first. A browser that stored nothing
 * answers without loading the database code (pages ask hasQueuedDeliveries first).
 */
export async function queuedDeliveries(): Promise<OutboxRow[]> {
	const rows = await readStored([], (db) => db.outbox.where('state').equals('queued').toArray());
	// a damaged row (no app sealed it) is never sent: the server would refuse the whole update
	// it rides in, good receipts with it
	return rows
		.filter(
			(row) =>
				typeof row.envelope === 'string' &&
				row.envelope.length <= MAX_ENVELOPE_CHARS &&
				ENVELOPE_PATTERN.test(row.envelope) &&
				typeof row.dropToken === 'string'
		)
		.sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime());
}

/**
 * Whether a receipt waits in the outbox, read without Dexie (a count on the table's `state`
 * index), so any page can ask at load and stay light. True when the browser cannot tell: the
 * caller then reads the queue itself.
 */
export async function hasQueuedDeliveries(): Promise<boolean> {
	if (!(await databaseExists())) return false;
	return new Promise((resolve) => {
		let opening: IDBOpenDBRequest;
		try {
			opening = indexedDB.open(DB_NAME);
		} catch {
			resolve(true);
			return;
		}
		let absent = false;
		// no database after all (a browser that cannot list them): create none, Dexie will
		opening.onupgradeneeded = () => {
			absent = true;
			opening.transaction?.abort();
		};
		opening.onerror = () => resolve(!absent);
		opening.onsuccess = () => {
			const db = opening.result;
			// never hold up an upgrade another tab asks for
			db.onversionchange = () => db.close();
			try {
				if (!db.objectStoreNames.contains('outbox')) {
					db.close();
					resolve(false);
					return;
				}
				const reading = db.transaction('outbox');
				reading.oncomplete = reading.onabort = () => db.close();
				const count = reading.objectStore('outbox').index('state').count('queued');
				count.onsuccess = () => resolve(count.result > 0);
				count.onerror = () => resolve(true);
			} catch {
				db.close();
				resolve(true);
			}
		};
	});
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

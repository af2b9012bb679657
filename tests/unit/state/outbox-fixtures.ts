// What the outbox's tests share: a real sync server on 127.0.0.1, the page's sender wired to
// it, class inboxes and receipts queued for them as handing in on /a queues them. Importing it
// registers the clean-up after each test (servers stopped, database deleted).
import Dexie from 'dexie';
import WebSocket from 'ws';
import { afterEach } from 'vitest';
import { instructorKeyText, newInstructorKey, sealReceipt } from '$lib/assign/receipt-envelope';
import { OutboxSender } from '$lib/state/outbox-sender';
import { DB_NAME } from '$lib/storage/db';
import { queueDelivery } from '$lib/storage/class-channel';
import { closeDatabase } from '$lib/storage/repository';
import { classDocFor, dropTokenFor, newClassSecret } from '$lib/sync/class-space';
import { startSyncServer } from '../../../scripts/sync-server/server';
import { tempDir } from '../sync/live';

export const NOW = new Date('2025-03-03T10:00:00Z');
export const clock = () => NOW;

/** Clean-ups of this test, run after it in reverse order. */
export const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
	for (const clean of cleanups.splice(0).reverse()) await clean();
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

/** A sync server on a free port, with the lines it logged. */
export async function server() {
	const dir = await tempDir();
	cleanups.push(() => dir.remove());
	const lines: string[] = [];
	const s = await startSyncServer({
		port: 0, // the system picks: no other test can take it first
		dataDir: dir.path,
		log: (line: string) => void lines.push(line)
	});
	cleanups.push(() => s.stop());
	return { ...s, lines };
}

/** The page's sender, wired to the test server. */
export function senderFor(url: string) {
	const sender = new OutboxSender(clock, { WebSocketPolyfill: WebSocket, allowedOrigin: url });
	cleanups.push(() => sender.stop());
	return sender;
}

/** A new class inbox: its drop token, the instructor's public key, and its document name. */
export async function newInbox() {
	const dropToken = await dropTokenFor(newClassSecret());
	const key = await instructorKeyText((await newInstructorKey()).publicKey);
	return { dropToken, key, doc: await classDocFor(dropToken) };
}

/** Queues a sealed receipt for `inbox` (a new one by default) on `origin`, as /a does. */
export async function queueIn(
	origin: string,
	id: string,
	inbox?: Awaited<ReturnType<typeof newInbox>>
) {
	const to = inbox ?? (await newInbox());
	await queueDelivery({
		attemptId: id,
		assignmentId: 'a1',
		origin,
		dropToken: to.dropToken,
		envelope: await sealReceipt(`receipt-${id}`, to.key, to.doc),
		state: 'queued',
		queuedAt: NOW
	});
}

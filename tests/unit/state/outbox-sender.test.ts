// The page's receipt sender and the wire under it, against the real sync server on 127.0.0.1:
// scenarios an independent reader found losing or misstating a receipt (two sends racing, a
// refusal never noticed, a damaged row riding with good ones, a failed write after delivery),
// the server's inbox limit on an inbox loaded from its store, and the outbox peek.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MAX_ENVELOPE_CHARS } from '$lib/assign/receipt-envelope';
import { deliverQueued } from '$lib/state/outbox-watch';
import { DB_NAME } from '$lib/storage/db';
import {
	deliveryOf,
	hasQueuedDeliveries,
	queueDelivery,
	queuedDeliveries
} from '$lib/storage/class-channel';
import { closeDatabase } from '$lib/storage/repository';
import { INBOX_ARRAY } from '$lib/sync/class-space';
import { cleanups, NOW, newInbox, queueIn, senderFor, server } from './outbox-fixtures';

// markDeliveries can be made to fail once (as a storage write may), everything else is real
const storageFaults = vi.hoisted(() => ({ failNextDelivered: false }));
vi.mock('$lib/storage', async (importOriginal) => {
	const real = await importOriginal<typeof import('$lib/storage')>();
	return {
		...real,
		markDeliveries: (async (ids, change) => {
			if (change.state === 'delivered' && storageFaults.failNextDelivered) {
				storageFaults.failNextDelivered = false;
				throw new Error('TransactionInactiveError');
			}
			return real.markDeliveries(ids, change);
		}) as typeof real.markDeliveries
	};
});

afterEach(() => {
	storageFaults.failNextDelivered = false;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the page sender', () => {
	test('a receipt for an inbox whose delivery is still loading its code is not lost', async () => {
		const s = await server();
		const sender = senderFor(s.url);
		const inbox = await newInbox();
		await queueIn(s.url, 'r1', inbox);
		const first = await queuedDeliveries(); // the layout's watch read [r1]
		await queueIn(s.url, 'r2', inbox);
		const second = await queuedDeliveries(); // handing in r2 on /a reads [r1, r2]
		expect(second.map((r) => r.attemptId)).toEqual(['r1', 'r2']);
		// both reach send while the first is still importing the channel's code
		await Promise.all([sender.send(first), sender.send(second)]);
		expect((await deliveryOf('r1'))?.state).toBe('delivered');
		// nothing else will send r2 on this page: no timer (the server answered), no 'online'
		expect((await deliveryOf('r2'))?.state).toBe('delivered');
	}, 30_000);

	test('a damaged queued row is not sent, so a good receipt for the same inbox is delivered', async () => {
		const s = await server();
		const sender = senderFor(s.url);
		const inbox = await newInbox();
		// a row no app sealed: its envelope is text, but not envelope-shaped
		await queueDelivery({
			attemptId: 'bad-1',
			assignmentId: 'a1',
			origin: s.url,
			dropToken: inbox.dropToken,
			envelope: 'not an envelope',
			state: 'queued',
			queuedAt: NOW
		});
		await queueIn(s.url, 'good-1', inbox);
		const ended = await Promise.race([
			deliverQueued(sender).then(() => 'ended'),
			sleep(8_000).then(() => 'still running')
		]);
		expect({ ended, good: (await deliveryOf('good-1'))?.state }).toEqual({
			ended: 'ended',
			good: 'delivered'
		});
		expect((await deliveryOf('bad-1'))?.state).toBe('queued');
	}, 30_000);

	test('an update the server refuses ends the delivery as refused, not waiting for ever', async () => {
		const s = await server();
		const inbox = await newInbox();
		// envelope-shaped but longer than any sealed receipt: the server refuses it
		const { deliverToInbox } = await import('$lib/sync/class-channel');
		const delivery = deliverToInbox({
			origin: s.url,
			dropToken: inbox.dropToken,
			envelopes: [`E1.${'A'.repeat(MAX_ENVELOPE_CHARS + 10)}`],
			WebSocketPolyfill: WebSocket
		});
		cleanups.push(() => delivery.stop());
		const ended = await Promise.race([
			delivery.done.then(
				() => 'delivered',
				(why: unknown) => String(why)
			),
			sleep(8_000).then(() => 'still running')
		]);
		expect(s.lines.some((l) => l.includes('refused not-an-envelope'))).toBe(true);
		expect(ended).toBe('refused');
	}, 30_000);

	test('server: an inbox loaded from disk with 5000 receipts takes no more', async () => {
		const { inboxUpdateProblem } = await import('../../../scripts/sync-server/class-inbox');
		const full = new Y.Doc();
		const list = full.getArray<string>(INBOX_ARRAY);
		for (let at = 0; at < 5000; at += 500) {
			list.push(Array.from({ length: 500 }, (_, i) => `E1.filler${at + i}`));
		}
		// as the server's Database extension loads it: applyUpdate, nobody calls getArray
		const onServer = new Y.Doc();
		Y.applyUpdate(onServer, Y.encodeStateAsUpdate(full));
		const student = new Y.Doc();
		Y.applyUpdate(student, Y.encodeStateAsUpdate(full));
		const before = Y.encodeStateVector(student);
		student.getArray<string>(INBOX_ARRAY).push(['E1.onemore']);
		const update = Y.encodeStateAsUpdate(student, before);
		expect(inboxUpdateProblem(update, onServer)).toBe('inbox-full');
	});

	test('a delivered receipt whose write failed once is not marked failed', async () => {
		const s = await server();
		const sender = senderFor(s.url);
		const inbox = await newInbox();
		await queueIn(s.url, 'w-1', inbox);
		storageFaults.failNextDelivered = true;
		await sender.send(await queuedDeliveries());
		// it is on the server; at worst it should stay queued (sent again, found there)
		expect((await deliveryOf('w-1'))?.state).not.toBe('failed');
	}, 30_000);
});

// kept to show the raw peek is sound in Node (fake-indexeddb): it must not hold up Dexie
describe('outbox peek', () => {
	test('a peek under way does not block an upgrade by Dexie in the same page', async () => {
		const inbox = await newInbox();
		await queueIn('ws://127.0.0.1:1', 'p-1', inbox);
		closeDatabase();
		const peeks = Promise.all([hasQueuedDeliveries(), hasQueuedDeliveries()]);
		expect(await queuedDeliveries()).toHaveLength(1);
		expect(await peeks).toEqual([true, true]);
	});
});

describe('outbox peek on an older database', () => {
	test('reads false with no outbox store, and a Dexie upgrade meanwhile is not blocked', async () => {
		await new Promise<void>((resolve, reject) => {
			const open = indexedDB.open(DB_NAME, 1);
			open.onupgradeneeded = () => open.result.createObjectStore('legacyStuff');
			open.onsuccess = () => (open.result.close(), resolve());
			open.onerror = () => reject(open.error);
		});
		const peek = hasQueuedDeliveries();
		const rows = queuedDeliveries(); // Dexie upgrades to its version
		expect(await peek).toBe(false);
		expect(await rows).toEqual([]);
		expect(await hasQueuedDeliveries()).toBe(false);
	});
});

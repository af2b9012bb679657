// A receipt's way to the class inbox against the real sync server: the page's one sender
// delivers what /a queued after the student left /a (as the layout's outbox watch does on any
// other page), writes it delivered in the outbox, and a receipt screen says so.
import Dexie from 'dexie';
import WebSocket from 'ws';
import { afterEach, describe, expect, test } from 'vitest';
import { newInstructorKey, instructorKeyText, sealReceipt } from '$lib/assign/receipt-envelope';
import { ReceiptDelivery } from '$lib/state/class-delivery.svelte';
import { OutboxSender } from '$lib/state/outbox-sender';
import { deliverQueued } from '$lib/state/outbox-watch';
import { DB_NAME } from '$lib/storage/db';
import { deliveryOf, hasQueuedDeliveries, queueDelivery } from '$lib/storage/class-channel';
import { closeDatabase } from '$lib/storage/repository';
import { classDocFor, dropTokenFor, newClassSecret } from '$lib/sync/class-space';
import { startSyncServer } from '../../../scripts/sync-server/server';
import { freePort, tempDir } from '../sync/live';

const NOW = new Date('2025-03-03T10:00:00Z');
const clock = () => NOW;

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
	for (const clean of cleanups.splice(0).reverse()) await clean();
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

async function server() {
	const dir = await tempDir();
	const s = await startSyncServer({ port: await freePort(), dataDir: dir.path, log: () => {} });
	cleanups.push(() => dir.remove());
	cleanups.push(() => s.stop());
	return s;
}

/** The page's sender, wired to the test server. */
function senderFor(url: string) {
	const sender = new OutboxSender(clock, { WebSocketPolyfill: WebSocket, allowedOrigin: url });
	cleanups.push(() => sender.stop());
	return sender;
}

/** Queues a sealed receipt for a new class inbox on `origin`, as handing in on /a does. */
async function queued(origin: string, attemptId: string) {
	const dropToken = await dropTokenFor(newClassSecret());
	const key = await instructorKeyText((await newInstructorKey()).publicKey);
	const envelope = await sealReceipt(`receipt-${attemptId}`, key, await classDocFor(dropToken));
	await queueDelivery({
		attemptId,
		assignmentId: 'a1',
		origin,
		dropToken,
		envelope,
		state: 'queued',
		queuedAt: NOW
	});
}

describe('a queued receipt', () => {
	test('leaves after its receipt screen went away, and a screen opened later says delivered', async () => {
		const s = await server();
		const sender = senderFor(s.url);
		await queued(s.url, 'att-1');
		expect(await hasQueuedDeliveries()).toBe(true);
		const onA = new ReceiptDelivery(clock, sender);
		await onA.show('att-1');
		expect(onA.phase).toBe('queued');
		// the student leaves /a before it could go: the page's sender goes on without it
		onA.dispose();

		await deliverQueued(sender);
		expect((await deliveryOf('att-1'))?.state).toBe('delivered');
		expect(await hasQueuedDeliveries()).toBe(false);
		expect(onA.phase).toBe('queued');
		const later = new ReceiptDelivery(clock, sender);
		await later.show('att-1');
		expect(later.phase).toBe('delivered');
	}, 30_000);

	test('a screen open while another caller sends it hears it delivered', async () => {
		const s = await server();
		const sender = senderFor(s.url);
		await queued(s.url, 'att-2');
		const onA = new ReceiptDelivery(clock, sender);
		await onA.show('att-2');
		// the layout's watch and the screen ask at once: one delivery, both see its end
		await Promise.all([deliverQueued(sender), onA.deliverQueued()]);
		expect(onA.phase).toBe('delivered');
		expect(onA.text).toMatch(/Delivered/);
	}, 30_000);

	test('for a server the build may not reach is failed, not sent', async () => {
		const sender = senderFor('ws://127.0.0.1:1');
		await queued('ws://elsewhere.example', 'att-3');
		const onA = new ReceiptDelivery(clock, sender);
		await onA.show('att-3');
		await deliverQueued(sender);
		expect(onA.phase).toBe('failed');
		expect((await deliveryOf('att-3'))?.error).toBe('other-server');
	});

	test('with nothing ever stored, the outbox reads as empty and nothing is sent', async () => {
		expect(await hasQueuedDeliveries()).toBe(false);
		const sender = senderFor('ws://127.0.0.1:1');
		await deliverQueued(sender);
		expect(await deliveryOf('att-4')).toBeUndefined();
	});
});

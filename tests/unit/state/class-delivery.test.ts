// A receipt's way to the class inbox against the real sync server: the page's one sender
// delivers what /a queued after the student left /a (as the layout's outbox watch does on any
// other page), writes it delivered in the outbox, and a receipt screen says so.
import { describe, expect, test } from 'vitest';
import { ReceiptDelivery } from '$lib/state/class-delivery.svelte';
import { deliverQueued } from '$lib/state/outbox-watch';
import { deliveryOf, hasQueuedDeliveries } from '$lib/storage/class-channel';
import { clock, queueIn, senderFor, server } from './outbox-fixtures';

describe('a queued receipt', () => {
	test('leaves after its receipt screen went away, and a screen opened later says delivered', async () => {
		const s = await server();
		const sender = senderFor(s.url);
		await queueIn(s.url, 'att-1');
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
		await queueIn(s.url, 'att-2');
		const onA = new ReceiptDelivery(clock, sender);
		await onA.show('att-2');
		// the layout's watch and the screen ask at once: one delivery, both see its end
		await Promise.all([deliverQueued(sender), onA.deliverQueued()]);
		expect(onA.phase).toBe('delivered');
		expect(onA.text).toMatch(/Delivered/);
	}, 30_000);

	test('for a server the build may not reach is failed, not sent', async () => {
		const sender = senderFor('ws://127.0.0.1:1');
		await queueIn('ws://elsewhere.example', 'att-3');
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

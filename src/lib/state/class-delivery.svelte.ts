// A student's receipt on its way to the class inbox (when the assignment names one): sealed
// for the instructor as soon as it exists, queued in the database, sent whenever the device is
// online (the provider keeps trying), and its state said in words on the receipt screen. The
// manual receipt stays on screen whatever happens here.
import { m } from '$lib/paraglide/messages';
import type { Assignment } from '$lib/assign/assignment-code';
import { sealReceipt } from '$lib/assign/receipt-envelope';
import { classDocFor } from '$lib/sync/class-space';
import type { Delivery } from '$lib/sync/class-channel';
import { deliveryOf, markDeliveries, queueDelivery, queuedDeliveries } from '$lib/storage';
import { BUILT_SYNC_ORIGIN } from './sync-config';

/** Where the receipt on screen stands with the class inbox ('none': the assignment has none). */
export type DeliveryPhase = 'none' | 'queued' | 'sending' | 'delivered' | 'failed';

/** Options for tests: a WebSocket class for Node, the origin this build may reach. */
export interface DeliveryWire {
	WebSocketPolyfill?: unknown;
	allowedOrigin?: string;
}

/** How long a page waits before looking again for a server it could not reach. */
const RETRY_MS = 5_000;

/**
 * Whether this page's server answers now. `navigator.onLine` is only a hint: a page opened
 * with no network can read it as true (seen in Chromium), and loading the channel's code
 * then fails for good; a request that no cache answers tells.
 */
async function serverAnswers(): Promise<boolean> {
	if (globalThis.navigator?.onLine === false) return false;
	// outside a page (unit tests in Node) there is nothing to load
	if (typeof location === 'undefined' || typeof fetch !== 'function') return true;
	try {
		const reply = await fetch(`/_app/version.json?reach=${Date.now()}`, { cache: 'no-store' });
		return reply.ok;
	} catch {
		return false;
	}
}

export class ReceiptDelivery {
	#phase = $state<DeliveryPhase>('none');
	#error = $state('');
	#attemptId: string | undefined;
	#running = new Map<string, Delivery>();
	#clock: () => Date;
	#wire: DeliveryWire;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#disposed = false;

	#onOnline = () => void this.deliverQueued().catch(() => undefined);

	constructor(clock: () => Date = () => new Date(), wire: DeliveryWire = {}) {
		this.#clock = clock;
		this.#wire = wire;
		// back online: try again at once (a delivery that could not even start waits for this)
		globalThis.addEventListener?.('online', this.#onOnline);
	}

	get phase() {
		return this.#phase;
	}

	/** The delivery's state in words, for the receipt screen. */
	get text(): string {
		switch (this.#phase) {
			case 'queued':
				return m.delivery_queued();
			case 'sending':
				return m.delivery_sending();
			case 'delivered':
				return m.delivery_delivered();
			case 'failed':
				return this.#error === 'other-server'
					? m.delivery_other_server()
					: m.delivery_refused({ reason: this.#error });
			default:
				return '';
		}
	}

	/** Seals a new receipt for the assignment's class inbox, queues it, and starts delivering. */
	async handIn(assignment: Assignment, attemptId: string, code: string): Promise<void> {
		const channel = assignment.channel;
		this.#attemptId = attemptId;
		if (!channel) {
			this.#phase = 'none';
			return;
		}
		try {
			const inbox = await classDocFor(channel.dropToken);
			await queueDelivery({
				attemptId,
				assignmentId: assignment.id,
				origin: channel.origin,
				dropToken: channel.dropToken,
				envelope: await sealReceipt(code, channel.instructorKey, inbox),
				state: 'queued',
				queuedAt: this.#clock()
			});
		} catch (error) {
			this.#fail(error instanceof Error ? error.message : String(error));
			return;
		}
		await this.show(attemptId);
		void this.deliverQueued();
	}

	/** Shows where an attempt's receipt stands (none when it was never queued). */
	async show(attemptId: string): Promise<void> {
		this.#attemptId = attemptId;
		const row = await deliveryOf(attemptId);
		if (this.#attemptId !== attemptId) return;
		this.#phase = row?.state ?? 'none';
		this.#error = row?.error ?? '';
	}

	/** Sends every queued receipt, one connection per class inbox. */
	async deliverQueued(): Promise<void> {
		const rows = await queuedDeliveries();
		if (rows.length === 0) return;
		const groups = new Map<string, typeof rows>();
		for (const row of rows) {
			const key = `${row.origin} ${row.dropToken}`;
			groups.set(key, [...(groups.get(key) ?? []), row]);
		}
		// offline, the module cannot load (it is not precached), and Chromium keeps a failed
		// dynamic import failed for the page's life: ask for it only once the server answers
		if (!(await serverAnswers())) {
			this.#tryAgainLater();
			return;
		}
		const { deliverToInbox } = await import('$lib/sync/class-channel');
		await Promise.all(
			[...groups].map(async ([key, group]) => {
				if (this.#running.has(key)) return;
				const ids = group.map((row) => row.attemptId);
				const { origin, dropToken } = group[0]!;
				// the page may connect only where its Content Security Policy allows
				if (origin !== (this.#wire.allowedOrigin ?? BUILT_SYNC_ORIGIN)) {
					await this.#settle(ids, { state: 'failed', error: 'other-server' });
					return;
				}
				if (this.#running.has(key)) return;
				const delivery = deliverToInbox({
					origin,
					dropToken,
					envelopes: group.map((row) => row.envelope),
					WebSocketPolyfill: this.#wire.WebSocketPolyfill,
					onOnline: (online) => {
						if (this.#attemptId && ids.includes(this.#attemptId)) {
							this.#phase = online ? 'sending' : 'queued';
						}
					}
				});
				this.#running.set(key, delivery);
				try {
					await delivery.done;
					await this.#settle(ids, { state: 'delivered', at: this.#clock() });
				} catch (why) {
					// stopped (the page went away): they stay queued for next time
					if (why !== 'stopped') await this.#settle(ids, { state: 'failed', error: String(why) });
				} finally {
					this.#running.delete(key);
				}
			})
		);
	}

	async #settle(
		ids: string[],
		change: { state: 'delivered'; at: Date } | { state: 'failed'; error: string }
	): Promise<void> {
		await markDeliveries(ids, change);
		if (this.#attemptId && ids.includes(this.#attemptId)) {
			this.#phase = change.state;
			this.#error = change.state === 'failed' ? change.error : '';
		}
	}

	/** Looks again in a while: 'online' may never fire when the browser thought it was online. */
	#tryAgainLater(): void {
		if (this.#retry !== undefined || this.#disposed) return;
		this.#retry = setTimeout(() => {
			this.#retry = undefined;
			void this.deliverQueued().catch(() => undefined);
		}, RETRY_MS);
	}

	#fail(error: string): void {
		this.#phase = 'failed';
		this.#error = error;
	}

	/** Stops sending (the queue keeps what was not delivered). */
	dispose(): void {
		this.#disposed = true;
		clearTimeout(this.#retry);
		globalThis.removeEventListener?.('online', this.#onOnline);
		for (const delivery of this.#running.values()) delivery.stop();
		this.#running.clear();
	}
}

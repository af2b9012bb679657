// The one sender of a page's queued receipts: one connection per class inbox, whichever page
// started it (the receipt screen on /a, or the layout's outbox watch on any other page), and
// kept for the page's life, so leaving /a does not stop a delivery under way. How each ended is
// written to the outbox, and told to the receipt screen if one is listening. It loads only once
// something is queued (see outbox-watch); the channel's code loads only once the server answers.
import type { Delivery } from '$lib/sync/class-channel';
import { markDeliveries, queuedDeliveries, type OutboxRow } from '$lib/storage';
import { BUILT_SYNC_ORIGIN } from './sync-config';

/** Where a queued receipt stands on the wire. */
export type SendPhase = 'queued' | 'sending' | 'delivered' | 'failed';

/** What a listener hears: these attempts' receipts are now in `phase` (`error` when failed). */
export type SendListener = (
	attemptIds: readonly string[],
	phase: SendPhase,
	error?: string
) => void;

/** Options for tests: a WebSocket class for Node, the origin this build may reach. */
export interface DeliveryWire {
	WebSocketPolyfill?: unknown;
	allowedOrigin?: string;
}

interface Running {
	stop: Delivery['stop'];
	ids: readonly string[];
	online: boolean;
	/** Receipts for the same inbox were queued while this one ran: look again after it. */
	more: boolean;
}

export class OutboxSender {
	#running = new Map<string, Running>();
	#listeners = new Set<SendListener>();
	#clock: () => Date;
	#wire: DeliveryWire;

	constructor(clock: () => Date = () => new Date(), wire: DeliveryWire = {}) {
		this.#clock = clock;
		this.#wire = wire;
	}

	/** Calls `listener` whenever a receipt changes phase; returns the function that stops it. */
	listen(listener: SendListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** True while the attempt's receipt is on an open connection to its inbox. */
	isSending(attemptId: string): boolean {
		return [...this.#running.values()].some((run) => run.online && run.ids.includes(attemptId));
	}

	/**
	 * Sends `rows` (queued receipts), one connection per class inbox; an inbox already being
	 * sent to is left to that connection. Resolves once every delivery started here has ended.
	 */
	async send(rows: readonly OutboxRow[]): Promise<void> {
		const groups = new Map<string, OutboxRow[]>();
		for (const row of rows) {
			const key = `${row.origin} ${row.dropToken}`;
			groups.set(key, [...(groups.get(key) ?? []), row]);
		}
		const fresh = [...groups].filter(([key, group]) => !this.#joinRunning(key, group));
		if (fresh.length === 0) return;
		const { deliverToInbox } = await import('$lib/sync/class-channel');
		await Promise.all(
			fresh.map(async ([key, group]) => {
				// another call may have started this inbox while the code loaded
				if (this.#joinRunning(key, group)) return;
				const ids = group.map((row) => row.attemptId);
				const { origin, dropToken } = group[0]!;
				// the page may connect only where its Content Security Policy allows
				if (origin !== (this.#wire.allowedOrigin ?? BUILT_SYNC_ORIGIN)) {
					await this.#settle(ids, { state: 'failed', error: 'other-server' });
					return;
				}
				const run: Running = { ids, online: false, more: false, stop: () => undefined };
				const delivery = deliverToInbox({
					origin,
					dropToken,
					envelopes: group.map((row) => row.envelope),
					WebSocketPolyfill: this.#wire.WebSocketPolyfill,
					onOnline: (online) => {
						run.online = online;
						this.#tell(ids, online ? 'sending' : 'queued');
					}
				});
				run.stop = delivery.stop;
				this.#running.set(key, run);
				let failure: unknown;
				try {
					await delivery.done;
				} catch (why) {
					failure = why;
				} finally {
					if (this.#running.get(key) === run) this.#running.delete(key);
				}
				// stopped: they stay queued for next time
				if (failure === 'stopped') return;
				if (failure !== undefined) {
					await this.#settle(ids, { state: 'failed', error: String(failure) });
				} else {
					// the server holds them: a write that fails here leaves them queued, to be sent
					// again (the inbox takes each once), never marked failed
					await markDeliveries(ids, { state: 'delivered', at: this.#clock() }).catch(
						() => undefined
					);
					this.#tell(ids, 'delivered');
				}
				if (run.more) await this.send(await queuedDeliveries());
			})
		);
	}

	/**
	 * Whether a delivery to this inbox is running; if so, it looks at the queue again once it
	 * ends for the receipts of `group` it was not given.
	 */
	#joinRunning(key: string, group: readonly OutboxRow[]): boolean {
		const running = this.#running.get(key);
		if (!running) return false;
		if (group.some((row) => !running.ids.includes(row.attemptId))) running.more = true;
		return true;
	}

	/** Closes every connection (tests); what was not delivered stays queued. */
	stop(): void {
		for (const run of this.#running.values()) run.stop();
		this.#running.clear();
	}

	/** Marks receipts failed, whichever page is open, so the receipt screen says so later too. */
	async #settle(ids: string[], change: { state: 'failed'; error: string }): Promise<void> {
		await markDeliveries(ids, change);
		this.#tell(ids, change.state, change.error);
	}

	#tell(ids: readonly string[], phase: SendPhase, error?: string): void {
		for (const listener of this.#listeners) listener(ids, phase, error);
	}
}

/** This page's sender: every receipt screen and the outbox watch share it. */
export const outboxSender = new OutboxSender();

// The gradebook's live link to an assignment's class inbox (when this device made the
// assignment with "Collect receipts online"): it reads the inbox with the instructor's secret,
// opens each sealed receipt with the private key kept here, and hands the receipt codes to the
// gradebook, which checks and stores them exactly as it does an imported receipt.
import { m } from '$lib/paraglide/messages';
import type { Assignment } from '$lib/assign/assignment-code';
import { EnvelopeError, openReceipt } from '$lib/assign/receipt-envelope';
import { classDocFor } from '$lib/sync/class-space';
import type { ChannelFailure } from '$lib/sync/class-channel';
import { classKeyOf } from '$lib/storage';
import { BUILT_SYNC_ORIGIN } from './sync-config';

/** Where the gradebook stands with the class inbox ('off': the assignment has none here). */
export type InboxPhase = 'off' | 'connecting' | 'live' | 'offline' | 'other-server' | 'failed';

/** What arrived: receipt codes to check, and envelopes that did not open (with why). */
export interface Arrival {
	codes: string[];
	unopened: { reason: string }[];
}

export class ClassInbox {
	#phase = $state<InboxPhase>('off');
	#failure = $state<ChannelFailure | undefined>();
	#received = $state(0);
	#stop: (() => void) | undefined;
	#watching: string | undefined;
	#wire: { WebSocketPolyfill?: unknown; allowedOrigin?: string };

	constructor(wire: { WebSocketPolyfill?: unknown; allowedOrigin?: string } = {}) {
		this.#wire = wire;
	}

	get phase() {
		return this.#phase;
	}
	/** Sealed receipts read from the inbox since the gradebook opened it. */
	get received() {
		return this.#received;
	}

	/** The inbox's state in words ('' when the assignment collects nothing online here). */
	get text(): string {
		switch (this.#phase) {
			case 'connecting':
				return m.inbox_connecting();
			case 'live':
				return m.inbox_live({ count: this.#received });
			case 'offline':
				return m.inbox_offline();
			case 'other-server':
				return m.inbox_other_server();
			case 'failed':
				return this.#failure === 'too-large' ? m.inbox_too_large() : m.inbox_refused();
			default:
				return '';
		}
	}

	/**
	 * Reads the assignment's inbox, live, calling `arrive` with each batch (the batches run one
	 * after another, so a receipt is never checked twice at once). Stops any other reading.
	 */
	async watch(assignment: Assignment, arrive: (arrival: Arrival) => Promise<void>): Promise<void> {
		this.stop();
		const channel = assignment.channel;
		const keys = channel && (await classKeyOf(assignment.id));
		if (!channel || !keys) return;
		if (channel.origin !== (this.#wire.allowedOrigin ?? BUILT_SYNC_ORIGIN)) {
			this.#phase = 'other-server';
			return;
		}
		const watching = assignment.id;
		this.#watching = watching;
		this.#phase = 'connecting';
		const inbox = await classDocFor(channel.dropToken);
		const { readInbox } = await import('$lib/sync/class-channel');
		let queue = Promise.resolve();
		const stop = await readInbox({
			origin: channel.origin,
			secret: keys.secret,
			WebSocketPolyfill: this.#wire.WebSocketPolyfill,
			onOnline: (online) => {
				if (this.#watching === watching) this.#phase = online ? 'live' : 'offline';
			},
			onFailure: (failure) => {
				if (this.#watching !== watching) return;
				this.#failure = failure;
				this.#phase = 'failed';
			},
			onEnvelopes: (envelopes) => {
				queue = queue.then(async () => {
					const opened = await Promise.all(
						envelopes.map((envelope) =>
							openReceipt(envelope, keys, inbox).then(
								(code) => ({ code }),
								(error: unknown) => ({
									reason: error instanceof EnvelopeError ? envelopeText(error) : String(error)
								})
							)
						)
					);
					if (this.#watching !== watching) return;
					this.#received += envelopes.length;
					await arrive({
						codes: opened.flatMap((o) => ('code' in o ? [o.code] : [])),
						unopened: opened.flatMap((o) => ('reason' in o ? [{ reason: o.reason }] : []))
					});
				});
			}
		});
		if (this.#watching === watching) this.#stop = stop;
		else stop();
	}

	/** Stops reading (the gradebook closed, or another assignment is shown). */
	stop(): void {
		this.#stop?.();
		this.#stop = undefined;
		this.#watching = undefined;
		this.#phase = 'off';
		this.#received = 0;
		this.#failure = undefined;
	}
}

function envelopeText(error: EnvelopeError): string {
	return error.code === 'malformed' ? m.inbox_malformed() : m.inbox_cannot_open();
}

// A student's receipt on its way to the class inbox (when the assignment names one): sealed
// for the instructor as soon as it exists, queued in the database, sent by the page's one
// sender whenever the device is online (it keeps going after the student leaves /a), and its
// state said in words on the receipt screen. The manual receipt stays on screen whatever
// happens here.
import { m } from '$lib/paraglide/messages';
import type { Assignment } from '$lib/assign/assignment-code';
import { sealReceipt } from '$lib/assign/receipt-envelope';
import { classDocFor } from '$lib/sync/class-space';
import { deliveryOf, queueDelivery } from '$lib/storage';
import { outboxSender, type OutboxSender } from './outbox-sender';
import { deliverQueued } from './outbox-watch';

/** Where the receipt on screen stands with the class inbox ('none': the assignment has none). */
export type DeliveryPhase = 'none' | 'queued' | 'sending' | 'delivered' | 'failed';

export class ReceiptDelivery {
	#phase = $state<DeliveryPhase>('none');
	#error = $state('');
	#attemptId: string | undefined;
	#clock: () => Date;
	#sender: OutboxSender;
	#stopListening: () => void;
	/** Counts what the sender told about the receipt on screen (it outdates a read under way). */
	#heard = 0;

	constructor(clock: () => Date = () => new Date(), sender: OutboxSender = outboxSender) {
		this.#clock = clock;
		this.#sender = sender;
		// the sender may be this screen's or one the layout started on another page
		this.#stopListening = sender.listen((ids, phase, error) => {
			if (!this.#attemptId || !ids.includes(this.#attemptId)) return;
			this.#heard++;
			this.#phase = phase;
			this.#error = error ?? '';
		});
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
		void this.deliverQueued().catch(() => undefined);
	}

	/** Shows where an attempt's receipt stands (none when it was never queued). */
	async show(attemptId: string): Promise<void> {
		this.#attemptId = attemptId;
		const heard = this.#heard;
		const row = await deliveryOf(attemptId);
		if (this.#attemptId !== attemptId || this.#heard !== heard) return;
		const sending = row?.state === 'queued' && this.#sender.isSending(attemptId);
		this.#phase = sending ? 'sending' : (row?.state ?? 'none');
		this.#error = row?.error ?? '';
	}

	/** Sends every queued receipt, this page's and earlier visits'. */
	deliverQueued(): Promise<void> {
		return deliverQueued(this.#sender);
	}

	#fail(error: string): void {
		this.#phase = 'failed';
		this.#error = error;
	}

	/** Stops showing; the page's sender goes on delivering what is queued. */
	dispose(): void {
		this.#stopListening();
	}
}

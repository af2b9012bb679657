// The two ends of a class channel on the wire (loaded only when an assignment has one): a
// student's device adding its sealed receipts to the class inbox, and the instructor's
// gradebook reading every sealed receipt as it arrives. Both go through the Hocuspocus
// provider on an in-memory Y.Doc: the queue lives in the database (see storage/class-channel),
// and the gradebook keeps what it accepts, so neither needs a local copy of the inbox.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { classDocFor, dropTokenFor, INBOX_ARRAY, INBOX_REFUSALS } from './class-space';

/** Most envelopes sent in one update (the server takes no more: see scripts/sync-server). */
const ENVELOPES_PER_UPDATE = 20;

/** Why a delivery or a reading stopped for good. */
export type ChannelFailure = 'refused' | 'too-large';

/** Where the inbox is served. */
export interface Wire {
	origin: string;
	/** A WebSocket class where the platform has none (Node before 22: the `ws` package). */
	WebSocketPolyfill?: unknown;
}

type ProviderEvents = Partial<ConstructorParameters<typeof HocuspocusProvider>[0]>;

function connect(wire: Wire, name: string, token: string, doc: Y.Doc, events: ProviderEvents) {
	const socket = new HocuspocusProviderWebsocket({
		url: wire.origin,
		// offline: try again every few seconds, never giving up
		maxAttempts: 0,
		delay: 1000,
		maxDelay: 15_000,
		...(wire.WebSocketPolyfill
			? { WebSocketPolyfill: wire.WebSocketPolyfill as typeof WebSocket }
			: {})
	});
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name,
		document: doc,
		token,
		awareness: null,
		...events
	});
	provider.attach();
	const close = () => {
		provider.destroy();
		socket.destroy();
		doc.destroy();
	};
	return { provider, close };
}

/** The failure a closed connection means, if it means one (a refusal carries a reason). */
function failureOf(event: { code: number; reason: string }): ChannelFailure | undefined {
	if (event.code === 1009 || event.reason === 'too-large') return 'too-large';
	if (event.code >= 4000 && event.reason) return 'refused';
	// Hocuspocus 3 answers a message a hook refused with a close message: code 1000 and the
	// hook's reason (its own closes say "Server closed the connection")
	if ((INBOX_REFUSALS as readonly string[]).includes(event.reason)) return 'refused';
	return undefined;
}

/** A delivery under way: `done` resolves once the server holds every envelope. */
export interface Delivery {
	done: Promise<void>;
	stop: () => void;
}

/**
 * Adds `envelopes` to the inbox the drop token opens, each once (one already there is not
 * sent again), and resolves when the server has them all; keeps trying while offline.
 * Rejects with a ChannelFailure when the server refuses, or 'stopped' after `stop`.
 */
export function deliverToInbox(
	options: Wire & {
		dropToken: string;
		envelopes: readonly string[];
		onOnline?: (online: boolean) => void;
	}
): Delivery {
	let settle!: { resolve: () => void; reject: (why: ChannelFailure | 'stopped') => void };
	const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
	let close: (() => void) | undefined;
	let over = false;
	const finish = (why?: ChannelFailure | 'stopped') => {
		if (over) return;
		over = true;
		close?.();
		if (why) settle.reject(why);
		else settle.resolve();
	};
	void classDocFor(options.dropToken).then((name) => {
		if (over) return;
		const doc = new Y.Doc();
		const inbox = doc.getArray<string>(INBOX_ARRAY);
		let sent = false;
		// the provider exists once connect returns; its callbacks may run before that
		const held: { provider?: HocuspocusProvider } = {};
		const confirm = () => {
			const { provider } = held;
			if (sent && provider?.isSynced && provider.unsyncedChanges === 0) finish();
		};
		const link = connect(options, name, options.dropToken, doc, {
			onStatus: ({ status }) => options.onOnline?.(status === 'connected'),
			onSynced: () => {
				if (!sent) {
					// the inbox as the server holds it: send only what is not in it yet
					const there = new Set(inbox.toArray());
					const missing = options.envelopes.filter((envelope) => !there.has(envelope));
					for (let at = 0; at < missing.length; at += ENVELOPES_PER_UPDATE) {
						inbox.push(missing.slice(at, at + ENVELOPES_PER_UPDATE));
					}
					sent = true;
				}
				// the server acknowledges each update it applied: none unacknowledged, all there
				queueMicrotask(confirm);
			},
			onUnsyncedChanges: () => confirm(),
			onClose: ({ event }) => {
				const failure = failureOf(event);
				if (failure) finish(failure);
			},
			onAuthenticationFailed: () => finish('refused')
		});
		held.provider = link.provider;
		close = link.close;
	});
	return { done, stop: () => finish('stopped') };
}

/** What the instructor's reading of an inbox hears. */
export interface InboxEvents {
	/** Sealed receipts not seen before by this reader (all of them, the first time). */
	onEnvelopes: (envelopes: string[]) => void;
	onOnline?: (online: boolean) => void;
	onFailure?: (failure: ChannelFailure) => void;
}

/** Reads the inbox of the instructor's `secret`, live, until the returned function is called. */
export async function readInbox(
	options: Wire & { secret: string } & InboxEvents
): Promise<() => void> {
	const name = await classDocFor(await dropTokenFor(options.secret));
	const doc = new Y.Doc();
	const inbox = doc.getArray<unknown>(INBOX_ARRAY);
	const seen = new Set<string>();
	let ready = false;
	const report = () => {
		if (!ready) return;
		// students add concurrently, so a new entry may land anywhere in the list, not only last
		const fresh = inbox
			.toArray()
			.filter((entry): entry is string => typeof entry === 'string' && !seen.has(entry));
		for (const entry of fresh) seen.add(entry);
		if (fresh.length) options.onEnvelopes(fresh);
	};
	inbox.observe(report);
	let link: ReturnType<typeof connect> | undefined = undefined;
	link = connect(options, name, options.secret, doc, {
		onStatus: ({ status }) => options.onOnline?.(status === 'connected'),
		onSynced: () => {
			ready = true;
			report();
		},
		onClose: ({ event }) => {
			const failure = failureOf(event);
			if (!failure) return;
			options.onFailure?.(failure);
			link?.close();
		},
		onAuthenticationFailed: () => {
			options.onFailure?.('refused');
			link?.close();
		}
	});
	return () => link?.close();
}

// One device's live link to one sync space: the Y.Doc (kept in IndexedDB by y-indexeddb, so
// changes made offline wait there), the Hocuspocus provider that syncs it with the server, and
// the engine that mirrors it into storage. Loaded only when sync is on (a dynamic import), so
// no page pays for it on a first visit.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { SyncEngine, type RunReport, type SyncStore } from './engine';
import type { SyncErrorCode } from './errors';
import type { SyncSpace } from './space-code';
import { LOCAL_ORIGIN, syncMaps } from './sync-doc';

/** Where a device stands with its space, as the status line says it. */
export type SyncPhase = 'connecting' | 'syncing' | 'synced' | 'offline' | 'failed' | 'stopped';

/** What the status line shows. */
export interface SyncStatus {
	phase: SyncPhase;
	/** Changes made here that the server has not confirmed yet. */
	pending: number;
	/** Why sync stopped or failed, when it did. */
	error?: SyncErrorCode;
	/** Changes from other devices refused because they were not this app's data. */
	refused: number;
	/** When everything was last confirmed by the server. */
	syncedAt?: Date;
}

/** Messages between the app and the server outside the document (see scripts/sync-server). */
export type ServerNotice = { type: 'deleted' } | { type: 'state-vector'; sv: string };

export interface SyncConnectionOptions {
	space: SyncSpace;
	store: SyncStore;
	onStatus: (status: SyncStatus) => void;
	/** The IndexedDB name of the local copy; none keeps it in memory (tests). */
	persistAs?: string;
	/** A WebSocket class where the platform has none (Node before 22: the `ws` package). */
	WebSocketPolyfill?: unknown;
	now?: () => Date;
}

const PENDING_KEY = 'pending';

/** Opens the local copy, mirrors storage into it, and connects to the server. */
export class SyncConnection {
	readonly doc = new Y.Doc();
	readonly #options: SyncConnectionOptions;
	readonly #engine: SyncEngine;
	#persistence: IndexeddbPersistence | undefined;
	#socket: HocuspocusProviderWebsocket | undefined;
	#provider: HocuspocusProvider | undefined;
	#status: SyncStatus = { phase: 'connecting', pending: 0, refused: 0 };
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;
	/** Whether storage was mirrored into the document since the start (else "synced" would lie). */
	#mirrored = false;
	/** Updates from the server not yet written to the local copy (see #persisting). */
	readonly #held: [Uint8Array, unknown][] = [];
	/** What writes the document's updates to the local copy. */
	#copyUpdate: ((update: Uint8Array, origin: unknown) => void) | undefined;
	/** The last run's report (tests and the benchmark read it). */
	lastRun: RunReport | undefined;

	constructor(options: SyncConnectionOptions) {
		this.#options = options;
		this.#engine = new SyncEngine(this.doc, options.store, options.now, () => this.#writeHeld());
	}

	get status(): SyncStatus {
		return this.#status;
	}

	#set(change: Partial<SyncStatus>): void {
		this.#status = { ...this.#status, ...change };
		if (change.pending !== undefined) void this.#persistence?.set(PENDING_KEY, change.pending);
		this.#options.onStatus(this.#status);
	}

	/**
	 * The local copy, writing this device's own changes at once and holding what came from the
	 * server until storage has written what it brought. A fresh device's first update is the
	 * whole space (15 MB for 100,000 ratings), and Chromium serves one origin's IndexedDB
	 * transactions in turn: written at once, it held up the mirror's reads and its one big
	 * write by about a second. Written as soon as storage has them (not at the end of the run),
	 * so the copy is behind storage only while that write commits: a tab closed then leaves
	 * ratings in storage the copy lacks, which the next start appends again (a second copy of
	 * each, which every device reads as one).
	 */
	#persisting(persistence: IndexeddbPersistence): IndexeddbPersistence {
		const store = persistence._storeUpdate;
		this.doc.off('update', store);
		this.#copyUpdate = (update: Uint8Array, origin: unknown) => {
			if (origin === persistence) return; // what it loaded
			if (origin === LOCAL_ORIGIN) store(update, origin);
			else this.#held.push([update, origin]);
		};
		this.doc.on('update', this.#copyUpdate);
		return persistence;
	}

	/** Hands the updates held for after storage's write to the local copy. */
	#writeHeld(): void {
		if (this.#stopped) return; // stop() wrote them, or forgot the copy
		const store = this.#persistence?._storeUpdate;
		for (const [update, origin] of this.#held.splice(0)) store?.(update, origin);
	}

	/** Loads the local copy, catches up with storage, then connects. */
	async start(): Promise<void> {
		const { space, persistAs } = this.#options;
		if (persistAs) {
			this.#persistence = this.#persisting(new IndexeddbPersistence(persistAs, this.doc));
			await this.#persistence.whenSynced;
			const pending = Number(await this.#persistence.get(PENDING_KEY));
			if (Number.isInteger(pending) && pending > 0) this.#set({ pending });
		}
		// a copy with content catches up with storage at once (offline changes wait in it); an
		// empty one (a device just joined) first hears what the server has, so it does not
		// send again every review the space already holds
		const { ratings, reviews, undone } = syncMaps(this.doc);
		if (ratings.length > 0 || reviews.size > 0 || undone.size > 0) await this.runNow();
		if (this.#stopped) return;
		this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			// changes from the server or another tab's copy: bring them into storage
			if (origin !== LOCAL_ORIGIN && origin !== this.#persistence) this.schedule();
		});
		this.#socket = new HocuspocusProviderWebsocket({
			url: space.origin,
			// offline: try again every few seconds, never giving up
			maxAttempts: 0,
			delay: 1000,
			maxDelay: 15_000,
			...(this.#options.WebSocketPolyfill
				? { WebSocketPolyfill: this.#options.WebSocketPolyfill as typeof WebSocket }
				: {})
		});
		this.#provider = new HocuspocusProvider({
			websocketProvider: this.#socket,
			name: space.id,
			document: this.doc,
			token: space.secret,
			awareness: null,
			onStatus: ({ status }) => {
				if (status === 'connected') this.#set({ phase: 'syncing', error: undefined });
				else if (status === 'disconnected' && this.#status.phase !== 'failed') {
					this.#set({ phase: 'offline' });
				}
			},
			// mirror first: "synced" must count what this device holds and has not sent yet
			onSynced: () => void this.runNow().then(() => this.#checkSynced()),
			onUnsyncedChanges: () => this.#checkSynced(),
			onClose: ({ event }) => {
				// a change larger than the server takes is refused every time: say so, stop trying
				if (event.code === 1009 || event.reason === 'too-large') this.#fail('too-large');
			},
			onAuthenticationFailed: ({ reason }) =>
				this.#fail(reason.includes('deleted') ? 'deleted' : 'refused'),
			onStateless: ({ payload }) => this.#notice(payload)
		});
		this.#provider.attach();
		// (a storage that cannot open says so in the first run, which reads it)
		void this.#options.store.prepare?.().catch(() => {});
	}

	#checkSynced(): void {
		const provider = this.#provider;
		if (!provider || this.#status.phase === 'failed') return;
		if (provider.isSynced && provider.unsyncedChanges === 0) {
			// the provider's "synced" means it heard the server, not that the server kept what
			// this device sent: ask what the server holds, and say synced only when it is all there
			provider.sendStateless(JSON.stringify({ type: 'state-vector?' }));
		} else if (this.#status.phase !== 'offline') this.#set({ phase: 'syncing' });
	}

	#compare(serverVector: string): void {
		let server: Map<number, number>;
		try {
			server = Y.decodeStateVector(Uint8Array.from(atob(serverVector), (c) => c.charCodeAt(0)));
		} catch {
			return;
		}
		const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
		const missing = [...local].some(([client, clock]) => (server.get(client) ?? 0) < clock);
		if (!missing && this.#mirrored) {
			this.#set({
				phase: 'synced',
				pending: 0,
				syncedAt: (this.#options.now ?? (() => new Date()))()
			});
		} else if (this.#status.phase !== 'offline') {
			this.#set({ phase: 'syncing' });
		}
	}

	#notice(payload: string): void {
		let notice: ServerNotice | undefined;
		try {
			notice = JSON.parse(payload) as ServerNotice;
		} catch {
			return; // not one of ours
		}
		if (notice?.type === 'deleted') this.#fail('deleted');
		else if (notice?.type === 'state-vector' && typeof notice.sv === 'string')
			this.#compare(notice.sv);
	}

	#fail(error: SyncErrorCode): void {
		this.#set({ phase: 'failed', error });
		// a refused or deleted space is not retried: the page says why and offers what to do
		this.#provider?.destroy();
		this.#socket?.destroy();
		this.#provider = undefined;
		this.#socket = undefined;
	}

	/** Runs the mirror soon (changes come in bursts: a rating, then its card). */
	schedule(delayMs = 30): void {
		if (this.#stopped) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.runNow(), delayMs);
	}

	/** Runs the mirror now; answers what it did. */
	async runNow(): Promise<RunReport> {
		try {
			const report = await this.#engine.run();
			this.#mirrored = true;
			this.lastRun = report;
			const change: Partial<SyncStatus> = {};
			if (report.sent > 0) change.pending = this.#status.pending + report.sent;
			if (report.refused > 0) change.refused = this.#status.refused + report.refused;
			if (report.sent > 0 && this.#status.phase === 'synced') change.phase = 'syncing';
			if (Object.keys(change).length > 0) this.#set(change);
			return report;
		} catch (error) {
			this.#set({ phase: 'failed', error: 'storage' });
			throw error;
		} finally {
			this.#writeHeld();
		}
	}

	/** A setting this device changed, to be written with the next run. */
	settingChanged(key: string): void {
		this.#engine.settingChanged(key);
		this.schedule();
	}

	/** Asks the server to delete the space for every device (then this one stops too). */
	requestDelete(): void {
		this.#provider?.sendStateless(JSON.stringify({ type: 'delete' }));
	}

	/** Stops syncing; with `forget`, also removes the local copy of the space. */
	async stop({ forget = false }: { forget?: boolean } = {}): Promise<void> {
		if (!forget) this.#writeHeld();
		this.#held.length = 0;
		this.#stopped = true;
		clearTimeout(this.#timer);
		this.#provider?.destroy();
		this.#socket?.destroy();
		this.#provider = undefined;
		this.#socket = undefined;
		// a run still going writes nothing more to a copy being closed (or deleted)
		if (this.#copyUpdate) this.doc.off('update', this.#copyUpdate);
		if (forget) await this.#persistence?.clearData();
		else await this.#persistence?.destroy();
		this.doc.destroy();
		this.#set({ phase: 'stopped' });
	}
}

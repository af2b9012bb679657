// Sync on this device: which space it is in, the live connection and its status. The
// connection's code (Yjs, Hocuspocus, y-indexeddb) loads only when sync starts.
import { onLocalChange, loadSyncStore } from '$lib/storage';
import type { SyncConnection, SyncStatus } from '$lib/sync/connection';
import { SyncError } from '$lib/sync/errors';
import {
	formatCode,
	newSpaceSecret,
	normaliseOrigin,
	pairingLink,
	parseCode,
	readPairingFragment,
	spaceFor,
	type SyncSpace
} from '$lib/sync/space-code';
import { getBank } from './bank';
import { BUILT_SYNC_ORIGIN, readSyncConfig, writeSyncConfig } from './sync-config';
import { syncErrorText, syncProblems, syncStatusText } from './sync-text';

const STOPPED: SyncStatus = { phase: 'stopped', pending: 0, refused: 0 };

export class SyncState {
	#space = $state.raw<SyncSpace | undefined>();
	#status = $state.raw<SyncStatus>(STOPPED);
	#problem = $state('');
	#busy = $state(false);
	#now = $state.raw(new Date());
	#connection: SyncConnection | undefined;
	#unlisten: (() => void) | undefined;

	/** The server this build may reach ('' when it was built without one). */
	readonly origin = BUILT_SYNC_ORIGIN;

	get available() {
		return this.origin !== '';
	}
	get space() {
		return this.#space;
	}
	get status() {
		return this.#status;
	}
	get busy() {
		return this.#busy;
	}

	/**
	 * Starts loading what joining needs (the sync engine, storage's side of it, the bank) while
	 * a code is typed or scanned, so Join waits for the server only (half a second less here).
	 */
	prepare(): void {
		void Promise.all([import('$lib/sync/connection'), loadSyncStore(), factIdsByItem()]).catch(
			() => {} // offline before they were ever cached: Join says so when it tries
		);
	}
	/** What went wrong with the last thing asked, in words ('' when nothing did). */
	get problem() {
		return this.#problem;
	}
	/** The code another device types, in groups of four. */
	get code() {
		return this.#space ? formatCode(this.#space.secret) : '';
	}
	/** The link (and QR code) that pairs another device. */
	get link() {
		const space = this.#space;
		return space && typeof location !== 'undefined' ? pairingLink(location.origin, space) : '';
	}
	get statusText() {
		return syncStatusText(this.#status, this.#now);
	}

	/** Starts sync if this device is in a space; joins one if the page was opened by a pairing link. */
	async load(hash = typeof location === 'undefined' ? '' : location.hash): Promise<void> {
		if (hash.includes('join=')) {
			try {
				const pairing = readPairingFragment(hash);
				history.replaceState(null, '', location.pathname); // the secret leaves the address bar
				if (pairing) return this.#enter(pairing.origin, pairing.secret);
			} catch (error) {
				this.#problem = textOf(error);
				return;
			}
		}
		const config = readSyncConfig();
		if (config?.secret && !this.#connection) await this.#enter(config.origin, config.secret);
	}

	/** "Sync this device": makes a new space and starts syncing into it. */
	async createSpace(): Promise<void> {
		await this.#enter(this.origin, newSpaceSecret());
	}

	/** Joins the space of a typed code. */
	async join(codeText: string): Promise<void> {
		let secret: string;
		try {
			secret = parseCode(codeText);
		} catch (error) {
			this.#problem = textOf(error);
			return;
		}
		await this.#enter(this.origin, secret);
	}

	/** Leaves the space: this device stops syncing; its progress stays here and in the space. */
	async leave(): Promise<void> {
		await this.#stop(true);
		writeSyncConfig(undefined);
		this.#space = undefined;
		this.#status = STOPPED;
	}

	/** Deletes the space on the server for every device, then leaves it. */
	async deleteSpace(): Promise<void> {
		const connection = this.#connection;
		if (!connection || this.#busy) return;
		this.#busy = true;
		try {
			connection.requestDelete();
			// the server answers by telling every device; wait for it a little
			for (let i = 0; i < 50 && this.#status.error !== 'deleted'; i++) {
				await new Promise((r) => setTimeout(r, 100));
			}
			if (this.#status.error !== 'deleted') {
				this.#problem = syncProblems.notConfirmed();
				return;
			}
			await this.leave();
		} finally {
			this.#busy = false;
		}
	}

	async #enter(originText: string, secret: string): Promise<void> {
		if (this.#busy) return;
		this.#problem = '';
		if (!this.available) {
			this.#problem = syncProblems.noServer();
			return;
		}
		let origin: string;
		try {
			origin = normaliseOrigin(originText);
		} catch (error) {
			this.#problem = textOf(error);
			return;
		}
		if (origin !== this.origin) {
			// the page's Content Security Policy would block any other server
			this.#problem = syncProblems.otherServer(this.origin, origin);
			return;
		}
		this.#busy = true;
		try {
			await this.#stop(false);
			const space = await spaceFor(origin, secret);
			writeSyncConfig({ origin, secret });
			this.#space = space;
			await this.#start(space);
		} catch (error) {
			this.#problem = textOf(error);
		} finally {
			this.#busy = false;
		}
	}

	async #start(space: SyncSpace): Promise<void> {
		const [{ SyncConnection }, { createSyncStore }, factIds] = await Promise.all([
			import('$lib/sync/connection'),
			loadSyncStore(),
			factIdsByItem()
		]);
		const connection = new SyncConnection({
			space,
			store: createSyncStore({ factIdsOf: (id) => factIds.get(id) }),
			persistAs: `sahel-brief-sync-${space.id}`,
			onStatus: (status) => {
				this.#status = status;
				this.#now = new Date();
			}
		});
		this.#connection = connection;
		this.#unlisten = onLocalChange((change) => {
			if (change.kind === 'setting') connection.settingChanged(change.key);
			else connection.schedule();
		});
		await connection.start();
	}

	async #stop(forget: boolean): Promise<void> {
		this.#unlisten?.();
		this.#unlisten = undefined;
		const connection = this.#connection;
		this.#connection = undefined;
		await connection?.stop({ forget });
	}
}

/** Each bank item's facts, for cards that arrive on a device that never studied them. */
async function factIdsByItem(): Promise<Map<string, string[]>> {
	try {
		const bank = await getBank();
		return new Map(bank.items.map((item) => [item.id, item.factIds]));
	} catch {
		return new Map(); // offline before the bank was ever loaded: cards arrive without facts
	}
}

function textOf(error: unknown): string {
	if (error instanceof SyncError) return syncErrorText(error.code, error.details);
	return syncProblems.unexpected();
}

/** The one sync state of this tab. */
export const sync = new SyncState();

// Helpers for tests against a real sync server on 127.0.0.1 (ports 4190-4199): servers in this
// process or as a child process (to kill it), devices connected through the real provider.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createSyncStore } from '$lib/storage/sync-store';
import { SyncConnection, type SyncStatus } from '$lib/sync/connection';
import type { SyncSpace } from '$lib/sync/space-code';
import type { Device } from './devices';

/** A port of 4191-4199 nothing listens on now (4190 is the browser tests' sync server). */
export async function freePort(): Promise<number> {
	for (let port = 4191; port <= 4199; port++) {
		const free = await new Promise<boolean>((resolve) => {
			const probe = createServer()
				.once('error', () => resolve(false))
				.listen({ port, host: '127.0.0.1' }, () => probe.close(() => resolve(true)));
		});
		if (free) return port;
	}
	throw new Error('no free port in 4191-4199 for a sync server');
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 15_000) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`timed out waiting for ${what}`);
}

export async function tempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
	const path = await mkdtemp(join(tmpdir(), 'sahel-sync-'));
	return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A device's live connection, with every status it went through. */
export interface Live {
	connection: SyncConnection;
	statuses: SyncStatus[];
	stop: () => Promise<void>;
}

/** Connects `device` to `space` through the real Hocuspocus provider. */
export async function connect(device: Device, space: SyncSpace, persist = false): Promise<Live> {
	const statuses: SyncStatus[] = [];
	const connection = new SyncConnection({
		space,
		store: createSyncStore({ db: device.db, factIdsOf: (id) => [`fact-${id}`] }),
		onStatus: (s) => statuses.push(s),
		persistAs: persist ? `ydoc-${device.name}` : undefined,
		WebSocketPolyfill: WebSocket
	});
	await connection.start();
	return { connection, statuses, stop: () => connection.stop() };
}

/** The server as `npm run sync-server` starts it, in its own process (so a test can kill it). */
export async function spawnServer(port: number, dataDir: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sync-server.ts'], {
		env: { ...process.env, PORT: String(port), SYNC_DATA_DIR: dataDir },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the sync server did not start')), 20_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('listening')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.on('exit', (code) => reject(new Error(`the sync server exited (${code})`)));
	});
	return child;
}

/** Kills a server process at once (no time to store anything), and waits until it is gone. */
export async function killServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const gone = new Promise((r) => child.once('exit', r));
	child.kill('SIGKILL');
	await gone;
}

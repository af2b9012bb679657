// Helpers for tests against a real sync server on 127.0.0.1 (on ports the system picks): servers in this
// process or as a child process (to kill it), devices connected through the real provider.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect as connectTcp, createServer, type AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createSyncStore } from '$lib/storage/sync-store';
import { SyncConnection, type SyncStatus } from '$lib/sync/connection';
import type { SyncSpace } from '$lib/sync/space-code';
import type { Device } from './devices';

/**
 * A port the system says is free now, for a server that must be started on a known port (a
 * child process, Redis). The system's choice, not a fixed range: test files run in parallel, and
 * two of them probing the same few ports could both see one free and race to bind it.
 * A server in this process listens on port 0 instead, which leaves no window at all.
 */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer()
			.once('error', reject)
			.listen({ port: 0, host: '127.0.0.1' }, () => {
				const { port } = probe.address() as AddressInfo;
				probe.close(() => resolve(port));
			});
	});
}

/**
 * A Redis server of its own on 127.0.0.1, answered once it answers PING (not after a guessed
 * pause), with a stop function. Fails in words when redis-server is missing or exits.
 */
export async function startRedis(): Promise<{ url: string; stop: () => void }> {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	if (found.status !== 0) {
		throw new Error(
			'redis-server is missing: install it with `apt-get install -y redis-server` (.ci/run does)'
		);
	}
	const port = await freePort();
	const redis = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	let exited: string | undefined;
	let stderr = '';
	redis.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
	redis.once('exit', (code) => (exited = `redis-server exited (${code}) ${stderr}`.trim()));
	const stop = () => void redis.kill('SIGKILL');
	try {
		await waitFor('redis-server to answer', async () => {
			if (exited) throw new Error(exited);
			return answersPing(port);
		});
	} catch (error) {
		stop();
		throw error;
	}
	return { url: `redis://127.0.0.1:${port}`, stop };
}

/** Whether a Redis server answers PING on `port` of 127.0.0.1. */
function answersPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connectTcp({ port, host: '127.0.0.1' });
		let answer = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
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

// Against the real sync server (Hocuspocus on 127.0.0.1, on a port the system picks), each test starting
// and stopping its own.
import { type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
	createEncoder,
	toUint8Array,
	writeVarString,
	writeVarUint,
	writeVarUint8Array
} from 'lib0/encoding';
import { Rating } from '$lib/srs/types';
import { ReviewFeed } from '$lib/sync/review-feed';
import { newSpaceSecret, spaceFor } from '$lib/sync/space-code';
import { startSyncServer, updateProblem } from '../../../scripts/sync-server/server';
import { at, makeDevice, type Device } from './devices';
import {
	connect,
	freePort,
	killServer,
	spawnServer,
	startRedis,
	tempDir,
	waitFor,
	type Live
} from './live';
import { reviewCount } from '$lib/storage/review-log';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
	for (const clean of cleanups.splice(0).reverse()) await clean();
});

function device(label: string): Device {
	const d = makeDevice(label);
	cleanups.push(() => d.close());
	return d;
}
async function live(
	d: Device,
	space: Parameters<typeof connect>[1],
	persist = false
): Promise<Live> {
	const l = await connect(d, space, persist);
	cleanups.push(() => l.stop());
	return l;
}
async function server(options: Partial<Parameters<typeof startSyncServer>[0]> = {}) {
	const dir = await tempDir();
	const lines: string[] = [];
	const s = await startSyncServer({
		port: 0, // the system picks: no other test can take it first
		dataDir: dir.path,
		log: (l) => lines.push(l),
		...options
	});
	cleanups.push(() => dir.remove());
	cleanups.push(() => s.stop());
	return { ...s, lines, dataDir: dir.path };
}
const count = async (d: Device) => reviewCount(d.db);
/** How many reviews the server has on disk, in the one space under `dataDir` (none before). */
async function stored(dataDir: string): Promise<number> {
	const files = existsSync(join(dataDir, 'docs')) ? await readdir(join(dataDir, 'docs')) : [];
	const file = files.find((name) => name.endsWith('.ydoc'));
	if (!file) return 0;
	const doc = new Y.Doc();
	Y.applyUpdate(doc, new Uint8Array(await readFile(join(dataDir, 'docs', file))));
	return [...new ReviewFeed(doc).entries()].length;
}
const synced = (l: Live) => l.connection.status.phase === 'synced';

async function rateMany(d: Device, n: number, day: number) {
	for (let i = 0; i < n; i++)
		await d.rate(`item-${i % 40}`, ((i % 4) + 1) as 1 | 2 | 3 | 4, at(day, 8, i));
}

describe('two devices through the server', () => {
	test('rate offline, reconnect, and end with the union of reviews and identical cards', async () => {
		const s = await server();
		// on this computer only, whatever Hocuspocus does with its `address` option
		expect((s.server.httpServer.address() as { address: string }).address).toBe('127.0.0.1');
		const space = await spaceFor(s.url, newSpaceSecret());
		const phone = device('phone');
		const laptop = device('laptop');
		await rateMany(phone, 30, 1);
		await rateMany(laptop, 25, 2);
		await phone.rate('item-1', Rating.Again, at(3));

		const a = await live(phone, space, true);
		const b = await live(laptop, space, true);
		await waitFor(
			'both devices to hold 56 reviews',
			async () => (await count(phone)) === 56 && (await count(laptop)) === 56
		);
		await waitFor('both to be synced', () => synced(a) && synced(b));
		expect(await laptop.reviewUids()).toEqual(await phone.reviewUids());
		expect(await laptop.cards()).toEqual(await phone.cards());
		expect(a.statuses.map((x) => x.phase)).toContain('synced');
		expect(a.connection.status.pending).toBe(0);

		// offline again: the laptop's rating waits, counted, until the server has it
		await b.stop();
		const r = await laptop.rate('item-5', Rating.Good, at(4));
		const b2 = await live(laptop, space, true);
		await waitFor('the phone to get the rating made offline', async () =>
			(await phone.reviewUids()).includes(r.uid)
		);
		await waitFor('the laptop to be synced', () => synced(b2));
		expect(b2.statuses.some((x) => x.pending > 0)).toBe(true);
		expect(await laptop.cards()).toEqual(await phone.cards());
	}, 60_000);

	test('the server killed in the middle of a sync and restarted loses nothing', async () => {
		const dir = await tempDir();
		cleanups.push(() => dir.remove());
		const port = await freePort();
		let child: ChildProcess = await spawnServer(port, dir.path);
		cleanups.push(() => killServer(child));
		const space = await spaceFor(`ws://127.0.0.1:${port}`, newSpaceSecret());
		const phone = device('phone');
		await rateMany(phone, 60, 1);
		const a = await live(phone, space, true);
		await waitFor('the phone to be synced', () => synced(a));
		await waitFor('the server to store the 60', async () => (await stored(dir.path)) === 60);

		// more ratings, and the server dies while they travel
		await rateMany(phone, 60, 2);
		a.connection.schedule(0);
		await new Promise((r) => setTimeout(r, 40));
		await killServer(child);
		child = await spawnServer(port, dir.path);

		await waitFor(
			'the phone to be synced again',
			() => synced(a) && a.connection.status.pending === 0,
			30_000
		);
		await waitFor('the server to store all 120', async () => (await stored(dir.path)) === 120);
		await a.stop();
		// restart once more, so the laptop reads only what the server stored on disk
		await killServer(child);
		child = await spawnServer(port, dir.path);
		const laptop = device('laptop');
		const b = await live(laptop, space);
		await waitFor(
			'the laptop to get all 120 reviews',
			async () => (await count(laptop)) === 120,
			30_000
		);
		expect(await laptop.reviewUids()).toEqual(await phone.reviewUids());
		expect(await laptop.cards()).toEqual(await phone.cards());
		expect(b.connection.status.phase).not.toBe('failed');
	}, 90_000);
});

describe('a deleted space', () => {
	test('is gone for every device, its file removed, and its id refused from then on', async () => {
		const s = await server();
		const space = await spaceFor(s.url, newSpaceSecret());
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.rate('item-1', Rating.Good, at(1));
		const a = await live(phone, space);
		const b = await live(laptop, space);
		await waitFor('both synced', () => synced(a) && synced(b));
		const file = join(s.dataDir, 'docs', `${space.id}.ydoc`);
		await waitFor('the space to be stored', () => existsSync(file));
		a.connection.requestDelete();
		await waitFor('both to be told', () =>
			[a, b].every((l) => l.connection.status.error === 'deleted')
		);
		expect(s.lines.some((l) => l.includes(`deleted space ${space.id}`))).toBe(true);
		await new Promise((r) => setTimeout(r, 500)); // past the store delay: nothing writes it back
		expect(existsSync(file)).toBe(false);
		const again = await live(device('again'), space);
		await waitFor(
			'a new connection to be refused',
			() => again.connection.status.phase === 'failed'
		);
		expect(again.connection.status.error).toBe('deleted');
		// each device keeps its own progress
		expect(await reviewCount(laptop.db)).toBe(1);
	}, 30_000);
});

describe('the server refuses what it must, and keeps serving the others', () => {
	test('a wrong secret is refused; a device with the right one syncs meanwhile', async () => {
		const s = await server();
		const space = await spaceFor(s.url, newSpaceSecret());
		const phone = device('phone');
		const laptop = device('laptop');
		const thief = device('thief');
		const a = await live(phone, space);
		const b = await live(laptop, space);
		const t = await live(thief, { ...space, secret: newSpaceSecret() });
		await waitFor('the thief to be refused', () => t.connection.status.phase === 'failed');
		expect(t.connection.status.error).toBe('refused');
		const r = await phone.rate('item-1', Rating.Good, at(1));
		a.connection.schedule(0);
		await waitFor('the laptop to get it', async () => (await laptop.reviewUids()).includes(r.uid));
		expect(await reviewCount(thief.db)).toBe(0);
		expect(synced(b) || b.connection.status.phase === 'syncing').toBe(true);
	}, 30_000);

	test('a malformed update and an update to a map the app has not are refused', async () => {
		const s = await server();
		const space = await spaceFor(s.url, newSpaceSecret());
		const phone = device('phone');
		const laptop = device('laptop');
		const a = await live(phone, space);
		const b = await live(laptop, space);
		// a client that knows the secret but sends what it likes, straight through the provider
		const socket = new HocuspocusProviderWebsocket({ url: s.url, WebSocketPolyfill: WebSocket });
		const rogueDoc = new Y.Doc();
		const rogue = new HocuspocusProvider({
			websocketProvider: socket,
			name: space.id,
			token: space.secret,
			document: rogueDoc
		});
		rogue.attach();
		cleanups.push(() => {
			rogue.destroy();
			socket.destroy();
		});
		await waitFor('all three synced', () => synced(a) && synced(b) && rogue.isSynced);

		// garbage where a Yjs update should be, sent as a sync message on the open socket
		const encoder = createEncoder();
		writeVarString(encoder, space.id);
		writeVarUint(encoder, 0); // sync
		writeVarUint(encoder, 2); // update
		writeVarUint8Array(encoder, new Uint8Array([1, 200, 255, 255, 255, 255, 7, 7, 7]));
		socket.send(toUint8Array(encoder));
		await waitFor('the server to refuse it', () =>
			s.lines.some((l) => l.includes('refused malformed-update'))
		);
		// the same garbage as a SyncReply, which Hocuspocus applies as it applies a sync message,
		// on a connection of its own (a refusal closes the connection it came on)
		const replySocket = new HocuspocusProviderWebsocket({
			url: s.url,
			WebSocketPolyfill: WebSocket
		});
		const replier = new HocuspocusProvider({
			websocketProvider: replySocket,
			name: space.id,
			token: space.secret,
			document: new Y.Doc()
		});
		replier.attach();
		cleanups.push(() => {
			replier.destroy();
			replySocket.destroy();
		});
		await waitFor('the replier synced', () => replier.isSynced);
		const reply = createEncoder();
		writeVarString(reply, space.id);
		writeVarUint(reply, 4); // sync reply
		writeVarUint(reply, 2); // update
		writeVarUint8Array(reply, new Uint8Array([1, 200, 255, 255, 255, 255, 7, 7, 7]));
		replySocket.send(toUint8Array(reply));
		await waitFor(
			'the server to refuse the reply too',
			() => s.lines.filter((l) => l.includes('refused malformed-update')).length >= 2
		);

		// a second rogue: a map the app does not have
		const socket2 = new HocuspocusProviderWebsocket({ url: s.url, WebSocketPolyfill: WebSocket });
		const evilDoc = new Y.Doc();
		evilDoc.getMap('evil').set('x', 1);
		const rogue2 = new HocuspocusProvider({
			websocketProvider: socket2,
			name: space.id,
			token: space.secret,
			document: evilDoc
		});
		rogue2.attach();
		cleanups.push(() => {
			rogue2.destroy();
			socket2.destroy();
		});
		await waitFor('the server to refuse the unknown map', () =>
			s.lines.some((l) => l.includes('refused unknown-map'))
		);

		// the others are still served
		const r = await phone.rate('item-2', Rating.Hard, at(2));
		a.connection.schedule(0);
		await waitFor('the laptop to get the rating', async () =>
			(await laptop.reviewUids()).includes(r.uid)
		);
		const fresh = device('fresh');
		const f = await live(fresh, space);
		await waitFor('a new device to sync', () => synced(f));
		expect(f.connection.doc.share.has('evil')).toBe(false);
		expect(await fresh.reviewUids()).toEqual(await phone.reviewUids());
	}, 30_000);

	test('an oversized update is refused; smaller ones still go through', async () => {
		const s = await server({ maxMessageBytes: 32 * 1024 });
		const space = await spaceFor(s.url, newSpaceSecret());
		const phone = device('phone');
		const laptop = device('laptop');
		const big = device('big');
		const a = await live(phone, space);
		const b = await live(laptop, space);
		await waitFor('synced', () => synced(a) && synced(b));
		await rateMany(big, 600, 1); // about 60 KB of events
		const c = await live(big, space);
		// the big device says why in words, and never claims to be synced
		await waitFor('the big device to be told', () => c.connection.status.error === 'too-large');
		const r = await phone.rate('item-3', Rating.Good, at(2));
		a.connection.schedule(0);
		await waitFor('the laptop to get the small rating', async () =>
			(await laptop.reviewUids()).includes(r.uid)
		);
		expect(await laptop.reviewUids()).toEqual([r.uid]);
		expect(c.statuses.map((x) => x.phase)).not.toContain('synced');
	}, 30_000);

	test('updateProblem tells a good update from a bad one', () => {
		const good = new Y.Doc();
		good.getMap('reviews').set('u1', [1]);
		expect(updateProblem(Y.encodeStateAsUpdate(good))).toBeUndefined();
		const evil = new Y.Doc();
		evil.getArray('evil').push([1]);
		expect(updateProblem(Y.encodeStateAsUpdate(evil))).toBe('unknown-map');
		const nested = new Y.Doc();
		nested.getMap('reviews').set('u1', new Y.Map());
		expect(updateProblem(Y.encodeStateAsUpdate(nested))).toBe('unexpected-content');
		expect(updateProblem(new Uint8Array([9, 9, 9, 250, 250]))).toBe('malformed-update');
	});

	test('updateProblem takes text and plain values, and nothing else the app never writes', () => {
		const problemOf = (change: (doc: Y.Doc) => void) => {
			const doc = new Y.Doc();
			const lines = doc.getText('ratingLines');
			lines.insert(0, '\n[2]\n'); // so what follows has a neighbour (no parent named)
			const before = Y.encodeStateVector(doc);
			change(doc);
			return updateProblem(Y.encodeStateAsUpdate(doc, before));
		};
		const lines = (doc: Y.Doc) => doc.getText('ratingLines');
		expect(problemOf((d) => lines(d).insert(lines(d).length, '[2, "x"]\n'))).toBeUndefined();
		expect(problemOf((d) => lines(d).delete(0, 2))).toBeUndefined();
		expect(problemOf((d) => lines(d).insertEmbed(1, { image: 'x' }))).toBe('unexpected-content');
		expect(problemOf((d) => lines(d).format(0, 2, { bold: true }))).toBe('unexpected-content');
		expect(problemOf((d) => lines(d).insert(1, 'x', { bold: true }))).toBe('unexpected-content');
		expect(problemOf((d) => d.getMap('settings').set('study', new Uint8Array([1])))).toBe(
			'unexpected-content'
		);
		expect(problemOf((d) => d.getMap('settings').set('study', new Y.Doc()))).toBe(
			'unexpected-content'
		);
	});
});

describe('two server instances sharing documents through Redis', () => {
	test("a device on each sees the other's reviews", async () => {
		const redis = await startRedis();
		cleanups.push(redis.stop);
		const one = await server({ redisUrl: redis.url, name: 'one' });
		const two = await server({ redisUrl: redis.url, name: 'two' });
		const secret = newSpaceSecret();
		const phone = device('phone');
		const laptop = device('laptop');
		const a = await live(phone, await spaceFor(one.url, secret));
		const b = await live(laptop, await spaceFor(two.url, secret));
		await waitFor('both synced', () => synced(a) && synced(b));
		const r1 = await phone.rate('item-1', Rating.Good, at(1));
		a.connection.schedule(0);
		const r2 = await laptop.rate('item-2', Rating.Again, at(1, 10));
		b.connection.schedule(0);
		await waitFor(
			"each to see the other's",
			async () =>
				(await laptop.reviewUids()).includes(r1.uid) && (await phone.reviewUids()).includes(r2.uid)
		);
		expect(await laptop.cards()).toEqual(await phone.cards());
	}, 30_000);
});

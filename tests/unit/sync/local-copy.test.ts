// The local copy of a space (y-indexeddb) against the real server: what the server sends is
// written to it once the mirror has stored it (not before: IndexedDB serves one write at a
// time, and a fresh device's first update is the whole space), and nothing is lost on the way.
import { afterEach, expect, test } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { createSyncStore } from '$lib/storage/sync-store';
import { reviewCount } from '$lib/storage/review-log';
import { SyncConnection } from '$lib/sync/connection';
import { newSpaceSecret, spaceFor, type SyncSpace } from '$lib/sync/space-code';
import { startSyncServer } from '../../../scripts/sync-server/server';
import { at, linesOf, makeDevice } from './devices';
import { connect, tempDir, waitFor } from './live';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
	for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** How many ratings the local copy named `name` holds, read as a new tab would. */
async function ratingsInLocalCopy(name: string): Promise<number> {
	const doc = new Y.Doc();
	const copy = new IndexeddbPersistence(name, doc);
	await copy.whenSynced;
	const count = linesOf(doc).length;
	await copy.destroy();
	doc.destroy();
	return count;
}

/** The phone with `n` ratings, synced through a fresh server; answers the space. */
async function syncedPhone(n: number) {
	const dir = await tempDir();
	cleanups.push(() => dir.remove());
	const server = await startSyncServer({
		port: 0, // the system picks: no other test can take it first
		dataDir: dir.path,
		log: () => {}
	});
	cleanups.push(() => server.stop());
	const space = await spaceFor(server.url, newSpaceSecret());
	const phone = makeDevice('phone');
	cleanups.push(() => phone.close());
	for (let i = 0; i < n; i++) await phone.rate(`item-${i % 3}`, 3, at(1, 9, i));
	const a = await connect(phone, space);
	cleanups.push(() => a.stop());
	await waitFor('the phone to be synced', () => a.connection.status.phase === 'synced');
	return space;
}

/**
 * A fresh laptop's connection to `space`, kept in a local copy, whose storage stops at `step`
 * (what arrived being written, or its own ratings being read to send) until released.
 */
function stalledLaptop(space: SyncSpace, step: 'applyArrivals' | 'readReviews') {
	const laptop = makeDevice('laptop');
	cleanups.push(() => laptop.close());
	let release!: () => void;
	const stall = new Promise<void>((resolve) => (release = resolve));
	const state = { reached: false };
	const store = createSyncStore({ db: laptop.db });
	const go = store[step] as (...args: unknown[]) => Promise<unknown>;
	(store[step] as unknown) = async (...args: unknown[]) => {
		state.reached = true;
		await stall;
		return go(...args);
	};
	const copyName = `ydoc-${step}-${laptop.name}`;
	const connection = new SyncConnection({
		space,
		store,
		persistAs: copyName,
		onStatus: () => {},
		WebSocketPolyfill: WebSocket
	});
	return { laptop, connection, copyName, release, reached: () => state.reached };
}

test("the server's ratings reach the local copy after storage has them, and stay there", async () => {
	const space = await syncedPhone(6);
	// the laptop's storage is held at its write, so the test can look at the local copy meanwhile
	const {
		laptop,
		connection: b,
		copyName,
		release,
		reached
	} = stalledLaptop(space, 'applyArrivals');
	cleanups.push(() => b.stop());
	await b.start();
	await waitFor('the ratings to reach the laptop', reached);
	expect(linesOf(b.doc)).toHaveLength(6);
	expect(await ratingsInLocalCopy(copyName)).toBe(0);

	release();
	await waitFor('the laptop to store them', async () => (await reviewCount(laptop.db)) === 6);
	await waitFor(
		'the local copy to hold them',
		async () => (await ratingsInLocalCopy(copyName)) === 6
	);

	// a rating made here goes into the local copy at once, whatever the server does
	await laptop.rate('item-9', 4, at(2));
	await b.runNow();
	expect(await ratingsInLocalCopy(copyName)).toBe(7);
}, 30_000);

test('the local copy has what arrived as soon as storage has it, while the run goes on', async () => {
	const space = await syncedPhone(4);
	const { laptop, connection: b, copyName, release, reached } = stalledLaptop(space, 'readReviews');
	// a rating of the laptop's own, so the run reads it to send after storing what arrived
	await laptop.rate('item-7', 2, at(2));
	cleanups.push(() => b.stop());
	await b.start();
	await waitFor('the run to reach what it sends', reached);
	expect(await reviewCount(laptop.db)).toBe(5);
	// a tab closed now would find them in the copy on its next start, and not send them again
	await waitFor(
		'the local copy to hold them',
		async () => (await ratingsInLocalCopy(copyName)) === 4
	);
	release();
	await waitFor(
		'the laptop’s own rating in the copy',
		async () => (await ratingsInLocalCopy(copyName)) === 5
	);
}, 30_000);

test('a space forgotten while a run is storing what arrived: the copy is gone, and nothing fails', async () => {
	const space = await syncedPhone(3);
	const {
		laptop,
		connection: b,
		copyName,
		release,
		reached
	} = stalledLaptop(space, 'applyArrivals');
	await b.start();
	await waitFor('the ratings to reach the laptop', reached);
	const run = b.runNow();
	await b.stop({ forget: true });
	release();
	await run;
	expect(await reviewCount(laptop.db)).toBe(3);
	expect(await ratingsInLocalCopy(copyName)).toBe(0);
}, 30_000);

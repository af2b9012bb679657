import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SyncState } from '$lib/state/sync.svelte';
import { readSyncConfig } from '$lib/state/sync-config';

/** A localStorage of its own for each test. */
function stubStorage() {
	const items = new Map<string, string>();
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k)
	});
	return items;
}

beforeEach(() => {
	stubStorage();
});
afterEach(() => {
	vi.unstubAllGlobals();
});

describe('joining a sync space', () => {
	test('a mistyped code says what is wrong and joins nothing', async () => {
		const sync = new SyncState();
		await sync.join('ABCD-1234');
		expect(sync.problem).toBe('A sync code has 26 letters and digits; this one has 8.');
		expect(sync.space).toBeUndefined();
		expect(readSyncConfig()).toBeUndefined();
	});

	test('a build without a sync server says so, and stores no secret', async () => {
		const sync = new SyncState();
		expect(sync.available).toBe(false); // the unit tests build with no SYNC_ORIGIN
		await sync.createSpace();
		expect(sync.problem).toMatch(/built without a sync server/);
		expect(readSyncConfig()).toBeUndefined();
		expect(sync.statusText).toBe('Sync is off on this device.');
	});

	test('a pairing link naming a bad server is refused in words', async () => {
		const sync = new SyncState();
		vi.stubGlobal('history', { replaceState: () => {} });
		vi.stubGlobal('location', { pathname: '/sync', origin: 'https://app.example.org' });
		await sync.load('#join=0000&server=ftp://x.org');
		expect(sync.problem).toMatch(/A sync code has 26/);
		expect(readSyncConfig()).toBeUndefined();
	});
});

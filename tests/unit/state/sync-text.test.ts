import { describe, expect, test } from 'vitest';
import { syncStatusText } from '$lib/state/sync-text';

const NOW = new Date(2026, 0, 5, 12, 0);
const base = { pending: 0, refused: 0 };

describe('the sync status in words', () => {
	test.each([
		[{ ...base, phase: 'synced', syncedAt: new Date(NOW.getTime() - 5000) }, 'Synced just now.'],
		[{ ...base, phase: 'syncing', pending: 2 }, 'Syncing… 2 changes to send.'],
		[
			{ ...base, phase: 'offline', pending: 3 },
			'Offline: 3 changes waiting, sent when the server can be reached.'
		],
		[
			{ ...base, phase: 'offline', pending: 1 },
			'Offline: 1 change waiting, sent when the server can be reached.'
		],
		[{ ...base, phase: 'offline' }, 'Offline: nothing waiting.'],
		[{ ...base, phase: 'stopped' }, 'Sync is off on this device.']
	] as const)('%o reads "%s"', (status, text) => {
		expect(syncStatusText(status, NOW)).toBe(text);
	});

	test('an error is said in words, never as a code', () => {
		const text = syncStatusText({ ...base, phase: 'failed', error: 'refused' }, NOW);
		expect(text).toMatch(/refused this device/);
		expect(syncStatusText({ ...base, phase: 'failed', error: 'deleted' }, NOW)).toMatch(
			/was deleted/
		);
	});

	test('changes refused from another device are counted in the status', () => {
		const text = syncStatusText({ ...base, phase: 'synced', refused: 2, syncedAt: NOW }, NOW);
		expect(text).toContain('2 changes from another device did not look like this app’s data');
	});
});

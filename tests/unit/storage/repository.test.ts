import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { DB_NAME, SCHEMA_VERSIONS } from '$lib/storage/db';
import {
	closeDatabase,
	database,
	onDatabaseOutdated,
	readSetting,
	saveSetting,
	tableCounts
} from '$lib/storage/repository';

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

describe('settings', () => {
	test('a setting never saved reads as its fallback', async () => {
		expect(await readSetting('theme', 'system')).toBe('system');
	});

	test('a saved setting reads back, and saving again replaces it', async () => {
		await saveSetting('theme', 'dark');
		expect(await readSetting('theme', 'system')).toBe('dark');
		await saveSetting('theme', 'light');
		expect(await readSetting('theme', 'system')).toBe('light');
		expect((await tableCounts()).settings).toBe(1);
	});
});

test('the database declares the tables of the design, each counted', async () => {
	expect(await tableCounts()).toEqual({
		cards: 0,
		reviews: 0,
		attempts: 0,
		assignments: 0,
		submissions: 0,
		settings: 0,
		replacedCopies: 0,
		deviceKeys: 0,
		cardFlags: 0,
		tombstones: 0,
		ownCards: 0,
		cardWordings: 0,
		classKeys: 0,
		outbox: 0,
		ownRemovals: 0
	});
	expect((await database()).name).toBe('sahel-brief');
	expect(SCHEMA_VERSIONS.at(-1)?.version).toBe((await database()).verno);
});

test('an upgrade from another tab closes this connection and tells the page', async () => {
	let told = 0;
	const stop = onDatabaseOutdated(() => (told += 1));
	await saveSetting('theme', 'dark');

	// a newer app version opens the database at a higher schema version
	const newer = new Dexie(DB_NAME);
	newer.version(99).stores({ settings: 'key', extra: 'id' });
	await newer.open();
	expect(told).toBe(1);
	expect((await database()).isOpen()).toBe(false);
	expect(await newer.table('settings').get('theme')).toEqual({ key: 'theme', value: 'dark' });
	newer.close();
	stop();
});

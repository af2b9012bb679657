// The one door to the database: pages and state classes call these functions, never Dexie.
import { DB_NAME, SahelDatabase, type SettingRow } from './db';
import { requestPersistentStorage } from '../pwa/storage-persistence';

let instance: SahelDatabase | undefined;
const outdatedListeners = new Set<() => void>();
let persistenceAsked = false;

/** The open database, created on first use. */
export function database(): SahelDatabase {
	if (!instance) {
		const db = new SahelDatabase(DB_NAME);
		db.on('versionchange', () => {
			// A newer version of the app, open in another tab, wants to upgrade the schema: let it,
			// and tell this tab to reload rather than silently reopening an outdated schema.
			db.close({ disableAutoOpen: true });
			for (const listener of outdatedListeners) listener();
			return false;
		});
		instance = db;
	}
	return instance;
}

/** Calls `listener` when another tab upgrades the database and this tab must reload. */
export function onDatabaseOutdated(listener: () => void): () => void {
	outdatedListeners.add(listener);
	return () => outdatedListeners.delete(listener);
}

/** Closes the database (tests, and before a full restore). */
export function closeDatabase(): void {
	instance?.close();
	instance = undefined;
}

/** Asks the browser once per visit to keep our data, after the first thing the user saves. */
function noteSaved(): void {
	if (persistenceAsked) return;
	persistenceAsked = true;
	void requestPersistentStorage();
}

/** Reads one setting, or `fallback` when it was never saved. */
export async function readSetting<T>(key: string, fallback: T): Promise<T> {
	const row = await database().settings.get(key);
	return row === undefined ? fallback : (row.value as T);
}

/** Saves one setting. */
export async function saveSetting(key: string, value: unknown): Promise<void> {
	const row: SettingRow = { key, value };
	await database().settings.put(row);
	noteSaved();
}

/** How many rows each table holds (Settings and backups show it). */
export async function tableCounts(): Promise<Record<string, number>> {
	const db = database();
	const counts: Record<string, number> = {};
	for (const table of db.tables) counts[table.name] = await table.count();
	return counts;
}

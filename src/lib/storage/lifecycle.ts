// What the shell needs to know about the database without loading Dexie itself, so pages
// that store nothing stay light.
import { DB_NAME } from './db-name';

const outdatedListeners = new Set<() => void>();

/** Calls `listener` when another tab upgrades the database and this tab must reload. */
export function onDatabaseOutdated(listener: () => void): () => void {
	outdatedListeners.add(listener);
	return () => outdatedListeners.delete(listener);
}

/** Tells every listener that this tab's database connection was closed for an upgrade. */
export function announceDatabaseOutdated(): void {
	for (const listener of outdatedListeners) listener();
}

/**
 * Whether this browser holds the app's database at all. False on a first visit, so a page can
 * show its empty state without loading the database code. True when the browser cannot tell.
 */
export async function databaseExists(): Promise<boolean> {
	if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
	try {
		const databases = await indexedDB.databases();
		return databases.some((database) => database.name === DB_NAME);
	} catch {
		return true;
	}
}

// Which sync space this device is in, kept in this browser's localStorage rather than the
// database: it is a key to the space, so it never travels in a backup file, and the layout can
// tell whether to start sync without loading any database code (a first visit stays light).

const KEY = 'sahel-brief:sync';

/** The sync server this build may connect to (SYNC_ORIGIN at build time; '' when none). */
export const BUILT_SYNC_ORIGIN: string = __SYNC_ORIGIN__;

/** A device's sync settings: the server, and the space's secret once it has one. */
export interface SyncConfig {
	origin: string;
	secret?: string;
}

/** The saved settings, or undefined (never set, or unreadable). */
export function readSyncConfig(): SyncConfig | undefined {
	try {
		const raw = globalThis.localStorage?.getItem(KEY);
		if (!raw) return undefined;
		const parsed = JSON.parse(raw) as Partial<SyncConfig>;
		if (typeof parsed.origin !== 'string') return undefined;
		return {
			origin: parsed.origin,
			...(typeof parsed.secret === 'string' ? { secret: parsed.secret } : {})
		};
	} catch {
		return undefined;
	}
}

/** Saves the settings (or removes them with undefined). */
export function writeSyncConfig(config: SyncConfig | undefined): void {
	if (config) localStorage.setItem(KEY, JSON.stringify(config));
	else localStorage.removeItem(KEY);
}

/** Whether this device is in a sync space (the layout starts sync then). */
export function syncIsOn(): boolean {
	return readSyncConfig()?.secret !== undefined;
}

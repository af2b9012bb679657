// Browsers may evict a site's storage under pressure unless it is marked persistent.

export interface StorageStatus {
	/** undefined where the browser cannot tell (no StorageManager). */
	persisted: boolean | undefined;
	usageBytes: number | undefined;
	quotaBytes: number | undefined;
}

/** Asks the browser to keep this site's data; resolves to whether it is now persistent. */
export async function requestPersistentStorage(): Promise<boolean> {
	if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
	try {
		if (await navigator.storage.persisted()) return true;
		return await navigator.storage.persist();
	} catch {
		return false;
	}
}

/** Whether storage is persistent and how much of it is used. */
export async function readStorageStatus(): Promise<StorageStatus> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage) return { persisted: undefined, usageBytes: undefined, quotaBytes: undefined };
	const [persisted, estimate] = await Promise.all([
		storage.persisted ? storage.persisted().catch(() => undefined) : undefined,
		storage.estimate ? storage.estimate().catch(() => undefined) : undefined
	]);
	return { persisted, usageBytes: estimate?.usage, quotaBytes: estimate?.quota };
}

/** "1.2 MB" style sizes for people. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

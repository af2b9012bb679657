// Why a read or write of this device's data failed, as a code a page can branch on and a
// sentence it can show. Dexie and the browser throw many shapes; `storageError` maps them.

export const STORAGE_ERROR_MESSAGES = {
	'attempt-missing': 'This attempt is no longer stored on this device (it was reset or replaced).',
	'attempt-finished':
		'This attempt was already ended, in another tab or window. Your last answer was not saved.',
	full: 'This device is out of storage space for the app. Free some space, then try again.',
	blocked: 'The browser does not let the app store data here (private mode or blocked storage).',
	failed: 'The browser could not save to this device.'
} as const;

export type StorageErrorCode = keyof typeof STORAGE_ERROR_MESSAGES;

/** A failed read or write of this device's data; `message` is a plain sentence. */
export class StorageError extends Error {
	constructor(
		readonly code: StorageErrorCode,
		options?: { cause?: unknown }
	) {
		super(STORAGE_ERROR_MESSAGES[code], options);
		this.name = 'StorageError';
	}
}

/** `error` as a StorageError: quota and security errors keep their meaning, others fail plainly. */
export function storageError(error: unknown): StorageError {
	if (error instanceof StorageError) return error;
	const name = errorName(error);
	if (name === 'QuotaExceededError') return new StorageError('full', { cause: error });
	if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'MissingAPIError')
		return new StorageError('blocked', { cause: error });
	return new StorageError('failed', { cause: error });
}

function errorName(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const { name, inner } = error as { name?: unknown; inner?: unknown };
	// Dexie wraps the browser's DOMException in `inner`
	if (name === 'QuotaExceededError' || errorName(inner) === 'QuotaExceededError')
		return 'QuotaExceededError';
	return typeof name === 'string' ? name.replace(/^Dexie\./, '') : undefined;
}

// Sync's coded errors: the page turns each code into a sentence (see state/sync-text.ts).

export const SYNC_ERROR_CODES = [
	'bad-code',
	'bad-origin',
	'bad-link',
	'refused',
	'deleted',
	'unreachable',
	'storage'
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** A sync failure with a code the page can put into words. */
export class SyncError extends Error {
	readonly code: SyncErrorCode;
	constructor(code: SyncErrorCode, message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'SyncError';
		this.code = code;
	}
}

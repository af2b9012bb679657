// Sync's coded errors: the page turns each code into a sentence (see state/sync-text.ts).

export const SYNC_ERROR_CODES = [
	'bad-code',
	'bad-origin',
	'bad-link',
	'refused',
	'deleted',
	'unreachable',
	'too-large',
	'storage'
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** What a sentence about the error may name: the letters counted, the letter refused. */
export interface SyncErrorDetails {
	length?: number;
	char?: string;
}

/** A sync failure with a code (and details) the page can put into words, in any language. */
export class SyncError extends Error {
	readonly code: SyncErrorCode;
	readonly details: SyncErrorDetails;
	constructor(code: SyncErrorCode, message: string, details: SyncErrorDetails = {}) {
		super(message);
		this.name = 'SyncError';
		this.code = code;
		this.details = details;
	}
}

// One error class for everything that can go wrong loading a bank, with a code the page
// can branch on and a message a learner can read.

export const BANK_ERROR_CODES = ['missing', 'schema-version', 'malformed'] as const;
export type BankErrorCode = (typeof BANK_ERROR_CODES)[number];

/** A bank or map file that could not be loaded; `message` is a plain sentence. */
export class BankError extends Error {
	constructor(
		readonly code: BankErrorCode,
		message: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = 'BankError';
	}
}

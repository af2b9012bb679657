/** A random URL-safe id of `length` characters (assignment ids, seeds). */
export function randomId(length = 10): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = crypto.getRandomValues(new Uint8Array(length));
	// 62 does not divide 256: the slight bias is harmless for ids that only need to be unique
	return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

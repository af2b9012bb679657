// The one signing key this device uses for receipts, made on first use and kept.
import { database } from './repository';

const THIS_DEVICE = 'this-device';

/**
 * This device's signing key pair, made by `make` (and stored) the first time. Two tabs asking
 * at once end up with the same stored key: the first one written wins.
 */
export async function deviceKeyPair(make: () => Promise<CryptoKeyPair>): Promise<CryptoKeyPair> {
	const db = await database();
	const stored = await db.deviceKeys.get(THIS_DEVICE);
	if (stored) return { privateKey: stored.privateKey, publicKey: stored.publicKey };
	// made outside the transaction: an IndexedDB transaction ends while WebCrypto works
	const made = await make();
	return db.transaction('rw', db.deviceKeys, async () => {
		const first = await db.deviceKeys.get(THIS_DEVICE);
		if (first) return { privateKey: first.privateKey, publicKey: first.publicKey };
		await db.deviceKeys.add({ id: THIS_DEVICE, ...made, createdAt: new Date() });
		return made;
	});
}

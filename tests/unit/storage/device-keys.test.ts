import Dexie from 'dexie';
import { afterEach, expect, test, vi } from 'vitest';
import { newDeviceKey, publicKeyText } from '../../../src/lib/assign/device-key';
import { DB_NAME } from '../../../src/lib/storage/db';
import { deviceKeyPair } from '../../../src/lib/storage/device-keys';
import { closeDatabase } from '../../../src/lib/storage/repository';

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

test('the device key is made once, kept, and stays non-extractable', async () => {
	const make = vi.fn(newDeviceKey);
	const first = await deviceKeyPair(make);
	closeDatabase();
	const second = await deviceKeyPair(make);
	expect(make).toHaveBeenCalledTimes(1);
	expect(await publicKeyText(second.publicKey)).toBe(await publicKeyText(first.publicKey));
	expect(second.privateKey.extractable).toBe(false);
	const signature = await crypto.subtle.sign(
		{ name: 'ECDSA', hash: 'SHA-256' },
		second.privateKey,
		new Uint8Array([1])
	);
	expect(signature.byteLength).toBe(64);
});

test('two tabs asking at once end with one stored key', async () => {
	const [a, b] = await Promise.all([deviceKeyPair(newDeviceKey), deviceKeyPair(newDeviceKey)]);
	expect(await publicKeyText(a.publicKey)).toBe(await publicKeyText(b.publicKey));
});

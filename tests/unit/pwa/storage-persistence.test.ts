import { expect, test } from 'vitest';
import { formatBytes } from '$lib/pwa/storage-persistence';

test.each([
	[0, '0 B'],
	[1023, '1023 B'],
	[1024, '1.0 KB'],
	[1536, '1.5 KB'],
	[20 * 1024, '20 KB'],
	[5 * 1024 * 1024, '5.0 MB'],
	[3 * 1024 ** 3, '3.0 GB']
])('%i bytes read as %s', (bytes, text) => {
	expect(formatBytes(bytes)).toBe(text);
});

// The local server answers as a static host does: a page's URL with a trailing slash moves to
// the URL without one (the pages are built with trailingSlash 'never'), instead of a 404.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveBuild } from '../../../scripts/serve.js';

let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
	const root = mkdtempSync(join(tmpdir(), 'serve-'));
	writeFileSync(join(root, 'index.html'), '<h1>Today</h1>');
	writeFileSync(join(root, 'fr.html'), '<h1>Aujourd’hui</h1>');
	mkdirSync(join(root, 'fr'));
	writeFileSync(join(root, 'fr', 'study.html'), '<h1>Réviser</h1>');
	server = await serveBuild({ root, port: 0, gzip: false });
});
afterAll(() => server.close());

describe('trailing slashes', () => {
	test.each([
		['/fr/', '/fr'],
		['/fr/study/', '/fr/study'],
		['/fr/study/?topic=x', '/fr/study?topic=x']
	])('%s moves to %s', async (from, to) => {
		const response = await fetch(`${server.url}${from}`, { redirect: 'manual' });
		expect(response.status).toBe(308);
		expect(response.headers.get('location')).toBe(to);
	});

	test('the page itself and the home page answer directly', async () => {
		expect((await fetch(`${server.url}/fr`)).status).toBe(200);
		expect(await (await fetch(`${server.url}/fr/`)).text()).toContain('Aujourd’hui');
		expect((await fetch(`${server.url}/`, { redirect: 'manual' })).status).toBe(200);
	});

	test('a path that is no page is still not found', async () => {
		expect((await fetch(`${server.url}/nowhere/`, { redirect: 'manual' })).status).toBe(404);
	});
});

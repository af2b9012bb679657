// The headers `npm start` sends, and what they are for: another site cannot frame the app.
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
/** Another origin (another port) whose page frames the app at `app`. */
async function framingSite(app: string): Promise<{ url: string; server: Server }> {
	const server = createServer((request, response) => {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		// /own frames this same server (nothing forbids it): shows a frame loads in this setup
		const target = request.url === '/own' ? '/inner' : `${app}/`;
		response.end(
			request.url === '/inner'
				? '<!doctype html><title>inner</title><h1>Framed page</h1>'
				: `<!doctype html><title>framer</title><iframe src="${target}" width="400" height="600"></iframe>`
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, server };
}

test('another origin cannot show the app in a frame', async ({ page, baseURL }) => {
	const site = await framingSite(baseURL!);
	try {
		await page.goto(`${site.url}/own`);
		await expect(
			page.frameLocator('iframe').getByRole('heading', { name: 'Framed page' })
		).toBeVisible();

		const refused = page.waitForEvent('console', (m) => /frame-ancestors|refused/i.test(m.text()));
		await page.goto(`${site.url}/`);
		await refused;
		const frame = page.frames().find((f) => f !== page.mainFrame());
		expect(frame, 'the iframe exists').toBeDefined();
		// the browser replaced the app with its own error page: no app heading in the frame
		await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Today' })).toHaveCount(
			0
		);
		expect(frame!.url()).not.toBe(`${baseURL}/`);
	} finally {
		site.server.close();
	}
});

test('pages, the service worker and hashed files carry the documented headers', async ({
	request
}) => {
	const immutable = readdirSync('build/_app/immutable/entry')[0];
	const cases = [
		['/', 'no-cache'],
		['/study', 'no-cache'],
		['/sw.js', 'no-cache'],
		['/manifest.webmanifest', 'no-cache'],
		[`/_app/immutable/entry/${immutable}`, 'public, max-age=31536000, immutable'],
		['/no-such-page', 'no-cache']
	] as const;
	for (const [path, cache] of cases) {
		const response = await request.get(path);
		const headers = response.headers();
		expect(headers['content-security-policy'], path).toBe("frame-ancestors 'none'");
		expect(headers['x-frame-options'], path).toBe('DENY');
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('no-referrer');
		expect(headers['cache-control'], path).toBe(cache);
	}
});

// Two browsers (a phone and a laptop) paired through the real sync server on 127.0.0.1:4190,
// the origin the test build allows (SYNC_ORIGIN, see package.json "test:e2e"; another port there
// lets two checkouts run these side by side).
import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSyncServer } from '../../scripts/sync-server/server';
import { countRows, expect, test } from './fixtures';

const SYNC_PORT = Number(new URL(process.env.SYNC_ORIGIN ?? 'ws://127.0.0.1:4190').port);

let stopServer: (() => Promise<unknown>) | undefined;
let dataDir = '';

test.beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'sahel-e2e-sync-'));
	const server = await startSyncServer({ port: SYNC_PORT, dataDir, log: () => {} });
	stopServer = server.stop;
});

test.afterAll(async () => {
	await stopServer?.();
	await rm(dataDir, { recursive: true, force: true });
});

async function rate(page: Page, times: number) {
	await page.goto('/study');
	for (let i = 0; i < times; i++) {
		await expect(page.locator('#card-prompt')).not.toBeEmpty();
		await page.keyboard.press('Space');
		await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
		await page.keyboard.press('3');
		await expect(page.getByRole('region', { name: 'Answer' })).toBeHidden();
	}
}

test('a phone and a laptop paired by a typed code end with every rating of both', async ({
	browser,
	page
}) => {
	await rate(page, 3);
	await page.goto('/sync');
	await page.getByRole('button', { name: 'Sync this device' }).click();
	await expect(page.getByRole('status', { name: 'On this device' })).toHaveText(/^Synced/);
	await expect(page.getByRole('img', { name: /QR code that adds a device/ })).toBeVisible();
	const code = (await page.getByTestId('sync-code').textContent())!;
	expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$/);

	const laptop = await (await browser.newContext()).newPage();
	await rate(laptop, 2);
	await laptop.goto('/sync');
	// a mistyped code says so and joins nothing
	await laptop.getByLabel(/type its code/).fill('not a code');
	await laptop.getByRole('button', { name: 'Join' }).click();
	await expect(laptop.getByRole('alert')).toContainText('A sync code has 26 letters');
	await laptop.getByLabel(/type its code/).fill(code.toLowerCase());
	await laptop.getByRole('button', { name: 'Join' }).click();
	await expect(laptop.getByRole('status', { name: 'On this device' })).toHaveText(/^Synced/);

	await expect.poll(() => countRows(laptop, 'reviews')).toBe(5);
	await expect.poll(() => countRows(page, 'reviews')).toBe(5);

	// a rating made on the phone later arrives while the laptop is open elsewhere in the app
	await rate(page, 1);
	await laptop.goto('/cards');
	await expect.poll(() => countRows(laptop, 'reviews')).toBe(6);

	// leaving keeps the progress here
	await laptop.goto('/sync');
	await laptop.getByRole('button', { name: 'Leave this sync space' }).click();
	await expect(laptop.getByRole('button', { name: 'Sync this device' })).toBeVisible();
	expect(await countRows(laptop, 'reviews')).toBe(6);
});

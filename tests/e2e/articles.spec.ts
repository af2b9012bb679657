// Two articles in one build: the learner chooses one on Today and studies it, and each keeps
// its own progress. The second pack is the tiny test fixture, built by the real generator and
// served in place of the build's index (never shipped). Service workers are off here so the
// test's files are the ones the page reads.
import { readFileSync } from 'node:fs';
import { buildPack } from '../../src/lib/bank/build-pack';
import { buildCatalog, formatCatalog } from '../../src/lib/bank/catalog';
import type { Bank } from '../../src/lib/bank/types';
import { tinyFiles, worldAtlas } from '../unit/bank/fixtures';
import { expect, test } from './fixtures';

const REAL = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
const TINY = buildPack('tiny', tinyFiles(), worldAtlas(), { minItems: 0 }).generated.bank;
const TINY_PROMPTS = new Set(TINY.items.map((item) => item.prompt));

test.use({ serviceWorkers: 'block' });

test('with two articles the learner chooses one, studies it, and each keeps its progress', async ({
	page,
	consoleErrors
}) => {
	const index = formatCatalog(
		buildCatalog([
			{ bank: REAL, hasMap: true },
			{ bank: TINY, hasMap: false }
		])
	);
	await page.route('**/bank/index.json', (route) =>
		route.fulfill({ body: index, contentType: 'application/json' })
	);
	await page.route('**/bank/tiny.json', (route) => route.fulfill({ json: TINY }));

	await page.goto('/');
	const picker = page.getByRole('combobox', { name: 'Article' });
	await expect(picker).toHaveValue('france-mali-2025');
	await expect(page.getByTestId('new-today')).toHaveText('20');

	// one card of the first article
	await page.goto('/study');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	// the rating is stored before the next card shows
	await expect(page.getByRole('region', { name: 'Answer' })).toBeHidden();
	await page.goto('/');
	await expect(page.getByTestId('new-today')).toHaveText('19');

	await page.getByRole('combobox', { name: 'Article' }).selectOption({ label: TINY.pack.title });
	// the tiny article's own limit: the first article's card does not count against it
	await expect(page.getByTestId('new-today')).not.toHaveText('19');
	await expect(page.getByTestId('due-now')).toHaveText('0');

	await page.reload();
	await expect(page.getByRole('combobox', { name: 'Article' })).toHaveValue('tiny');
	await page.goto('/study');
	const prompt = (await page.locator('#card-prompt').textContent())?.trim() ?? '';
	expect(TINY_PROMPTS.has(prompt), `"${prompt}" is a question of the tiny article`).toBe(true);

	// Read shows the chosen article's text, though the page was prerendered with the first
	await page.goto('/read');
	await expect(page.getByText(TINY.pack.title, { exact: true })).toBeVisible();
	await expect(page.getByText(REAL.pack.title, { exact: true })).toHaveCount(0);
	await expect(page.getByText(TINY.pack.source.paragraphs[0]!.text.slice(0, 40))).toBeVisible();

	await page.goto('/');
	await page.getByRole('combobox', { name: 'Article' }).selectOption({ label: REAL.pack.title });
	await expect(page.getByTestId('new-today')).toHaveText('19');
	expect(consoleErrors).toEqual([]);
});

test('with one article there is nothing to choose', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('new-today')).toHaveText('20');
	await expect(page.getByRole('combobox', { name: 'Article' })).toHaveCount(0);
});

import { readFileSync } from 'node:fs';
import type { Bank } from '../../src/lib/bank/types';
import { readingLink } from '../../src/lib/ui/reading-link';
import { expect, test } from './fixtures';

const bank = JSON.parse(
	readFileSync(new URL('../../static/bank/france-mali-2025.json', import.meta.url), 'utf8')
) as Bank;
const { source } = bank.pack;

test('the whole article is there: 21 paragraphs with their text, 9 headings, the credit @layout', async ({
	page
}) => {
	await page.goto('/read');
	await expect(page.getByRole('heading', { level: 1, name: 'Read the article' })).toBeVisible();
	await expect(page.getByText(source.title).first()).toBeVisible();
	await expect(page.getByText(`Credit: ${source.credit}`)).toBeVisible();
	const article = page.getByRole('article');
	await expect(article.getByRole('heading', { level: 2 })).toHaveText(source.sections);
	expect(source.paragraphs).toHaveLength(21);
	for (const paragraph of source.paragraphs) {
		await expect(page.locator(`#${paragraph.id}`)).toHaveText(paragraph.text);
	}
	await expect(page).toHaveTitle('Read · Sahel Brief');
});

test('a highlight opened by keyboard shows the fact and its questions; Escape returns focus', async ({
	page
}) => {
	await page.goto('/read');
	const fact = bank.facts.find((candidate) => candidate.id === 'vezilier-bamako')!;
	// the highlights turn into buttons once the page's script runs
	const highlights = page.locator('#p5').getByRole('button');
	await expect(highlights.first()).toBeVisible();
	await page.getByRole('link', { name: 'Link to paragraph 5' }).focus();
	await page.keyboard.press('Tab');
	await expect(highlights.first()).toBeFocused();
	await page.keyboard.press('Enter');

	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText(fact.statement);
	const question = bank.items.find((item) => item.factIds.includes(fact.id))!;
	await expect(dialog.getByText(question.prompt).first()).toBeVisible();
	await expect(dialog.getByRole('link', { name: 'Study this topic' })).toHaveAttribute(
		'href',
		`/study?topic=${encodeURIComponent(fact.topic)}`
	);

	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(highlights.first()).toBeFocused();

	// Space opens it too, and the close button also gives focus back
	await page.keyboard.press('Space');
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Close' }).first().click();
	await expect(dialog).toBeHidden();
	await expect(highlights.first()).toBeFocused();
});

test('a claim says who claims it', async ({ page }) => {
	await page.goto('/read');
	const claim = bank.facts.find((fact) => fact.id === 'vezilier-destabilize')!;
	await page.locator('#p5').getByRole('button', { name: claim.quote }).click();
	await expect(page.getByRole('dialog')).toContainText(
		`Claimed by ${claim.claimBy}: ${claim.statement}`
	);
});

test('a deep link scrolls its paragraph into view and marks it @layout', async ({ page }) => {
	await page.goto('/read#p7');
	const paragraph = page.locator('#p7');
	await expect(paragraph).toBeInViewport();
	expect(await paragraph.evaluate((element) => element.matches(':target'))).toBe(true);
	// marked with a coloured rule: the paragraph's frame differs from an unmarked one
	const rule = (id: string) =>
		page
			.locator(`#${id}`)
			.evaluate((element) => getComputedStyle(element.parentElement!).borderLeftColor);
	expect(await rule('p7')).not.toBe(await rule('p8'));
});

test('a link from another page, with a text fragment, marks its paragraph too', async ({
	page
}) => {
	const fact = bank.facts.find((candidate) => candidate.paragraph === 'p12')!;
	await page.goto(readingLink({ paragraph: fact.paragraph, quote: fact.quote }));
	const paragraph = page.locator('#p12');
	await expect(paragraph).toBeInViewport();
	const rule = (id: string) =>
		page
			.locator(`#${id}`)
			.evaluate((element) => getComputedStyle(element.parentElement!).borderLeftColor);
	await expect.poll(() => rule('p12')).not.toBe(await rule('p13'));
});

test('without JavaScript the article is still there to read', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/read');
	await expect(page.getByRole('heading', { level: 1, name: 'Read the article' })).toBeVisible();
	for (const id of ['p1', 'p11', 'p21']) {
		const paragraph = source.paragraphs.find((candidate) => candidate.id === id)!;
		await expect(page.locator(`#${id}`)).toHaveText(paragraph.text);
	}
	await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveCount(9);
	await context.close();
});

test('shading by mastery shows a legend in words and describes each paragraph', async ({
	page
}) => {
	await page.goto('/read');
	const toggle = page.getByRole('checkbox', { name: 'Shade by mastery' });
	await expect(toggle).toBeEnabled();
	await toggle.check();
	const legend = page.getByRole('list', { name: 'Legend' });
	for (const label of ['Not studied', 'Learning', 'Known']) {
		await expect(legend.getByText(label)).toBeVisible();
	}
	// nothing studied yet on a fresh device
	await expect(page.getByText(/^Not studied: 0 of \d+ cards known\.$/)).toHaveCount(21);
	await expect(
		page.getByText('Paragraphs shaded: 0 known, 0 learning, 21 not studied.')
	).toBeAttached();

	// the switch is remembered
	await page.reload();
	await expect(page.getByRole('checkbox', { name: 'Shade by mastery' })).toBeChecked();
	await page.getByRole('checkbox', { name: 'Shade by mastery' }).uncheck();
	await expect(legend).toBeHidden();
});

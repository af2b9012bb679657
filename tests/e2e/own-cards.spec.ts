// Cards the learner owns, at phone size, by touch and by keyboard: a card made from words
// selected in Read, one written in Cards, bad text refused with nothing stored, your wording
// of a bank card and "restore the original", the leech offer's Rewrite, shuffled new cards,
// and own cards in study and in the deck exports.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Bank } from '../../src/lib/bank/types';
import { countRows, expect, test } from './fixtures';

const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
const firstParagraph = bank.pack.source.paragraphs[0]!;

/** Selects `words` in paragraph `id` of /read, as a finger or caret browsing would. */
async function selectWords(page: Page, id: string, words: string): Promise<void> {
	await page.evaluate(
		({ id, words }) => {
			const p = document.getElementById(id)!;
			const text = p.textContent!;
			const start = text.indexOf(words);
			const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
			const range = document.createRange();
			let seen = 0;
			let node: Node | null;
			while ((node = walker.nextNode())) {
				const length = node.textContent!.length;
				if (seen + length > start && range.startContainer === document)
					range.setStart(node, start - seen);
				if (seen + length >= start + words.length) {
					range.setEnd(node, start + words.length - seen);
					break;
				}
				seen += length;
			}
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
		},
		{ id, words }
	);
}

const words = firstParagraph.text.split(' ').slice(2, 4).join(' ');
const makeBar = (page: Page) => page.getByRole('button', { name: 'Make a card' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Make a card' });

async function openRead(page: Page) {
	await page.goto('/read');
	// the highlights become buttons once the script runs
	await expect(page.getByRole('button').filter({ hasText: /\w/ }).first()).toBeVisible();
}

test('Read, by touch: select words, make a cloze of them, see it marked and in Cards', async ({
	page
}) => {
	await openRead(page);
	await selectWords(page, firstParagraph.id, words);
	await makeBar(page).tap();
	await expect(dialog(page)).toBeVisible();
	await expect(
		dialog(page).getByRole('radio', { name: 'Cloze (a sentence with a gap)' })
	).toBeChecked();
	await expect(dialog(page).getByRole('textbox', { name: 'Back' })).toHaveValue(words);
	await expect(dialog(page).getByRole('textbox', { name: /Front/ })).toHaveValue(/_____/);
	await dialog(page).getByRole('button', { name: 'Save card' }).tap();
	await expect(dialog(page)).toBeHidden();
	await expect(page.getByRole('status').filter({ hasText: 'Card saved.' })).toBeVisible();
	expect(await countRows(page, 'ownCards')).toBe(1);
	const mark = page.getByText('Your card from this paragraph:');
	await expect(mark).toBeVisible();
	await page.getByRole('link', { name: /_____/ }).tap();
	await expect(page.getByRole('heading', { name: 'Card details' })).toBeVisible();
	await expect(page.getByText('Your own card', { exact: true })).toBeVisible();
	await expect(page.getByRole('definition').filter({ hasText: words }).first()).toBeVisible();
});

test('Read, by keyboard: a question and answer from the selection, refused empty, then Undo', async ({
	page
}) => {
	await openRead(page);
	await selectWords(page, firstParagraph.id, words);
	await makeBar(page).focus();
	await page.keyboard.press('Enter');
	await expect(dialog(page)).toBeVisible();
	await dialog(page).getByRole('radio', { name: 'Question and answer' }).focus();
	await page.keyboard.press('Space');
	await expect(dialog(page).getByRole('textbox', { name: 'Front' })).toHaveValue('');
	await dialog(page).getByRole('button', { name: 'Save card' }).focus();
	await page.keyboard.press('Enter');
	await expect(dialog(page).getByRole('alert')).toHaveText(
		'Not saved: Write the front of the card: it is empty.'
	);
	expect(await countRows(page, 'ownCards')).toBe(0);
	await dialog(page).getByRole('textbox', { name: 'Front' }).focus();
	await page.keyboard.type('Which words open the article?');
	await dialog(page).getByRole('button', { name: 'Save card' }).focus();
	await page.keyboard.press('Enter');
	await expect(dialog(page)).toBeHidden();
	expect(await countRows(page, 'ownCards')).toBe(1);
	await page.getByRole('button', { name: 'Undo the card' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
	expect(await countRows(page, 'ownCards')).toBe(0);
	await expect(page.getByText('Your card from this paragraph:')).toBeHidden();
});

test('Cards: an empty card, a 100 KB paste and markup are refused; text shows as text', async ({
	page,
	consoleErrors
}) => {
	await page.goto('/cards');
	await page.getByRole('button', { name: 'Write a card' }).tap();
	const form = page.getByRole('form', { name: 'Write your own card' });
	const save = form.getByRole('button', { name: 'Save card' });
	await save.tap();
	await expect(form.getByRole('alert')).toHaveText(
		'Not saved: Write the front of the card: it is empty.'
	);
	await form.getByRole('textbox', { name: 'Front' }).fill('x'.repeat(100 * 1024));
	await form.getByRole('textbox', { name: 'Back' }).fill('y');
	await save.tap();
	await expect(form.getByRole('alert')).toContainText('at most 2,000 characters');
	await form.getByRole('textbox', { name: 'Front' }).fill('<script>window.pwned = 1</script>');
	await save.tap();
	await expect(form.getByRole('alert')).toContainText('plain text only');
	expect(await countRows(page, 'ownCards')).toBe(0);

	await form.getByRole('textbox', { name: 'Front' }).fill('Is 3 < 4 & is <3 a heart?');
	await form.getByRole('textbox', { name: 'Back' }).fill('Yes & yes');
	await save.tap();
	await expect(form).toBeHidden();
	expect(await countRows(page, 'ownCards')).toBe(1);
	await expect(
		page.getByRole('definition').filter({ hasText: 'Is 3 < 4 & is <3 a heart?' })
	).toBeVisible();
	expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
	expect(consoleErrors).toEqual([]);
});

test('Cards, by keyboard: write a card, edit it, delete it and undo the delete', async ({
	page
}) => {
	await page.goto('/cards');
	await page.getByRole('button', { name: 'Write a card' }).focus();
	await page.keyboard.press('Enter');
	const form = page.getByRole('form', { name: 'Write your own card' });
	await form.getByRole('textbox', { name: 'Front' }).focus();
	await page.keyboard.type('When did Barkhane end?');
	await page.keyboard.press('Tab');
	await page.keyboard.type('2022');
	await form.getByRole('button', { name: 'Save card' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Card details' })).toBeFocused();
	await page.getByRole('button', { name: 'Edit card' }).focus();
	await page.keyboard.press('Enter');
	const edit = page.getByRole('form', { name: 'Edit your card' });
	await edit.getByRole('textbox', { name: 'Back' }).fill('In 2022');
	await edit.getByRole('button', { name: 'Save card' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('definition').filter({ hasText: 'In 2022' })).toBeVisible();
	await page.getByRole('button', { name: 'Delete card' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Card details' })).toBeHidden();
	expect(await countRows(page, 'ownCards')).toBe(0);
	await page
		.getByRole('region', { name: 'Actions on selected cards' })
		.getByRole('button', { name: 'Undo' })
		.focus();
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: 'Undone: deleted your card.' })
	).toBeVisible();
	expect(await countRows(page, 'ownCards')).toBe(1);
	await page.getByRole('combobox', { name: 'Topic' }).selectOption('Your own cards');
	await expect(
		page.getByRole('list', { name: 'Cards' }).getByText('Your card', { exact: true })
	).toBeVisible();
});

test('your wording, by touch: shown in study and the browser, restore the original undoes it', async ({
	page
}) => {
	await page.goto('/study');
	const original = (await page.locator('#card-prompt').textContent())!.trim();
	await page.goto('/cards');
	await page.getByRole('combobox', { name: 'Sort by' }).selectOption('front');
	const row = page
		.getByRole('list', { name: 'Cards' })
		.getByRole('listitem')
		.filter({ hasText: original });
	await page.getByRole('searchbox', { name: 'Search front and back' }).fill(original.slice(0, 40));
	await row.getByRole('button', { name: /^Details/ }).tap();
	await page.getByRole('button', { name: 'Reword for yourself' }).tap();
	const form = page.getByRole('form', { name: 'Your wording of this card' });
	await expect(form.getByRole('textbox', { name: /Front/ })).toHaveValue(original);
	await form.getByRole('textbox', { name: /Front/ }).fill('In my words: what happened first?');
	await form.getByRole('button', { name: 'Save your wording' }).tap();
	await expect(page.getByText('Your wording', { exact: true }).first()).toBeVisible();
	expect(await countRows(page, 'cardWordings')).toBe(1);

	await page.goto('/study');
	await expect(page.locator('#card-prompt')).toHaveText('In my words: what happened first?');
	await expect(page.getByText('your wording')).toBeVisible();

	await page.goto('/cards');
	await page.getByRole('searchbox', { name: 'Search front and back' }).fill('In my words');
	await page.getByRole('button', { name: /^Details/ }).tap();
	await page.getByRole('button', { name: 'Restore the original' }).tap();
	await expect(page.getByRole('definition').filter({ hasText: original }).first()).toBeVisible();
	expect(await countRows(page, 'cardWordings')).toBe(0);
});

test('a leech offers Rewrite, which opens your wording of it', async ({ page }) => {
	await page.goto('/study');
	const first = bank.items.find((i) => ['flashcard', 'reverse', 'cloze'].includes(i.type))!;
	// rate once so the database exists, then make the card one forgotten seven times already
	await expect(page.locator('#card-prompt')).toHaveText(first.prompt);
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(page.locator('#card-prompt')).not.toHaveText(first.prompt);
	await expect.poll(() => countRows(page, 'reviews')).toBe(1);
	await page.evaluate(
		(itemId) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('sahel-brief');
				open.onsuccess = () => {
					const tx = open.result.transaction('cards', 'readwrite');
					const card = {
						itemId,
						factIds: [],
						due: new Date(Date.now() - 60_000),
						stability: 2,
						difficulty: 8,
						elapsed_days: 3,
						scheduled_days: 3,
						learning_steps: 0,
						reps: 30,
						lapses: 7,
						state: 2,
						last_review: new Date(Date.now() - 3 * 86_400_000)
					};
					tx.objectStore('cards').put(card);
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		first.id
	);
	await page.reload();
	await expect(page.locator('#card-prompt')).toHaveText(first.prompt);
	await page.getByRole('button', { name: 'Show answer' }).tap();
	await page.getByRole('button', { name: /^Again/ }).tap();
	await expect(page.getByRole('heading', { name: 'A card you keep forgetting' })).toBeVisible();
	await page.getByRole('link', { name: 'Rewrite it' }).tap();
	const form = page.getByRole('form', { name: 'Your wording of this card' });
	await expect(form).toBeVisible();
	await expect(form.getByRole('textbox', { name: /Front/ })).toHaveValue(first.prompt);
});

test('Settings: new cards shuffled, by keyboard, in the same order on every visit', async ({
	page
}) => {
	await page.goto('/study');
	const inOrder = (await page.locator('#card-prompt').textContent())!.trim();
	await page.goto('/settings');
	const order = page.getByRole('combobox', { name: 'New cards' });
	await order.focus();
	await order.selectOption('shuffled');
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.goto('/study');
	const shuffled = (await page.locator('#card-prompt').textContent())!.trim();
	expect(shuffled).not.toBe(inOrder);
	await page.reload();
	await expect(page.locator('#card-prompt')).toHaveText(shuffled);
});

test('an own card is studied, and is in the Quizlet export', async ({ page }) => {
	await openRead(page);
	await selectWords(page, firstParagraph.id, words);
	await makeBar(page).tap();
	await dialog(page).getByRole('button', { name: 'Save card' }).tap();
	await expect(dialog(page)).toBeHidden();
	const front = (await page.getByRole('link', { name: /_____/ }).textContent())!.trim();

	await page.goto('/study');
	let seen = false;
	for (let i = 0; i < 15 && !seen; i++) {
		const prompt = (await page.locator('#card-prompt').textContent())!.trim();
		seen = prompt === front;
		if (seen) break;
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
		await expect(page.locator('#card-prompt')).not.toHaveText(prompt);
	}
	expect(seen).toBe(true);
	await expect(page.getByText('Fill the gap · Your own cards')).toBeVisible();

	await page.goto('/settings');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export for Quizlet', exact: true }).click();
	const file = await downloading;
	const text = readFileSync((await file.path())!, 'utf8');
	expect(text.split('\n')).toContain(`${front}\t${words}`);
});

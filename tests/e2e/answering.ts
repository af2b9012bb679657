// Answering the question on screen in an assignment or a quiz, rightly or wrongly, as a
// student would: shared by the English and French assignment tests.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Bank, BankItem } from '../../src/lib/bank/types';
import { expect } from './fixtures';

export const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;

/** The bank item whose prompt is on screen. */
export async function itemOnScreen(page: Page): Promise<BankItem> {
	const shown = (await page.locator('main h3').first().textContent())!
		.replace('(blank)', '')
		.trim();
	// a flashcard and a multiple-choice item may share a prompt: the widget tells them apart
	const hasOptions = (await page.getByRole('radio').count()) > 0;
	const item = bank.items.find(
		(candidate) => candidate.prompt.trim() === shown && !!candidate.options === hasOptions
	);
	expect(item, `bank item for "${shown}"`).toBeTruthy();
	return item!;
}

/** Answers the question on screen, rightly or wrongly. */
export async function answer(page: Page, right: boolean): Promise<void> {
	const item = await itemOnScreen(page);
	if (item.options) {
		const choice = right ? item.answer : item.options.find((option) => option !== item.answer)!;
		await page.getByRole('radio', { name: choice, exact: true }).check();
	} else {
		await page.getByRole('textbox').fill(right ? item.answer : 'no idea');
	}
}

/** Builds an assignment of five one-tap questions (multiple choice, true or false) in /assign. */
export async function makeOneTapAssignment(
	page: Page,
	title: string,
	{ collectOnline = false } = {}
): Promise<string> {
	await page.goto('/assign');
	const types = page.getByRole('group', { name: 'Question types' });
	for (const box of await types.getByRole('checkbox').all()) {
		const name = (await box.evaluate((input) => input.parentElement?.textContent ?? '')).trim();
		await box.setChecked(['Multiple choice', 'True or false'].includes(name));
	}
	await page.getByLabel('Number of questions').selectOption('5');
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Your name').fill('Dr Diallo');
	if (collectOnline) await page.getByLabel('Collect receipts online').check();
	await page.getByRole('button', { name: 'Create assignment' }).click();
	return page.getByLabel('Assignment link', { exact: true }).inputValue();
}

// What a receipt proves, in the browser: two phones under one name, and an edited link.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { decodeAssignment, encodeAssignment } from '../../src/lib/assign/assignment-code';
import type { Bank } from '../../src/lib/bank/types';
import { expect, test } from './fixtures';

const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
const SHOTS = process.env.SHOTS_DIR;

/** Creates a one-attempt, two-question, true-or-false assignment on /assign; returns its link. */
async function createAssignment(page: Page, title: string): Promise<string> {
	await page.goto('/assign');
	const types = page.getByRole('group', { name: 'Question types' });
	for (const box of await types.getByRole('checkbox').all()) {
		const name = (await box.evaluate((input) => input.parentElement?.textContent ?? '')).trim();
		await box.setChecked(name === 'True or false');
	}
	await page.getByLabel('Number of questions').selectOption('5');
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Your name').fill('Dr Diallo');
	await page.getByLabel('Time limit in minutes (optional)').fill('10');
	await page.getByRole('button', { name: 'Create assignment' }).click();
	return page.getByLabel('Assignment link', { exact: true }).inputValue();
}

/** A phone of its own (its own storage, so its own signing key). */
async function phone(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	return context.newPage();
}

/** Takes the assignment under `name` and hands back the receipt code. */
async function receiptFrom(page: Page, link: string, name: string): Promise<string> {
	await page.goto(link);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Start' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	return page.getByLabel('Your receipt', { exact: true }).inputValue();
}

async function shoot(page: Page, name: string) {
	if (!SHOTS) return;
	for (const [w, h] of [
		[390, 844],
		[1280, 800]
	] as const) {
		await page.setViewportSize({ width: w, height: h });
		await page.screenshot({ path: `${SHOTS}/${name}-${w}.png`, fullPage: true });
	}
}

test('a receipt under her name from another phone is kept, both are flagged, and it does not replace hers', async ({
	page,
	browser,
	baseURL
}) => {
	const link = await createAssignment(page, 'Trust check');
	const hers = await phone(browser, baseURL!);
	const theirs = await phone(browser, baseURL!);
	const real = await receiptFrom(hers, link, 'Awa Traoré');
	const forged = await receiptFrom(theirs, link, 'AWA TRAORÉ');

	await page.goto('/gradebook');
	await page.getByLabel('Paste receipts, one per line').fill([real, forged].join('\n'));
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('status').filter({ hasText: '2 receipts imported.' })).toBeVisible();
	const students = page.getByRole('region', { name: 'Students' });
	await expect(students.getByRole('row', { name: /Awa Traoré/i })).toHaveCount(1);
	await expect(students.getByRole('row', { name: /Awa Traoré/i })).toContainText(
		'1 other receipt in conflict'
	);
	const receipts = page.getByRole('region', { name: 'Receipts' });
	// two devices signed under one name: both are flagged, as the order they came in proves
	// nothing; the first stays the name's row, the other is kept and not counted
	await expect(receipts.getByRole('row', { name: /^Awa Traoré/ })).toContainText('Another device');
	const other = receipts.getByRole('row', { name: /^AWA TRAORÉ/ });
	await expect(other).toContainText('Another device');
	await expect(other).toContainText('Kept, not counted');
	await page.getByText("What the gradebook checks, and what is the student's word").click();
	await shoot(page, 'gradebook');
	await hers.context().close();
	await theirs.context().close();
});

test('a link with a known id but other content is told, and both assignments are kept', async ({
	page,
	browser,
	baseURL
}) => {
	const link = await createAssignment(page, 'Corrected later');
	const code = link.slice(link.indexOf('#') + 1);
	const edited = encodeAssignment(
		{ ...decodeAssignment(code, bank), timeLimitSec: undefined, attemptsAllowed: 0 },
		bank
	);
	const student = await phone(browser, baseURL!);
	await student.goto(link);
	await expect(student.getByRole('heading', { name: 'Corrected later' })).toBeVisible();
	await expect(student.getByRole('alert')).toHaveCount(0);
	await student.goto(`${link.slice(0, link.indexOf('#'))}#${edited}`);
	await student.reload();
	await expect(student.getByRole('alert')).toContainText('Both are kept');
	await shoot(student, 'a-changed');
	await student.goto('/a');
	await expect(student.getByRole('link', { name: 'Corrected later' })).toHaveCount(2);
	await student.context().close();
});

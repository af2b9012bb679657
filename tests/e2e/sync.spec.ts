// Two browsers (a phone and a laptop) paired through the real sync server on 127.0.0.1:4190,
// the origin the test build allows (SYNC_ORIGIN, see package.json "test:e2e"; another port there
// lets two checkouts run these side by side).
import type { Browser, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSyncServer } from '../../scripts/sync-server/server';
import { answer, makeOneTapAssignment } from './answering';
import { countRows, expect, test, waitForServiceWorker } from './fixtures';

const SYNC_PORT = Number(new URL(process.env.SYNC_ORIGIN ?? 'ws://127.0.0.1:4190').port);

// one sync server on one port for the file (the build allows one origin): its tests take
// turns; two browsers and a server on a shared machine need longer than one page does
test.describe.configure({ mode: 'serial', timeout: 120_000 });

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

/** Starts a sync space on `page`; answers the code another device types to join it. */
async function startSpace(page: Page): Promise<string> {
	await page.goto('/sync');
	await page.getByRole('button', { name: 'Sync this device' }).click();
	await expect(page.getByRole('status', { name: 'On this device' })).toHaveText(/^Synced/);
	return (await page.getByTestId('sync-code').textContent())!;
}

/** Joins the space of `code` from `/sync` on `page`, and waits until it says Synced. */
async function joinSpace(page: Page, code: string) {
	await page.getByLabel(/type its code/).fill(code);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('status', { name: 'On this device' })).toHaveText(/^Synced/);
}

test('a phone and a laptop paired by a typed code end with every rating of both', async ({
	browser,
	page
}) => {
	await rate(page, 3);
	const code = await startSpace(page);
	await expect(page.getByRole('img', { name: /QR code that adds a device/ })).toBeVisible();
	expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$/);

	const laptop = await (await browser.newContext()).newPage();
	await rate(laptop, 2);
	await laptop.goto('/sync');
	// a mistyped code says so and joins nothing
	await laptop.getByLabel(/type its code/).fill('not a code');
	await laptop.getByRole('button', { name: 'Join' }).click();
	await expect(laptop.getByRole('alert')).toContainText('A sync code has 26 letters');
	await joinSpace(laptop, code.toLowerCase());

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

/** Takes a 5-question practice quiz of one-tap questions, every answer right; answers the score. */
async function takeQuiz(page: Page) {
	await page.goto('/quiz');
	await page.getByRole('radio', { name: '5', exact: true }).check();
	await page.getByText('Question types:').click();
	await page.getByRole('button', { name: 'No types' }).click();
	await page.getByRole('checkbox', { name: 'Multiple choice' }).check();
	await page.getByRole('checkbox', { name: 'True or false' }).check();
	await page.getByRole('button', { name: 'Start quiz' }).click();
	for (let n = 1; n <= 5; n++) {
		await expect(page.getByRole('heading', { name: `Question ${n} of 5` })).toBeVisible();
		await answer(page, true);
		await page.getByRole('button', { name: 'Check' }).click();
		await page.getByRole('button', { name: n < 5 ? 'Next' : 'Finish' }).click();
	}
	await expect(page.getByText('5 of 5 right', { exact: true })).toBeVisible();
}

const cardList = (page: Page) => page.getByRole('list', { name: 'Cards' });

test('quiz history and card marks made on one device show on the other', async ({
	browser,
	page
}) => {
	// the phone rates a card, suspends it and takes a quiz, then starts a space
	await rate(page, 1);
	await page.goto('/cards');
	const first = cardList(page).getByRole('checkbox').first();
	const front = await first.evaluate((box) =>
		(box as HTMLInputElement).labels![0]!.innerText.trim()
	);
	await first.check();
	await page.getByRole('button', { name: 'Suspend', exact: true }).click();
	await expect(cardList(page).getByText('Suspended', { exact: true })).toBeVisible();
	await takeQuiz(page);
	const code = await startSpace(page);

	// the laptop joins: the quiz is in its history, the card suspended in its browser
	const laptop = await (await browser.newContext()).newPage();
	await laptop.goto('/sync');
	await joinSpace(laptop, code);
	await expect.poll(() => countRows(laptop, 'attempts')).toBe(1);
	await laptop.goto('/quiz');
	const history = laptop.getByRole('region', { name: 'Past quizzes' });
	await expect(history).toContainText('5 of 5');
	await laptop.goto('/cards');
	await laptop.getByRole('combobox', { name: 'State', exact: true }).selectOption('suspended');
	await expect(cardList(laptop).getByRole('listitem')).toHaveCount(1);
	await expect(cardList(laptop).getByRole('checkbox', { name: front })).toBeVisible();

	// the laptop takes the suspension off and takes a quiz of its own: the phone sees both
	await cardList(laptop).getByRole('checkbox').first().check();
	await laptop.getByRole('button', { name: 'Unsuspend', exact: true }).click();
	await expect(laptop.getByText('No card matches')).toBeVisible();
	await takeQuiz(laptop);
	await expect.poll(() => countRows(page, 'attempts')).toBe(2);
	// the history is read when the page opens: open it again until the laptop's quiz is in it
	await expect
		.poll(
			async () => {
				await page.goto('/quiz');
				const history = page.getByRole('region', { name: 'Past quizzes' });
				await expect(history).toBeVisible();
				return history.getByRole('row').count();
			},
			{ timeout: 20_000 }
		)
		.toBe(3);
	await page.goto('/cards');
	await page.getByRole('combobox', { name: 'State', exact: true }).selectOption('suspended');
	await expect(page.getByText('No card matches')).toBeVisible();
});

/** Writes an own card in the card browser. */
async function writeCard(page: Page, front: string, back: string) {
	await page.goto('/cards');
	await page.getByRole('button', { name: 'Write a card' }).click();
	const form = page.getByRole('form', { name: 'Write your own card' });
	await form.getByRole('textbox', { name: 'Front' }).fill(front);
	await form.getByRole('textbox', { name: 'Back' }).fill(back);
	await form.getByRole('button', { name: 'Save card' }).click();
	await expect(page.getByRole('heading', { name: 'Card details' })).toBeVisible();
}

test('a card written on the phone is on the laptop; deleted there, it goes from the phone', async ({
	browser,
	page
}) => {
	await writeCard(page, 'Who asked Barkhane to leave?', "Mali's transitional authorities");
	const code = await startSpace(page);

	const laptop = await (await browser.newContext()).newPage();
	await laptop.goto('/sync');
	await joinSpace(laptop, code);
	await expect.poll(() => countRows(laptop, 'ownCards')).toBe(1);
	await laptop.goto('/cards');
	await laptop.getByRole('combobox', { name: 'Topic' }).selectOption('Your own cards');
	const details = cardList(laptop).getByRole('button', {
		name: 'Details: Who asked Barkhane to leave?'
	});
	await expect(details).toBeVisible();

	// the laptop deletes it: the phone loses it too, and it does not come back
	await details.click();
	await laptop.getByRole('button', { name: 'Delete card' }).click();
	await expect(laptop.getByRole('heading', { name: 'Card details' })).toBeHidden();
	await expect.poll(() => countRows(page, 'ownCards')).toBe(0);
	await page.reload();
	await expect(page.getByRole('status', { name: 'On this device' })).toHaveText(/^Synced/);
	expect(await countRows(page, 'ownCards')).toBe(0);
	expect(await countRows(laptop, 'ownCards')).toBe(0);
});

/** The instructor's gradebook for a new assignment that collects receipts online, still empty. */
async function collectingGradebook(page: Page, title: string) {
	const link = await makeOneTapAssignment(page, title, { collectOnline: true });
	await page.getByRole('link', { name: 'Open gradebook' }).click();
	const inbox = page.getByRole('status').filter({ hasText: 'Collecting receipts online' });
	await expect(inbox).toHaveText(/connected, 0 receipts in the class inbox/);
	return { link, inbox };
}

/** A student's phone at phone size, in a browser of its own. */
async function phone(browser: Browser, baseURL: string) {
	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	return context.newPage();
}

/** The student opens the app once, goes offline, and hands in the assignment with `right` answers right. */
async function handInOffline(student: Page, link: string, name: string, right: number) {
	await student.goto('/');
	await waitForServiceWorker(student);
	await student.context().setOffline(true);
	await student.goto(link);
	await student.getByLabel('Your name').fill(name);
	await student.getByRole('button', { name: 'Start' }).click();
	for (let i = 0; i < 5; i++) {
		await expect(student.getByText(`Question ${i + 1} of 5`)).toBeVisible();
		await answer(student, i < right);
		await student.getByRole('button', { name: i === 4 ? 'Submit' : 'Next' }).click();
	}
}

test('a receipt taken offline waits on the phone and arrives in the gradebook by itself', async ({
	page,
	browser,
	baseURL
}) => {
	// two browsers and a wait for the network to come back
	test.setTimeout(90_000);
	// the instructor makes an assignment that collects receipts online
	const { link, inbox } = await collectingGradebook(page, 'Week 4: online');

	// a student has opened the app once, then takes the assignment with no network
	const student = await phone(browser, baseURL!);
	await handInOffline(student, link, 'Awa Traoré', 4);
	const delivery = student
		.getByRole('status')
		.filter({ hasText: /receipt/ })
		.first();
	await expect(delivery).toHaveText(/Waiting to send your receipt/);
	// the manual path stays
	const receipt = await student.getByLabel('Your receipt', { exact: true }).inputValue();
	expect(receipt.length).toBeGreaterThan(20);
	expect(await countRows(student, 'outbox')).toBe(1);

	// the queue survives a reload, still offline; nothing reached the gradebook
	await student.goto('/a');
	await student.getByRole('button', { name: 'Show receipt' }).click();
	await expect(student.getByText(/Waiting to send your receipt/)).toBeVisible();
	await expect(inbox).toHaveText(/connected, 0 receipts/);
	expect(await countRows(page, 'submissions')).toBe(0);

	// back online: delivered, and the gradebook shows it without any import
	await student.context().setOffline(false);
	await expect(student.getByText(/Delivered: your receipt is in your class’s inbox/)).toBeVisible({
		timeout: 20_000
	});
	await expect(inbox).toHaveText(/connected, 1 receipt in the class inbox/);
	const row = page
		.getByRole('region', { name: 'Students' })
		.getByRole('row', { name: /Awa Traoré/ });
	await expect(row).toContainText('80%');
	await expect(row).not.toContainText('to check');
	await expect(page.getByRole('status').filter({ hasText: '1 receipt imported.' })).toBeVisible();
	expect(await countRows(page, 'submissions')).toBe(1);

	// the same receipt imported by hand as well is the duplicate it would be anyway
	await page.getByLabel('Paste receipts, one per line').fill(receipt);
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByText('This receipt was already imported.')).toBeVisible();

	// opening the gradebook again reads the inbox again, and stores nothing twice
	await page.reload();
	await expect(inbox).toHaveText(/connected, 1 receipt in the class inbox/);
	await expect(row).toContainText('80%');
	expect(await countRows(page, 'submissions')).toBe(1);
});

test('a receipt handed in offline leaves from another page, without /a open again', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const { link, inbox } = await collectingGradebook(page, 'Week 5: from any page');
	const student = await phone(browser, baseURL!);
	await handInOffline(student, link, 'Moussa Keita', 3);
	await expect(student.getByText(/Waiting to send your receipt/)).toBeVisible();

	// the tab is closed; later, still offline, the student opens the home page, then studies
	await student.goto('/');
	await student
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: 'Study' })
		.click();
	await expect(student).toHaveURL(/\/study$/);
	expect(await countRows(student, 'outbox')).toBe(1);
	await expect(inbox).toHaveText(/connected, 0 receipts/);

	// back online on /study: the receipt reaches the gradebook with no visit to /a
	await student.context().setOffline(false);
	await expect(inbox).toHaveText(/connected, 1 receipt in the class inbox/, { timeout: 20_000 });
	const row = page
		.getByRole('region', { name: 'Students' })
		.getByRole('row', { name: /Moussa Keita/ });
	await expect(row).toContainText('60%');
	await expect(student).toHaveURL(/\/study$/);

	// the outbox knows it left: the receipt screen says delivered, and nothing is sent twice
	await student.goto('/a');
	await student.getByRole('button', { name: 'Show receipt' }).click();
	await expect(student.getByText(/Delivered: your receipt is in your class’s inbox/)).toBeVisible();
	await page.reload();
	await expect(inbox).toHaveText(/connected, 1 receipt in the class inbox/);
	expect(await countRows(page, 'submissions')).toBe(1);
});

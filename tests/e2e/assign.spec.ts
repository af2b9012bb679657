import type { Browser, Page } from '@playwright/test';
import { answer, itemOnScreen } from './answering';
import { countRows, expect, test, waitForServiceWorker } from './fixtures';

// the types a test can answer by clicking an option or typing the answer
const SIMPLE_TYPES = ['Multiple choice', 'True or false', 'Who said it', 'Fill the gap', 'Numbers'];

/** Creates an assignment on /assign and returns its link. */
async function createAssignment(
	page: Page,
	{
		title,
		count = '5',
		timeLimit,
		feedback = 'after-submitting'
	}: { title: string; count?: string; timeLimit?: string; feedback?: string }
): Promise<string> {
	await page.goto('/assign');
	const types = page.getByRole('group', { name: 'Question types' });
	for (const box of await types.getByRole('checkbox').all()) {
		const name = (await box.evaluate((input) => input.parentElement?.textContent ?? '')).trim();
		await box.setChecked(SIMPLE_TYPES.includes(name));
	}
	await page.getByLabel('Number of questions').selectOption(count);
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Your name').fill('Dr Diallo');
	await page.getByLabel('Instructions').fill('Answer from the article. Good luck!');
	if (timeLimit) await page.getByLabel('Time limit in minutes (optional)').fill(timeLimit);
	await page.getByLabel('Students see what was right').selectOption(feedback);
	await page.getByRole('button', { name: 'Create assignment' }).click();
	const link = await page.getByLabel('Assignment link', { exact: true }).inputValue();
	expect(link).toMatch(/\/a#[A-Za-z0-9_-]+$/);
	return link;
}

/** The answer `answer` gave is on screen again. */
async function expectAnswerShown(page: Page, right: boolean): Promise<void> {
	const item = await itemOnScreen(page);
	if (item.options) {
		const choice = right ? item.answer : item.options.find((option) => option !== item.answer)!;
		await expect(page.getByRole('radio', { name: choice, exact: true })).toBeChecked();
	} else {
		await expect(page.getByRole('textbox')).toHaveValue(right ? item.answer : 'no idea');
	}
}

async function studentPage(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	return context.newPage();
}

/** A student opens the link on a phone of their own and starts under `name`. */
async function startAsStudent(
	browser: Browser,
	baseURL: string,
	link: string,
	name: string
): Promise<Page> {
	const student = await studentPage(browser, baseURL);
	await student.goto(link);
	await student.getByLabel('Your name').fill(name);
	await student.getByRole('button', { name: 'Start' }).click();
	return student;
}

test('an assignment goes from instructor to an offline student and back, scored by hand count', async ({
	page,
	browser,
	baseURL
}) => {
	const link = await createAssignment(page, { title: 'Week 3: the Sahel' });
	await expect(page.getByRole('img', { name: 'QR code of the assignment link' })).toBeVisible();
	expect(link.length).toBeLessThan(600);

	// the student has opened the app once before, then loses the network
	const student = await studentPage(browser, baseURL!);
	await student.goto('/');
	await waitForServiceWorker(student);
	await student.context().setOffline(true);
	await student.goto(link);
	await expect(student.getByRole('heading', { name: 'Week 3: the Sahel' })).toBeVisible();
	await expect(student.getByText('Answer from the article. Good luck!')).toBeVisible();
	await student.getByLabel('Your name').fill('Awa Traoré');
	await student.getByRole('button', { name: 'Start' }).click();

	// three right, two wrong: 60% by hand count
	for (let i = 0; i < 5; i++) {
		await expect(student.getByText(`Question ${i + 1} of 5`)).toBeVisible();
		await answer(student, i < 3);
		await student.getByRole('button', { name: i === 4 ? 'Submit' : 'Next' }).click();
	}
	await expect(
		student.getByRole('heading', { name: /Your score: 60% \(3 of 5 right\)/ })
	).toBeVisible();
	const receipt = await student.getByLabel('Your receipt', { exact: true }).inputValue();
	expect(receipt.length).toBeGreaterThan(20);

	// the student's list keeps it, and shows the same receipt again
	await student.goto('/a');
	await expect(student.getByRole('link', { name: 'Week 3: the Sahel' })).toBeVisible();
	await expect(student.getByText('Submitted')).toBeVisible();
	await student.getByRole('button', { name: 'Show receipt' }).click();
	await expect(student.getByLabel('Your receipt', { exact: true })).toHaveValue(receipt);
	await expect(
		student.getByRole('heading', { name: /Your score: 60% \(3 of 5 right\)/ })
	).toBeVisible();

	// the assignment counts in the student's progress
	await student.goto('/progress');
	await expect(student.getByTestId('total-quizzes')).toHaveText('1');
	await student
		.getByRole('region', { name: 'Quiz scores' })
		.getByRole('button', { name: 'Show as table' })
		.click();
	await expect(student.getByRole('row', { name: /Assignment 3 of 5 60%/ })).toBeVisible();

	// the instructor imports the receipt, a duplicate and a tampered copy
	await page.getByRole('link', { name: 'Open gradebook' }).click();
	const flipped = receipt.slice(0, 30) + (receipt[30] === 'A' ? 'B' : 'A') + receipt.slice(31);
	await page
		.getByLabel('Paste receipts, one per line')
		.fill([receipt, receipt, flipped].join('\n'));
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('status').filter({ hasText: '1 receipt imported.' })).toBeVisible();
	await expect(page.getByText('2 refused')).toBeVisible();
	const row = page
		.getByRole('region', { name: 'Students' })
		.getByRole('row', { name: /Awa Traoré/ });
	await expect(row).toContainText('60%');
	await expect(row).toContainText('3 / 5');
	await expect(row).toContainText('Passed');
	await expect(row).not.toContainText('to check');
	// what was checked is said per receipt: signed on her device, under the settings as made
	const checked = page
		.getByRole('region', { name: 'Receipts' })
		.getByRole('row', { name: /Awa Traoré/ });
	await expect(checked).toContainText('Same device');
	await expect(checked).toContainText('As set');
	await expect(checked).toContainText('Result');
	await page.getByText("What the gradebook checks, and what is the student's word").click();
	await expect(page.getByText('the attempt number;')).toBeVisible();
	expect(await countRows(page, 'submissions')).toBe(1);
	await expect(
		page.getByRole('heading', { name: 'What the class missed in the article' })
	).toBeVisible();
	await student.context().close();
});

test('a broken or tampered code is explained and stores nothing', async ({ page }) => {
	await page.goto('/a#not-a-real-code');
	await expect(
		page.getByRole('heading', { name: 'This assignment link does not work' })
	).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('Nothing was saved');
	expect(await countRows(page, 'assignments')).toBe(0);

	const link = await createAssignment(page, { title: 'Truncated' });
	await page.goto(link.slice(0, -12));
	await expect(
		page.getByRole('heading', { name: 'This assignment link does not work' })
	).toBeVisible();
	expect(await countRows(page, 'assignments')).toBe(1); // only the instructor's own copy
});

test('markup in a title, instructions and names shows as text and never runs', async ({
	page,
	browser,
	baseURL
}) => {
	const hostile = '<img src=x onerror="window.__pwned=1">';
	const link = await createAssignment(page, { title: hostile });
	const student = await studentPage(browser, baseURL!);
	await student.goto(link);
	await expect(student.getByRole('heading', { name: hostile })).toBeVisible();
	await student.getByLabel('Your name').fill(`<script>window.__pwned=2</script>`);
	await student.getByRole('button', { name: 'Start' }).click();
	await expect(student.getByText('Question 1 of 5')).toBeVisible();
	expect(await student.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
	expect(await student.locator('main img').count()).toBe(0);
	await student.context().close();
});

test('a time limit submits by itself when time runs out, keeping the answers', async ({
	page,
	browser,
	baseURL
}) => {
	const link = await createAssignment(page, { title: 'Quick check', timeLimit: '1' });
	const student = await studentPage(browser, baseURL!);
	await student.clock.install();
	await student.goto(link);
	// stop the page's clock, so the timer shows the whole minute however busy the machine is
	await student.clock.pauseAt(Date.now() + 1000);
	await student.getByLabel('Your name').fill('Moussa');
	await student.getByRole('button', { name: 'Start' }).click();
	await expect(student.getByRole('timer', { name: 'Time left' })).toContainText('1:00');
	await answer(student, true);
	await student.getByRole('button', { name: 'Next' }).click();
	await student.clock.runFor(61_000);
	// the time is up; the clock runs again, so whatever the hand-in waits for after the database
	// answers (on a busy machine, after runFor has returned) is not held by a stopped clock
	await student.clock.resume();
	await expect(
		student.getByRole('heading', { name: 'Submitted: hand in your receipt' })
	).toBeVisible();
	await expect(
		student.getByRole('heading', { name: /Your score: 20% \(1 of 5 right\)/ })
	).toBeVisible();
	await student.context().close();
});

test('a student takes an assignment with the keyboard alone', async ({
	page,
	browser,
	baseURL
}) => {
	const link = await createAssignment(page, { title: 'Keyboard only' });
	const student = await studentPage(browser, baseURL!);
	await student.goto(link);
	await student.getByLabel('Your name').focus();
	await student.keyboard.type('Kadi');
	await student.keyboard.press('Enter');
	for (let i = 0; i < 5; i++) {
		await expect(student.getByText(`Question ${i + 1} of 5`)).toBeVisible();
		const item = await itemOnScreen(student);
		if (item.options) {
			// into the radio group, then arrows until the right option is checked
			await student.getByRole('radio').first().focus();
			await student.keyboard.press('Space');
			for (let step = 0; step < item.options.length; step++) {
				if (await student.getByRole('radio', { name: item.answer, exact: true }).isChecked()) break;
				await student.keyboard.press('ArrowDown');
			}
			await student.keyboard.press('Tab');
			if (i > 0) {
				// from the second question on, Previous comes first, left of Next
				await expect(student.getByRole('button', { name: 'Previous' })).toBeFocused();
				await student.keyboard.press('Tab');
			}
			await expect(
				student.getByRole('button', { name: i === 4 ? 'Submit' : 'Next' })
			).toBeFocused();
			await student.keyboard.press('Enter');
		} else {
			await student.getByRole('textbox').focus();
			await student.keyboard.type(item.answer);
			await student.keyboard.press('Enter');
		}
	}
	await expect(
		student.getByRole('heading', { name: /Your score: 100% \(5 of 5 right\)/ })
	).toBeVisible();
	await student.context().close();
});

test('a student goes back with Previous to change an answer, and the receipt carries the change', async ({
	page,
	browser,
	baseURL
}) => {
	const link = await createAssignment(page, { title: 'Second thoughts' });
	const student = await startAsStudent(browser, baseURL!, link, 'Fatou');

	await expect(student.getByText('Question 1 of 5')).toBeVisible();
	await expect(student.getByRole('button', { name: 'Previous' })).toHaveCount(0);
	await answer(student, true);
	await student.getByRole('button', { name: 'Next' }).click();
	await expect(student.getByText('Question 2 of 5')).toBeVisible();
	await answer(student, true);

	// Previous keeps the second answer and shows the first again, focus on the question
	await student.getByRole('button', { name: 'Previous' }).click();
	await expect(student.getByText('Question 1 of 5')).toBeVisible();
	await expect(student.getByRole('heading', { name: 'Question 1 of 5' })).toBeFocused();
	await expectAnswerShown(student, true);
	await student.reload();
	await expect(student.getByText('Question 1 of 5')).toBeVisible();
	await expectAnswerShown(student, true);

	await answer(student, false);
	await student.getByRole('button', { name: 'Next' }).click();
	await expect(student.getByText('Question 2 of 5')).toBeVisible();
	await expectAnswerShown(student, true);
	await student.getByRole('button', { name: 'Next' }).click();
	for (let i = 2; i < 5; i++) {
		await expect(student.getByText(`Question ${i + 1} of 5`)).toBeVisible();
		await answer(student, true);
		await student.getByRole('button', { name: i === 4 ? 'Submit' : 'Next' }).click();
	}
	await expect(
		student.getByRole('heading', { name: /Your score: 80% \(4 of 5 right\)/ })
	).toBeVisible();

	// the gradebook recomputes the score from the answers the receipt carries
	const receipt = await student.getByLabel('Your receipt', { exact: true }).inputValue();
	await page.getByRole('link', { name: 'Open gradebook' }).click();
	await page.getByLabel('Paste receipts, one per line').fill(receipt);
	await page.getByRole('button', { name: 'Import' }).click();
	const row = page.getByRole('region', { name: 'Students' }).getByRole('row', { name: /Fatou/ });
	await expect(row).toContainText('80%');
	await expect(row).toContainText('4 / 5');
	await student.context().close();
});

test('"Submit now" hands in the answer on screen too', async ({ page, browser, baseURL }) => {
	const link = await createAssignment(page, { title: 'In a hurry' });
	const student = await startAsStudent(browser, baseURL!, link, 'Ibrahim');
	await answer(student, true);
	await student.getByRole('button', { name: 'Next' }).click();
	await expect(student.getByText('Question 2 of 5')).toBeVisible();
	await answer(student, true);
	await student.getByRole('button', { name: 'Submit now' }).click();
	await expect(
		student.getByRole('heading', { name: /Your score: 40% \(2 of 5 right\)/ })
	).toBeVisible();
	await student.context().close();
});

test('a question left blank is passed, and a reload resumes after it', async ({
	page,
	browser,
	baseURL
}) => {
	const link = await createAssignment(page, { title: 'Skipping' });
	const student = await startAsStudent(browser, baseURL!, link, 'Awa');
	await expect(student.getByText('Question 1 of 5')).toBeVisible();
	await student.getByRole('button', { name: 'Next' }).click();
	await expect(student.getByText('Question 2 of 5')).toBeVisible();
	await student.reload();
	await expect(student.getByText('Question 2 of 5')).toBeVisible();
	await student.context().close();
});

test('with immediate feedback, Check with nothing chosen says what to do and stays', async ({
	page,
	browser,
	baseURL
}) => {
	// choice and typed questions only: an ordering starts with an order on screen, so Check
	// always has an answer to grade
	const link = await createAssignment(page, { title: 'Feedback at once', feedback: 'immediately' });
	const student = await startAsStudent(browser, baseURL!, link, 'Moussa');
	await expect(student.getByText('Question 1 of 5')).toBeVisible();
	await student.getByRole('button', { name: 'Check' }).click();
	await expect(
		student.getByText('Choose or type an answer first, then choose Check.')
	).toBeAttached();
	await expect(student.getByText('Question 1 of 5')).toBeVisible();
	await expect(student.getByText(/undefined/)).toHaveCount(0);
	// a double tap on Next after Check moves one question, not two
	await answer(student, true);
	await student.getByRole('button', { name: 'Check' }).click();
	await student.getByRole('button', { name: 'Next' }).dblclick();
	await expect(student.getByText('Question 2 of 5')).toBeVisible();
	await student.context().close();
});

test('a receipt too long for one QR code is shown as numbered codes, and used up only once made', async ({
	page,
	browser,
	baseURL
}) => {
	await page.goto('/assign');
	const types = page.getByRole('group', { name: 'Question types' });
	for (const box of await types.getByRole('checkbox').all()) {
		const name = (await box.evaluate((input) => input.parentElement?.textContent ?? '')).trim();
		await box.setChecked(name === 'Fill the gap');
	}
	await page.getByLabel('Number of questions').selectOption('20');
	await page.getByLabel('Title', { exact: true }).fill('Long answers');
	await page.getByRole('button', { name: 'Create assignment' }).click();
	const link = await page.getByLabel('Assignment link', { exact: true }).inputValue();
	const student = await startAsStudent(browser, baseURL!, link, 'Aminata');
	// long answers in words a deflater cannot shrink much
	let seed = 7;
	const word = () =>
		Array.from({ length: 8 }, () =>
			String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))
		).join('');
	for (let i = 0; i < 20; i++) {
		await expect(student.getByText(`Question ${i + 1} of 20`)).toBeVisible();
		await student.getByRole('textbox').fill(Array.from({ length: 25 }, word).join(' '));
		await student.getByRole('button', { name: i === 19 ? 'Submit' : 'Next' }).click();
	}
	await expect(
		student.getByRole('heading', { name: 'Submitted: hand in your receipt' })
	).toBeVisible();
	const receipt = await student.getByLabel('Your receipt', { exact: true }).inputValue();
	const codes = student.getByRole('img', { name: /^QR code \d+ of \d+ of your receipt$/ });
	const count = await codes.count();
	expect(count).toBe(Math.ceil(receipt.length / 900));
	expect(count).toBeGreaterThan(1);

	// the whole receipt still imports as text
	await page.getByRole('link', { name: 'Open gradebook' }).click();
	await page.getByLabel('Paste receipts, one per line').fill(receipt);
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('status').filter({ hasText: '1 receipt imported.' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Students' }).getByRole('row', { name: /Aminata/ })
	).toContainText('0%');
	await student.context().close();
});

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Bank, BankItem, ItemType } from '../../src/lib/bank/types';
import { countRows, expect, test, waitForServiceWorker } from './fixtures';

const bank: Bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8'));
const STUDY_TYPES = new Set<ItemType>(['flashcard', 'reverse', 'cloze']);
const CHOICE_TYPES = new Set<ItemType>(['mcq', 'truefalse', 'who-said', 'map']);
const TEXT_TYPES = new Set<ItemType>(['flashcard', 'reverse', 'cloze', 'numeric']);

const questionHeading = (page: Page) =>
	page.getByRole('heading', { level: 2, name: /^Question \d+ of \d+$/ });

/**
 * The bank item on screen as question `n`, found by its prompt (and, where prompts repeat, by
 * its answer kind or entries).
 */
async function currentItem(page: Page, n: number): Promise<BankItem> {
	await expect(questionHeading(page)).toHaveText(new RegExp(`^Question ${n} of \\d+$`));
	const text = (await page.getByRole('heading', { level: 3 }).first().textContent()) ?? '';
	const prompt = text.replace('(blank)', '').trim();
	const candidates = bank.items.filter((item) => item.prompt === prompt);
	expect(candidates.length, `an item with the prompt "${prompt}"`).toBeGreaterThan(0);
	if (candidates.length === 1) return candidates[0]!;
	if (candidates.every((item) => item.type === 'ordering')) {
		// the timelines share one prompt: tell them apart by their entries
		const shown = (await currentOrder(page)).sort().join('|');
		return candidates.find((item) => [...item.sequence!].sort().join('|') === shown)!;
	}
	const radios = await page.getByRole('radio').count();
	const kinds = radios > 0 ? CHOICE_TYPES : TEXT_TYPES;
	const fitting = candidates.filter((item) => kinds.has(item.type));
	expect(fitting).toHaveLength(1);
	return fitting[0]!;
}

/** A wrong option of a choice item. */
const wrongOption = (item: BankItem) => item.options!.find((option) => option !== item.answer)!;

/** The entries of an ordering question in their current order, read from its list (which stays once checked, when the move buttons go). */
async function currentOrder(page: Page): Promise<string[]> {
	const group = page
		.getByRole('group')
		.filter({ has: page.getByRole('list') })
		.first();
	return (await group.getByRole('listitem').allTextContents()).map((text) =>
		text.replace(/^\s*\d+\s*/, '').trim()
	);
}

/** Answers the question on screen with the keyboard only; `right` picks the right or a wrong answer. */
async function answerByKeyboard(page: Page, item: BankItem, right: boolean) {
	if (CHOICE_TYPES.has(item.type)) {
		const target = right ? item.answer : wrongOption(item);
		const options = await page
			.getByRole('radio')
			.evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value));
		const index = options.indexOf(target);
		// from the question heading, Tab enters the radio group on its first option
		await page.keyboard.press('Tab');
		await expect(page.getByRole('radio').first()).toBeFocused();
		if (index === 0) await page.keyboard.press('Space');
		for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
		await expect(page.getByRole('radio', { name: target, exact: true })).toBeChecked();
		await page.getByRole('button', { name: 'Check' }).press('Enter');
	} else if (TEXT_TYPES.has(item.type)) {
		await page.keyboard.press('Tab');
		await expect(page.getByRole('textbox')).toBeFocused();
		await page.keyboard.type(right ? item.answer : 'zzzz');
		await page.keyboard.press('Enter'); // Enter in the field checks
	} else if (item.type === 'matching') {
		const pairs = item.pairs!;
		const rights = right
			? pairs.map((p) => p.right)
			: [...pairs.slice(1), pairs[0]!].map((p) => p.right);
		for (const [i, pair] of pairs.entries()) {
			const left = page.getByRole('button', { name: pair.left, exact: true });
			await left.press('Enter');
			await expect(left).toHaveAttribute('aria-pressed', 'true');
			await page.getByRole('button', { name: rights[i], exact: true }).press('Enter');
		}
		await expect(page.getByRole('button', { name: /^Unpair / })).toHaveCount(pairs.length);
		await page.getByRole('button', { name: 'Check' }).press('Enter');
	} else if (item.type === 'ordering') {
		if (right) {
			for (const [target, entry] of item.sequence!.entries()) {
				const from = (await currentOrder(page)).indexOf(entry);
				// focus stays on the moved entry's button, so Enter can be pressed again
				const up = page.getByRole('button', { name: `Move up: ${entry}`, exact: true });
				if (from > target) await up.focus();
				for (let i = from; i > target; i--) await page.keyboard.press('Enter');
			}
			expect(await currentOrder(page)).toEqual(item.sequence);
		}
		await page.getByRole('button', { name: 'Check' }).press('Enter');
	}
}

/** Starts a quiz from the builder with the keyboard: `count` and `mode` as labelled. */
async function startQuiz(page: Page, { count = '10', mode = 'Practice' } = {}) {
	await page.goto('/quiz');
	await page.getByRole('radio', { name: count, exact: true }).check();
	await page.getByRole('radio', { name: mode, exact: true }).check();
	await page.getByRole('button', { name: 'Start quiz' }).press('Enter');
	await expect(questionHeading(page)).toBeFocused();
}

test('a 10-question practice quiz shows all ten types and is done with the keyboard only', async ({
	page
}) => {
	await startQuiz(page);
	const types = new Set<ItemType>();
	for (let n = 1; n <= 10; n++) {
		await expect(questionHeading(page)).toHaveText(`Question ${n} of 10`);
		await expect(questionHeading(page)).toBeFocused();
		const item = await currentItem(page, n);
		types.add(item.type);
		await answerByKeyboard(page, item, true);
		await expect(page.getByText(/^Right\.$/)).toBeVisible();
		await expect(page.getByRole('link', { name: 'Read in context' })).toBeVisible();
		// practice answers are marked as they are given: there is no going back to change one
		await expect(page.getByRole('button', { name: 'Previous' })).toHaveCount(0);
		// after Check, focus waits on Next (Finish on the last question): Enter moves on
		await expect(page.getByRole('button', { name: n < 10 ? 'Next' : 'Finish' })).toBeFocused();
		await page.keyboard.press('Enter');
	}
	expect(types.size).toBe(10);
	await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
	await expect(page.getByText('10 of 10 right', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Retry mistakes' })).toHaveCount(0);
	expect(await countRows(page, 'attempts')).toBe(1);
});

test('on a phone, every type is answered by tapping, a map region by tapping the map', async ({
	page
}) => {
	await startQuiz(page);
	for (let n = 1; n <= 10; n++) {
		const item = await currentItem(page, n);
		// every other question wrong, so both verdicts are shown
		const right = n % 2 === 1;
		if (item.type === 'map') {
			const target = right ? item.answer : wrongOption(item);
			// the SVG is a visual aid hidden from assistive technology, so it has no role to find it by
			await page.locator(`[data-option="${target}"]`).first().tap();
			await expect(page.getByRole('radio', { name: target, exact: true })).toBeChecked();
		} else if (CHOICE_TYPES.has(item.type)) {
			await page
				.getByRole('radio', { name: right ? item.answer : wrongOption(item), exact: true })
				.tap();
		} else if (TEXT_TYPES.has(item.type)) {
			await page.getByRole('textbox').tap();
			await page.getByRole('textbox').fill(right ? item.answer : 'zzzz');
		} else if (item.type === 'matching') {
			for (const pair of item.pairs!) {
				await page.getByRole('button', { name: pair.left, exact: true }).tap();
				await page.getByRole('button', { name: pair.right, exact: true }).tap();
			}
			if (!right) {
				// change of mind: undo the first pair, which leaves the answer incomplete
				await page.getByRole('button', { name: `Unpair ${item.pairs![0]!.left}` }).tap();
			}
		} else if (item.type === 'ordering' && right) {
			for (const [target, entry] of item.sequence!.entries()) {
				const from = (await currentOrder(page)).indexOf(entry);
				for (let i = from; i > target; i--) {
					await page.getByRole('button', { name: `Move up: ${entry}`, exact: true }).tap();
				}
			}
		}
		await page.getByRole('button', { name: 'Check' }).tap();
		if (right) await expect(page.getByText(/^Right\.$/)).toBeVisible();
		else {
			await expect(page.getByText(/^(Wrong|Partly right)\.$/)).toBeVisible();
			await expect(page.getByText('Correct answer:')).toBeVisible();
		}
		await page.getByRole('button', { name: n < 10 ? 'Next' : 'Finish' }).tap();
	}
	await expect(page.getByText('5 of 10 right', { exact: true })).toBeVisible();
});

/** The stored plan and answers of the one attempt, read straight from IndexedDB. */
async function storedAttempt(page: Page) {
	return page.evaluate(
		() =>
			new Promise<{ itemIds: string[]; answers: string[]; position: number }>((resolve, reject) => {
				const open = indexedDB.open('sahel-brief');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('attempts').objectStore('attempts').getAll();
					request.onsuccess = () => {
						const [row] = request.result;
						open.result.close();
						resolve({
							itemIds: row.plan.questions.map((q: { itemId: string }) => q.itemId),
							answers: Object.keys(row.answers),
							position: row.position
						});
					};
				};
			})
	);
}

test('reloading mid-quiz resumes at the same question, with the same order and answers', async ({
	page,
	context
}) => {
	await startQuiz(page);
	const seen: string[] = [];
	for (let n = 1; n <= 4; n++) {
		const item = await currentItem(page, n);
		seen.push(item.id);
		await answerByKeyboard(page, item, n !== 2);
		if (n < 4) await page.getByRole('button', { name: 'Next' }).click();
	}
	// question 4 is checked, its feedback on screen: a reload must bring back exactly that
	await expect(page.getByText(/^Right\.$/)).toBeVisible();
	const before = await storedAttempt(page);
	expect(before.itemIds.slice(0, 4)).toEqual(seen);
	before.answers.sort();
	expect(before.answers).toEqual([...seen].sort());

	await page.reload();
	await expect(questionHeading(page)).toHaveText('Question 4 of 10');
	expect((await currentItem(page, 4)).id).toBe(seen[3]);
	await expect(page.getByText(/^Right\.$/)).toBeVisible();
	const after = await storedAttempt(page);
	after.answers.sort();
	expect(after).toEqual(before);

	// another tab does not jump into the quiz but offers to resume it; resuming there while this
	// tab runs it says so, and "Continue here" moves the quiz over, telling this tab
	const other = await context.newPage();
	await other.goto('/quiz');
	await expect(other.getByText('4 of 10 answered')).toBeVisible();
	await other.getByRole('button', { name: 'Resume quiz' }).click();
	await expect(
		other.getByRole('heading', { name: 'This quiz is open in another tab' })
	).toBeVisible();
	await other.getByRole('button', { name: 'Continue here' }).click();
	await expect(questionHeading(other)).toHaveText('Question 4 of 10');
	await expect(
		page.getByRole('heading', { name: 'This quiz is open in another tab' })
	).toBeVisible();
	await other.close();
	await page.getByRole('button', { name: 'Continue here' }).click();
	await expect(questionHeading(page)).toHaveText('Question 4 of 10');

	await page.getByRole('button', { name: 'Next' }).click();
	for (let n = 5; n <= 10; n++) {
		const item = await currentItem(page, n);
		expect(item.id).toBe(before.itemIds[n - 1]);
		await answerByKeyboard(page, item, true);
		await page.getByRole('button', { name: n < 10 ? 'Next' : 'Finish' }).click();
	}
	await expect(page.getByText('9 of 10 right', { exact: true })).toBeVisible();
});

test('results list each mistake with its explanation; "Retry mistakes" asks exactly those', async ({
	page
}) => {
	await startQuiz(page, { count: '5' });
	const asked: string[] = [];
	for (let n = 1; n <= 5; n++) {
		const item = await currentItem(page, n);
		asked.push(item.id);
		await answerByKeyboard(page, item, n > 3);
		await page.getByRole('button', { name: n < 5 ? 'Next' : 'Finish' }).click();
	}
	await expect(page.getByText('2 of 5 right', { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Questions to review (3)' })).toBeVisible();
	await expect(page.getByText('Correct answer:')).toHaveCount(3);
	await expect(page.getByRole('link', { name: 'Read in context' })).toHaveCount(3);
	await expect(page.getByRole('table').first()).toContainText('Topic');
	const history = page.getByRole('region', { name: 'Past quizzes' });
	await expect(history.getByRole('row')).toHaveCount(2);
	await expect(history).toContainText('2 of 5');

	await page.getByRole('button', { name: 'Retry mistakes' }).click();
	const retried: string[] = [];
	for (let n = 1; n <= 3; n++) {
		await expect(questionHeading(page)).toHaveText(`Question ${n} of 3`);
		const item = await currentItem(page, n);
		retried.push(item.id);
		await answerByKeyboard(page, item, true);
		await page.getByRole('button', { name: n < 3 ? 'Next' : 'Finish' }).click();
	}
	expect(retried.sort()).toEqual(asked.slice(0, 3).sort());
	await expect(page.getByText('3 of 3 right', { exact: true })).toBeVisible();

	// every mistake was later answered right: "Mistakes only" has nothing left to ask
	await page.getByRole('button', { name: 'New quiz' }).click();
	await expect(page.getByRole('checkbox', { name: 'Mistakes only' })).toBeDisabled();
	await expect(page.getByText('Not available yet')).toBeVisible();
});

test('an exam gives no feedback until the end and a time limit ends it with the answers kept', async ({
	page
}) => {
	await page.clock.install();
	await page.goto('/quiz');
	// stop the page's clock, so the timer shows the whole limit however busy the machine is
	await page.clock.pauseAt(Date.now() + 1000);
	await page.getByRole('radio', { name: '5', exact: true }).check();
	await page.getByRole('radio', { name: 'Exam', exact: true }).check();
	await page.getByRole('combobox', { name: 'Time limit' }).selectOption({ label: '5 minutes' });
	await page.getByRole('button', { name: 'Start quiz' }).click();
	await expect(page.getByRole('timer', { name: 'Time left' })).toContainText('5:00');
	const item = await currentItem(page, 1);
	await answerByKeyboardExam(page, item);
	await expect(questionHeading(page)).toHaveText('Question 2 of 5');
	await expect(page.getByText(/^(Right|Wrong)\.$/)).toHaveCount(0);
	// going back to an answer leaves the time limit running
	await page.getByRole('button', { name: 'Previous' }).click();
	await expect(questionHeading(page)).toHaveText('Question 1 of 5');

	await page.clock.runFor(5 * 60 * 1000 + 1000);
	await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
	await expect(page.getByText('Time is up.', { exact: true })).toBeVisible();
	await expect(page.getByText('1 of 5 right', { exact: true })).toBeVisible();
});

/** Exam mode: picks the right or a wrong option, or types the right or a wrong answer. */
async function giveAnswer(page: Page, item: BankItem, right: boolean) {
	if (CHOICE_TYPES.has(item.type)) {
		await page
			.getByRole('radio', { name: right ? item.answer : wrongOption(item), exact: true })
			.check();
	} else await page.getByRole('textbox').fill(right ? item.answer : 'zzzz');
}

/** The answer `giveAnswer` gave is on screen again. */
async function expectAnswerShown(page: Page, item: BankItem, right: boolean) {
	if (CHOICE_TYPES.has(item.type)) {
		const option = page.getByRole('radio', {
			name: right ? item.answer : wrongOption(item),
			exact: true
		});
		await expect(option).toBeChecked();
	} else await expect(page.getByRole('textbox')).toHaveValue(right ? item.answer : 'zzzz');
}

/** A 5-question exam of choice and typed questions only, so any answer can be made wrong. */
async function startExamOfChoiceAndTyped(page: Page) {
	await page.goto('/quiz');
	await page.getByText('Question types:').click();
	await page.getByRole('button', { name: 'No types' }).click();
	await page.getByRole('checkbox', { name: 'Multiple choice' }).check();
	await page.getByRole('checkbox', { name: 'Fill the gap' }).check();
	await page.getByRole('radio', { name: '5', exact: true }).check();
	await page.getByRole('radio', { name: 'Exam', exact: true }).check();
	await page.getByRole('button', { name: 'Start quiz' }).click();
}

test('in an exam, Previous goes back to change an answer, and the changed answer is marked', async ({
	page
}) => {
	await startExamOfChoiceAndTyped(page);

	const first = await currentItem(page, 1);
	await expect(page.getByRole('button', { name: 'Previous' })).toHaveCount(0);
	await giveAnswer(page, first, true);
	await page.getByRole('button', { name: 'Next' }).click();
	const second = await currentItem(page, 2);
	await giveAnswer(page, second, true);

	// Previous keeps the answer on screen and shows the first one again, from its heading
	await page.getByRole('button', { name: 'Previous' }).click();
	await expect(questionHeading(page)).toHaveText('Question 1 of 5');
	await expect(questionHeading(page)).toBeFocused();
	await expectAnswerShown(page, first, true);
	await page.reload();
	expect((await currentItem(page, 1)).id).toBe(first.id);
	await expectAnswerShown(page, first, true);

	// a change of mind is stored by Next, and a reload resumes at the question reached
	await giveAnswer(page, first, false);
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(questionHeading(page)).toBeFocused();
	await expectAnswerShown(page, second, true);
	await page.reload();
	expect((await currentItem(page, 2)).id).toBe(second.id);
	await expectAnswerShown(page, second, true);
	await page.getByRole('button', { name: 'Next' }).click();
	for (let n = 3; n <= 5; n++) {
		await giveAnswer(page, await currentItem(page, n), true);
		await page.getByRole('button', { name: n < 5 ? 'Next' : 'Finish' }).click();
	}

	await expect(page.getByText('4 of 5 right', { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Questions to review (1)' })).toBeVisible();
	const missed = (await page.getByRole('heading', { level: 4 }).textContent()) ?? '';
	expect(missed.replace('(blank)', '').trim()).toBe(first.prompt);
});

test('ending an exam early counts the answer on screen, not yet stored by Next', async ({
	page
}) => {
	await startExamOfChoiceAndTyped(page);
	await giveAnswer(page, await currentItem(page, 1), true);
	await page.getByRole('button', { name: 'Next' }).click();
	await giveAnswer(page, await currentItem(page, 2), true);
	await page.getByRole('button', { name: 'End quiz early' }).click();
	await expect(page.getByText('2 of 5 right', { exact: true })).toBeVisible();
});

/** Exam mode: the answer is given and Next stores it without a verdict. */
async function answerByKeyboardExam(page: Page, item: BankItem) {
	if (CHOICE_TYPES.has(item.type)) {
		await page.getByRole('radio', { name: item.answer, exact: true }).check();
	} else if (TEXT_TYPES.has(item.type)) {
		await page.getByRole('textbox').fill(item.answer);
	} else if (item.type === 'matching') {
		for (const pair of item.pairs!) {
			await page.getByRole('button', { name: pair.left, exact: true }).click();
			await page.getByRole('button', { name: pair.right, exact: true }).click();
		}
	} else {
		for (const [target, entry] of item.sequence!.entries()) {
			const from = (await currentOrder(page)).indexOf(entry);
			for (let i = from; i > target; i--) {
				await page.getByRole('button', { name: `Move up: ${entry}`, exact: true }).click();
			}
		}
	}
	await page.getByRole('button', { name: 'Next' }).click();
}

test('a quiz runs offline after one visit', async ({ page, context }) => {
	await page.goto('/quiz');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiz');
	await startQuiz(page, { count: '10' });
	for (let n = 1; n <= 10; n++) {
		const item = await currentItem(page, n);
		await answerByKeyboard(page, item, true);
		await expect(page.getByText(/^Right\.$/)).toBeVisible();
		await page.getByRole('button', { name: n < 10 ? 'Next' : 'Finish' }).click();
	}
	await expect(page.getByText('10 of 10 right', { exact: true })).toBeVisible();
});

/** Every card row, read straight from IndexedDB. */
async function storedCards(page: Page) {
	return page.evaluate(
		() =>
			new Promise<Array<{ itemId: string; factIds: string[]; due: Date; state: number }>>(
				(resolve, reject) => {
					const open = indexedDB.open('sahel-brief');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const request = open.result.transaction('cards').objectStore('cards').getAll();
						request.onsuccess = () => {
							open.result.close();
							resolve(request.result);
						};
					};
				}
			)
	);
}

test('a wrong answer makes the studied cards of its fact due now, and no other card', async ({
	page
}) => {
	// study one card to Easy, then copy it as an already-studied card for every study item
	await page.goto('/study');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Easy / }).click();
	await expect.poll(() => countRows(page, 'cards')).toBe(1);
	await page.evaluate(
		(items) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('sahel-brief');
				open.onsuccess = () => {
					const tx = open.result.transaction('cards', 'readwrite');
					const store = tx.objectStore('cards');
					const get = store.getAll();
					get.onsuccess = () => {
						const template = get.result[0];
						for (const { id, factIds } of items) store.put({ ...template, itemId: id, factIds });
					};
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		bank.items
			.filter((item) => STUDY_TYPES.has(item.type))
			.map(({ id, factIds }) => ({ id, factIds }))
	);
	const cardsBefore = await storedCards(page);
	expect(cardsBefore.every((card) => card.due.getTime() > Date.now())).toBe(true);
	const studiedFacts = new Set(cardsBefore.flatMap((card) => card.factIds));

	await startQuiz(page, { count: '10' });
	let missed: BankItem | undefined;
	const answeredAt = Date.now();
	for (let n = 1; n <= 10; n++) {
		const item = await currentItem(page, n);
		// the first question about a studied fact is answered wrong, every other one right
		const wrong = !missed && item.factIds.some((id) => studiedFacts.has(id));
		if (wrong) missed = item;
		await answerByKeyboard(page, item, !wrong);
		await page.getByRole('button', { name: n < 10 ? 'Next' : 'Finish' }).click();
	}
	expect(missed, 'a question about a studied fact').toBeDefined();
	await expect(page.getByText('9 of 10 right', { exact: true })).toBeVisible();

	const cardsAfter = await storedCards(page);
	expect(cardsAfter).toHaveLength(cardsBefore.length); // no card created
	const facts = new Set(missed!.factIds);
	const madeDue = cardsAfter.filter((card) => card.factIds.some((id) => facts.has(id)));
	expect(madeDue.length).toBeGreaterThan(0);
	for (const card of cardsAfter) {
		if (madeDue.includes(card)) {
			expect(card.due.getTime()).toBeGreaterThanOrEqual(answeredAt);
			expect(card.due.getTime()).toBeLessThanOrEqual(Date.now());
		} else expect(card.due.getTime()).toBeGreaterThan(Date.now());
	}

	// and the study page now has the fact due (one card of it: study buries a fact's siblings)
	await page.goto('/study');
	await expect(page.getByLabel('Cards left today')).toContainText(/\b[1-9]\d* due/);
});

test('in an exam, an answer picked and then a reload before Next comes back', async ({ page }) => {
	await startExamOfChoiceAndTyped(page);
	const first = await currentItem(page, 1);
	await giveAnswer(page, first, false);
	// the draft is written as it is made: wait for it to land, as a learner's phone would
	await expect
		.poll(async () =>
			page.evaluate(
				() =>
					new Promise<boolean>((resolve) => {
						const open = indexedDB.open('sahel-brief');
						open.onsuccess = () => {
							const request = open.result.transaction('attempts').objectStore('attempts').getAll();
							request.onsuccess = () => {
								open.result.close();
								resolve(request.result.some((row: { draft?: unknown }) => row.draft));
							};
						};
					})
			)
		)
		.toBe(true);
	await page.reload();
	expect((await currentItem(page, 1)).id).toBe(first.id);
	await expectAnswerShown(page, first, false);
});

test("starting a quiz in a second tab leaves the first tab's quiz running and every answer saved", async ({
	page,
	context
}) => {
	await startExamOfChoiceAndTyped(page);
	const other = await context.newPage();
	await startQuiz(other, { count: '5', mode: 'Practice' });
	await other.close();

	// the first tab carries on: each answer is stored, and the score matches the history
	for (let n = 1; n <= 5; n++) {
		const item = await currentItem(page, n);
		await giveAnswer(page, item, true);
		await page.getByRole('button', { name: n < 5 ? 'Next' : 'Finish' }).click();
	}
	await expect(page.getByText('5 of 5 right', { exact: true })).toBeVisible();
	await expect(page.getByText('Your answer could not be saved')).toHaveCount(0);
	await page.goto('/quiz');
	const history = page.getByRole('region', { name: 'Past quizzes' });
	await expect(history.getByText(/100%/)).toBeVisible();
});

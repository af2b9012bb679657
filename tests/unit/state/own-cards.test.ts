// Cards the learner owns, driven through the state classes the pages use: written in Cards
// or made from a selection in Read, reworded, restored, deleted, each undone; studied like
// the bank's; refused with a sentence when the text is bad, with nothing stored.
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Bank } from '$lib/bank/types';
import { studyItems } from '$lib/bank/study-items';
import { Rating } from '$lib/srs';
import { CardBrowser } from '$lib/state/cards.svelte';
import { ReadingState } from '$lib/state/reading.svelte';
import { StudySession } from '$lib/state/study-session.svelte';
import { DB_NAME } from '$lib/storage/db';
import { closeDatabase, database } from '$lib/storage/repository';
import { addReviews, reviewsOf } from '$lib/storage/review-log';

const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
vi.mock('$lib/state/bank', async (original) => ({
	...(await original<typeof import('$lib/state/bank')>()),
	getBank: async () => bank
}));

const START = new Date(2025, 5, 10, 12, 0);
const items = studyItems(bank);
const first = items[0]!;

async function openBrowser(clock = () => START): Promise<CardBrowser> {
	const browser = new CardBrowser(clock);
	await browser.load();
	expect(browser.status).toBe('ready');
	return browser;
}

const counts = async () => {
	const db = await database();
	return { own: await db.ownCards.count(), wordings: await db.cardWordings.count() };
};

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

describe('a card written in Cards', () => {
	test('is stored, listed as the learner’s own, opened, and Undo removes it', async () => {
		const browser = await openBrowser();
		expect(
			await browser.addCard({ kind: 'basic', front: 'Who ended Barkhane?', back: 'France' })
		).toBe(true);
		const mine = browser.rows.filter((r) => r.own);
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ front: 'Who ended Barkhane?', back: 'France', state: 'new' });
		expect(browser.openId).toBe(mine[0]!.itemId);
		expect(browser.openIsOwn).toBe(true);
		expect(browser.announcement).toBe('Added your card.');
		expect(browser.rows).toHaveLength(items.length + 1);

		await browser.undo();
		expect(browser.rows.filter((r) => r.own)).toHaveLength(0);
		expect(await counts()).toEqual({ own: 0, wordings: 0 });
	});

	test('Undo of a card already studied takes its schedule and reviews with it', async () => {
		const browser = await openBrowser();
		await browser.addCard({ kind: 'basic', front: 'Q?', back: 'A', paragraph: 'p1' });
		const id = browser.openId!;
		const db = await database();
		// as a rating in another tab would have written them
		await addReviews(db, [{ itemId: id, rating: 3, review: START, uid: 'other-tab' } as never]);
		await db.cards.put({ itemId: id, factIds: [], due: START } as never);
		await browser.undo();
		expect(await db.ownCards.count()).toBe(0);
		expect(await db.cards.get(id)).toBeUndefined();
		expect(await reviewsOf(db, id).then((r) => r.length)).toBe(0);
	});

	test.each([
		['an empty card', '', '', /front of the card: it is empty/],
		['a 100 KB paste', 'x'.repeat(100 * 1024), 'y', /at most 2,000 characters/],
		['markup', '<script>alert(1)</script>', 'y', /plain text only/],
		['a cloze with no gap', 'France ended Barkhane.', 'Barkhane', /keep _____/]
	])('%s is refused with a sentence and stores nothing', async (_, front, back, message) => {
		const browser = await openBrowser();
		const kind = /cloze/.test(_) ? 'cloze' : 'basic';
		expect(await browser.addCard({ kind, front, back })).toBe(false);
		expect(browser.formError).toMatch(message);
		expect(browser.canUndo).toBe(false);
		expect(await counts()).toEqual({ own: 0, wordings: 0 });
	});

	test('is edited in one step and Undo puts the old text back', async () => {
		const browser = await openBrowser();
		await browser.addCard({ kind: 'basic', front: 'Q one?', back: 'A one' });
		expect(await browser.saveEdit('Q two?', 'A two')).toBe(true);
		expect(browser.openItem).toMatchObject({ prompt: 'Q two?', answer: 'A two' });
		expect(await browser.saveEdit('Q three?', '<b>no</b>')).toBe(false);
		expect(browser.openItem).toMatchObject({ prompt: 'Q two?' });
		await browser.undo();
		expect(browser.openItem).toMatchObject({ prompt: 'Q one?', answer: 'A one' });
	});

	test('deleted with its reviews, and Undo brings the card and its history back', async () => {
		let now = START;
		const browser = await openBrowser(() => now);
		// of the first paragraph, so it comes among the first new cards
		await browser.addCard({ kind: 'basic', front: 'Q?', back: 'A', paragraph: 'p1' });
		const id = browser.openId!;

		const session = new StudySession(() => now);
		await session.load();
		// the own card is in the study queue: study until it shows, then rate it
		for (let i = 0; i < 40 && session.current?.id !== id; i++) {
			session.reveal();
			await session.rate(Rating.Easy);
			now = new Date(now.getTime() + 1000);
		}
		expect(session.current?.id).toBe(id);
		expect(session.currentMark).toBe('own');
		session.reveal();
		await session.rate(Rating.Good);
		session.dispose();

		await browser.load();
		await browser.open(id);
		expect(browser.history).toHaveLength(1);
		await browser.deleteOpen();
		expect(browser.rows.some((r) => r.itemId === id)).toBe(false);
		const db = await database();
		expect(await reviewsOf(db, id).then((r) => r.length)).toBe(0);
		expect(await db.cards.get(id)).toBeUndefined();

		await browser.undo();
		await browser.open(id);
		expect(browser.history).toHaveLength(1);
		expect(await db.cards.get(id)).toBeDefined();
	});
});

describe('your wording of a bank card', () => {
	test('is kept apart from the bank, shown, and "restore the original" undoes it', async () => {
		const browser = await openBrowser();
		await browser.open(first.id, { edit: true });
		expect(browser.editing).toBe(true);
		expect(await browser.saveEdit('My own question?', first.answer)).toBe(true);
		expect(browser.editing).toBe(false);
		expect(browser.openIsReworded).toBe(true);
		expect(browser.openItem?.prompt).toBe('My own question?');
		expect(browser.openOriginal?.prompt).toBe(first.prompt);
		expect(browser.rows.find((r) => r.itemId === first.id)).toMatchObject({
			front: 'My own question?',
			reworded: true
		});
		const stored = await (await database()).cardWordings.get(first.id);
		// only the side the learner changed is stored
		expect(stored).toMatchObject({ itemId: first.id, front: 'My own question?' });
		expect(stored?.back).toBeUndefined();

		await browser.restoreOriginal();
		expect(browser.openItem?.prompt).toBe(first.prompt);
		expect(browser.openIsReworded).toBe(false);
		expect(await counts()).toEqual({ own: 0, wordings: 0 });

		// and Undo of the restore brings the learner's wording back
		await browser.undo();
		expect(browser.openItem?.prompt).toBe('My own question?');
	});

	test('is what study shows, marked as the learner’s wording', async () => {
		const browser = await openBrowser();
		await browser.open(first.id);
		await browser.saveEdit('Reworded front?', 'Reworded back');
		const session = new StudySession(() => START);
		await session.load();
		expect(session.current?.id).toBe(first.id);
		expect(session.current).toMatchObject({ prompt: 'Reworded front?', answer: 'Reworded back' });
		expect(session.currentMark).toBe('reworded');
		session.dispose();
	});
});

describe('a card made from a selection in Read', () => {
	const paragraph = bank.pack.source.paragraphs[2]!;
	const words = paragraph.text.split(' ').slice(3, 5).join(' ');
	const start = paragraph.text.indexOf(words);
	const selection = {
		paragraph: paragraph.id,
		paragraphText: paragraph.text,
		start,
		end: start + words.length
	};

	test('starts as a cloze of the words, is stored with its paragraph and marked there', async () => {
		const reading = new ReadingState(() => START);
		reading.selection = selection;
		reading.startCard();
		expect(reading.draft?.back).toBe(words);
		expect(reading.draft?.front).toContain('_____');
		expect(await reading.saveCard(reading.draft!)).toBe(true);
		expect(reading.ownCardsOf(paragraph.id)).toHaveLength(1);
		expect(reading.ownCardsOf(paragraph.id)[0]).toMatchObject({
			kind: 'cloze',
			back: words,
			quote: words,
			paragraph: paragraph.id
		});

		const browser = await openBrowser();
		const row = browser.rows.find((r) => r.own)!;
		expect(row).toMatchObject({ type: 'cloze', back: words });

		await reading.undo();
		expect(reading.ownCardsOf(paragraph.id)).toHaveLength(0);
		expect(await counts()).toEqual({ own: 0, wordings: 0 });
	});

	test('a question left without its front is refused and the form stays open', async () => {
		const reading = new ReadingState(() => START);
		reading.selection = selection;
		reading.startCard('basic');
		expect(reading.draft).toMatchObject({ front: '', back: words });
		expect(await reading.saveCard(reading.draft!)).toBe(false);
		expect(reading.formError).toMatch(/front/);
		expect(reading.draft).toBeDefined();
		expect(await counts()).toEqual({ own: 0, wordings: 0 });
	});
});

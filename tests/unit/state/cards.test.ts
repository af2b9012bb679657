import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Bank } from '$lib/bank/types';
import { studyItems } from '$lib/bank/study-items';
import { hasFlags } from '$lib/srs/card-flags';
import { DEFAULT_STUDY_SETTINGS, Rating } from '$lib/srs';
import { CardBrowser } from '$lib/state/cards.svelte';
import { DB_NAME } from '$lib/storage/db';
import { closeDatabase, database, loadStudyDay, recordReview } from '$lib/storage/repository';

const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
vi.mock('$lib/state/bank', async (original) => ({
	...(await original<typeof import('$lib/state/bank')>()),
	getBank: async () => bank
}));

const START = new Date(2025, 5, 10, 12, 0);
const MINUTE = 60_000;
const items = studyItems(bank);
const [first, second] = items;

async function rate(itemId: string, rating: 1 | 2 | 3 | 4, at: Date) {
	const factIds = items.find((i) => i.id === itemId)!.factIds;
	return recordReview({ itemId, factIds, rating, at }, DEFAULT_STUDY_SETTINGS);
}

async function openBrowser(clock = () => START): Promise<CardBrowser> {
	const browser = new CardBrowser(clock);
	await browser.load();
	expect(browser.status).toBe('ready');
	return browser;
}

const row = (browser: CardBrowser, id: string) => browser.rows.find((r) => r.itemId === id)!;

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

describe('the card browser', () => {
	test('lists every study card, new ones included, with the state and last rating', async () => {
		await rate(first!.id, Rating.Good, START);
		const browser = await openBrowser();
		expect(browser.rows).toHaveLength(items.length);
		expect(row(browser, first!.id)).toMatchObject({ state: 'learning', lastRating: Rating.Good });
		expect(row(browser, second!.id).state).toBe('new');
	});

	test('search narrows the visible rows as the text changes', async () => {
		const browser = await openBrowser();
		const word = first!.prompt.split(/\s+/).find((w) => w.length > 6)!;
		browser.query.text = word;
		expect(browser.visible.length).toBeGreaterThan(0);
		expect(
			browser.visible.every((r) =>
				`${r.front} ${r.back}`.toLowerCase().includes(word.toLowerCase())
			)
		).toBe(true);
	});

	test('suspending a selection keeps it out of study, and Undo brings it back', async () => {
		const browser = await openBrowser();
		browser.toggle(first!.id);
		browser.toggle(second!.id);
		await browser.apply('suspend');
		expect(browser.announcement).toBe('Suspended 2 cards.');
		expect(row(browser, first!.id).state).toBe('suspended');
		const day = await loadStudyDay(new Date(0), START);
		expect(day.flags.get(first!.id)?.suspended).toBe(true);

		await browser.undo();
		expect(row(browser, first!.id).state).toBe('new');
		expect(browser.canUndo).toBe(false);
		// no mark is left; the rows keep when the suspension was taken back, for sync
		const rows = await (await database()).cardFlags.toArray();
		expect(rows.filter(hasFlags)).toEqual([]);
		// (a millisecond after the suspension: a later change always outranks the one it undoes)
		const undoneAt = START.getTime() + 1;
		expect(rows.map((r) => r.markedAt?.suspended)).toEqual([undoneAt, undoneAt]);
	});

	test('bury lasts until the study day ends (4 am), then the card is back', async () => {
		let now = START;
		const browser = await openBrowser(() => now);
		await browser.apply('bury', [first!.id]);
		expect(row(browser, first!.id).state).toBe('buried');
		const flags = (await loadStudyDay(new Date(0), START)).flags;
		expect(flags.get(first!.id)?.buriedUntil).toEqual(new Date(2025, 5, 11, 4));
		now = new Date(2025, 5, 11, 5);
		await browser.load();
		expect(row(browser, first!.id).state).toBe('new');
	});

	test('a marked card keeps its marks when a rating replays it', async () => {
		const browser = await openBrowser();
		await browser.apply({ flag: 'red' }, [first!.id]);
		await rate(first!.id, Rating.Good, START);
		await browser.load();
		expect(row(browser, first!.id)).toMatchObject({ flag: 'red', state: 'learning' });
	});

	test('reset makes a card new, later ratings schedule from scratch, and the history stays', async () => {
		await rate(first!.id, Rating.Good, START);
		await rate(first!.id, Rating.Good, new Date(START.getTime() + 10 * MINUTE));
		let now = new Date(START.getTime() + 20 * MINUTE);
		const browser = await openBrowser(() => now);
		const before = row(browser, first!.id);
		expect(before.state).toBe('review');

		await browser.apply('reset', [first!.id]);
		expect(row(browser, first!.id).state).toBe('new');
		now = new Date(START.getTime() + 30 * MINUTE);
		const rated = await rate(first!.id, Rating.Good, now);
		// one rating since the reset: back at the first learning step, not a review
		expect(rated.card.reps).toBe(1);

		await browser.open(first!.id);
		expect(browser.history.map((h) => h.rating)).toEqual([Rating.Good, Rating.Good, Rating.Good]);
	});

	test('undo of a reset puts the card back exactly', async () => {
		await rate(first!.id, Rating.Easy, START);
		const browser = await openBrowser(() => new Date(START.getTime() + MINUTE));
		const stored = await (await database()).cards.get(first!.id);
		await browser.apply('reset', [first!.id]);
		await browser.undo();
		expect(await (await database()).cards.get(first!.id)).toEqual(stored);
		// not reset any more, and the Undo's time is kept so a synced device takes it too
		expect(await (await database()).cardFlags.get(first!.id)).toEqual({
			itemId: first!.id,
			markedAt: { resetAt: START.getTime() + MINUTE + 1 }
		});
	});

	test('a double tap applies an action once', async () => {
		const browser = await openBrowser();
		await Promise.all([
			browser.apply('suspend', [first!.id]),
			browser.apply('suspend', [first!.id])
		]);
		await browser.undo();
		expect(row(browser, first!.id).state).toBe('new');
	});

	test('a failed write shows a sentence and changes nothing', async () => {
		const browser = await openBrowser();
		const db = await database();
		const spy = vi.spyOn(db.cardFlags, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
		await browser.apply('suspend', [first!.id]);
		expect(browser.error).toContain('disk full');
		expect(browser.canUndo).toBe(false);
		spy.mockRestore();
		expect(row(browser, first!.id).state).toBe('new');
	});

	test('the history lists each rating with its interval', async () => {
		await rate(first!.id, Rating.Good, START);
		await rate(first!.id, Rating.Good, new Date(START.getTime() + 10 * MINUTE));
		const browser = await openBrowser();
		await browser.open(first!.id);
		expect(browser.openItem?.id).toBe(first!.id);
		expect(browser.history).toHaveLength(2);
		expect(browser.history[0]!.interval).toBe('10m');
	});
});

describe('leeches', () => {
	/** Rates `itemId` until it has `lapses` lapses and is back in review; answers the time after. */
	async function lapse(itemId: string, lapses: number): Promise<Date> {
		let t = START.getTime();
		const step = async (rating: 1 | 3) => {
			const { card } = await rate(itemId, rating, new Date(t));
			t = Math.max(t + MINUTE, card.due.getTime());
			return card;
		};
		let card = await step(3);
		while (card.state !== 2) card = await step(3);
		for (let i = 0; i < lapses; i++) {
			card = await step(1);
			while (card.state !== 2) card = await step(3);
		}
		return new Date(t);
	}

	test('the eighth lapse in study offers to suspend the card, and suspending keeps it out', async () => {
		const { StudySession } = await import('$lib/state/study-session.svelte');
		const due = await lapse(first!.id, 7);
		const session = new StudySession(() => due);
		await session.load();
		expect(session.current?.id).toBe(first!.id);
		session.reveal();
		await session.rate(Rating.Again);
		expect(session.leech).toMatchObject({ itemId: first!.id, lapses: 8 });

		await session.suspendLeech();
		expect(session.leech).toBeUndefined();
		const browser = await openBrowser(() => due);
		expect(row(browser, first!.id)).toMatchObject({ state: 'suspended', leech: true });
		browser.query.flag = 'leech';
		expect(browser.visible.map((r) => r.itemId)).toEqual([first!.id]);
	});

	test('an Again short of eight lapses offers nothing', async () => {
		const { StudySession } = await import('$lib/state/study-session.svelte');
		const due = await lapse(first!.id, 2);
		const session = new StudySession(() => due);
		await session.load();
		session.reveal();
		await session.rate(Rating.Again);
		expect(session.leech).toBeUndefined();
	});
});

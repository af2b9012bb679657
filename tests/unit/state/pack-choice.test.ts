// Two articles on one device: the learner chooses one, and each keeps its own progress. The
// second pack is the tiny test fixture (never shipped), built by the real generator and served
// to the app as the build would serve it.
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { buildPack } from '$lib/bank/build-pack';
import { studyItems } from '$lib/bank/study-items';
import { buildCatalog, formatCatalog } from '$lib/bank/catalog';
import type { Bank } from '$lib/bank/types';
import { DEFAULT_STUDY_SETTINGS } from '$lib/srs/settings';
import { createScheduler, newCard, Rating } from '$lib/srs';
import { DB_NAME } from '$lib/storage/db';
import { closeDatabase, database } from '$lib/storage/repository';
import { tinyFiles, worldAtlas } from '../bank/fixtures';
import { addReviews, reviewCount } from '$lib/storage/review-log';

const REAL = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
const TINY = buildPack('tiny', tinyFiles(), worldAtlas(), { minItems: 0 }).generated.bank;
const NOW = new Date(2025, 5, 10, 12, 0);

/** Serves the index and both banks, as static/bank/ would; anything else is a 404. */
function serve(files: Record<string, string>) {
	vi.stubGlobal('fetch', async (url: string) =>
		url in files ? new Response(files[url]) : new Response('', { status: 404 })
	);
}

const twoPacks = () => ({
	'/bank/index.json': formatCatalog(
		buildCatalog([
			{ bank: REAL, hasMap: true },
			{ bank: TINY, hasMap: false }
		])
	),
	'/bank/france-mali-2025.json': JSON.stringify(REAL),
	'/bank/tiny.json': JSON.stringify(TINY)
});

/** A fresh copy of the state modules, as a new page load has (their caches are per visit). */
async function freshPage() {
	vi.resetModules();
	const bank = await import('$lib/state/bank');
	const { TodayOverview } = await import('$lib/state/today.svelte');
	const { ProgressOverview } = await import('$lib/state/progress.svelte');
	return { bank, TodayOverview, ProgressOverview };
}

/**
 * The real pack studied: twenty new cards today (the day's new-card limit), and one card of
 * another fact, studied last week, due now.
 */
async function studyTheRealPack() {
	const scheduler = createScheduler(DEFAULT_STUDY_SETTINGS);
	const db = await database();
	const items = studyItems(REAL);
	const today = items.slice(0, DEFAULT_STUDY_SETTINGS.newPerDay);
	const facts = new Set(today.flatMap((item) => item.factIds));
	const due = items.find((item) => item.factIds.every((id) => !facts.has(id)))!;
	const rate = async (item: (typeof items)[number], at: Date, dueAt?: Date) => {
		const { card, review } = scheduler.rateCard(
			newCard(item.id, item.factIds, at),
			Rating.Easy,
			at
		);
		await db.cards.put(dueAt ? { ...card, due: dueAt } : card);
		await addReviews(db, [{ ...review, uid: `${item.id}-${at.getTime()}` }]);
	};
	for (const [i, item] of today.entries())
		await rate(item, new Date(NOW.getTime() - 3_600_000 + i * 1000));
	await rate(due, new Date(NOW.getTime() - 7 * 86_400_000), new Date(NOW.getTime() - 1));
}

let storage: Map<string, string>;
beforeEach(() => {
	storage = new Map();
	vi.stubGlobal('localStorage', {
		getItem: (key: string) => storage.get(key) ?? null,
		setItem: (key: string, value: string) => void storage.set(key, value),
		removeItem: (key: string) => void storage.delete(key)
	});
});
afterEach(async () => {
	vi.unstubAllGlobals();
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

// each test loads the state modules afresh, as a page does: slower than most unit tests
describe('choosing the article', { timeout: 30_000 }, () => {
	test('the default article until another is chosen, and the choice is remembered', async () => {
		serve(twoPacks());
		let page = await freshPage();
		expect(page.bank.chosenPackId()).toBe('france-mali-2025');
		expect((await page.bank.getBank()).pack.id).toBe('france-mali-2025');
		page.bank.choosePack('tiny');
		page = await freshPage();
		expect((await page.bank.getBank()).pack.id).toBe('tiny');
	});

	test('a chosen article the build no longer lists is forgotten, and the default studied', async () => {
		const files = twoPacks();
		files['/bank/index.json'] = formatCatalog(buildCatalog([{ bank: REAL, hasMap: true }]));
		delete (files as Partial<typeof files>)['/bank/tiny.json'];
		serve(files);
		storage.set('sahel-brief:pack', 'tiny');
		const page = await freshPage();
		expect((await page.bank.getBank()).pack.id).toBe('france-mali-2025');
		expect(page.bank.chosenPackId()).toBe('france-mali-2025');
	});

	test('a listed article that cannot load now (offline) says so, and the choice is kept', async () => {
		const files = twoPacks();
		delete (files as Partial<typeof files>)['/bank/tiny.json'];
		serve(files);
		storage.set('sahel-brief:pack', 'tiny');
		const page = await freshPage();
		await expect(page.bank.getBank()).rejects.toThrow(/not found/);
		expect(page.bank.chosenPackId()).toBe('tiny');
		// and a pack asked for by name (an assignment's) is never swapped for another
		storage.clear();
		await expect(page.bank.getBank('tiny')).rejects.toThrow(/not found/);
	});

	test('a first visit is not a returning learner; after some study it is', async () => {
		serve(twoPacks());
		let page = await freshPage();
		let today = new page.TodayOverview();
		await today.load(NOW);
		await vi.waitFor(() => expect(today.loaded).toBe(true));
		expect(today.returning).toBe(false);
		await studyTheRealPack();
		page = await freshPage();
		today = new page.TodayOverview();
		await today.load(NOW);
		await vi.waitFor(() => expect(today.returning).toBe(true));
	});

	test('with storage blocked the choice lasts for the visit', async () => {
		serve(twoPacks());
		vi.stubGlobal('localStorage', {
			getItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			removeItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			}
		});
		const page = await freshPage();
		const today = new page.TodayOverview();
		await today.load(NOW);
		expect(today.packId).toBe('france-mali-2025');
		await today.choose('tiny', NOW);
		expect(today.packId).toBe('tiny');
		expect(page.bank.chosenPackId()).toBe('tiny');
	});

	test('Today offers the articles of the index, and none while there is one', async () => {
		serve(twoPacks());
		let page = await freshPage();
		let today = new page.TodayOverview();
		await today.load(NOW);
		await vi.waitFor(() =>
			expect(today.articles.map((a) => a.id)).toEqual(['france-mali-2025', 'tiny'])
		);
		const files = twoPacks();
		files['/bank/index.json'] = formatCatalog(buildCatalog([{ bank: REAL, hasMap: true }]));
		serve(files);
		page = await freshPage();
		today = new page.TodayOverview();
		await today.load(NOW);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(today.articles).toEqual([]);
	});
});

describe('each article keeps its own progress', { timeout: 30_000 }, () => {
	test("Today counts the chosen article's cards, and its own new-card limit", async () => {
		serve(twoPacks());
		// what the tiny article offers on a device that studied nothing
		let page = await freshPage();
		page.bank.choosePack('tiny');
		const untouched = new page.TodayOverview();
		await untouched.load(NOW);
		expect(untouched.counts?.newToday).toBeGreaterThan(0);
		page.bank.choosePack('france-mali-2025');

		await studyTheRealPack();
		page = await freshPage();
		const today = new page.TodayOverview();
		await today.load(NOW);
		expect(today.title).toBe(REAL.pack.title);
		expect(today.counts).toMatchObject({ dueNow: 1, newToday: 0 });

		await today.choose('tiny', NOW);
		expect(today.packId).toBe('tiny');
		expect(today.title).toBe(TINY.pack.title);
		// the real pack's due card and its twenty new cards today count for it alone
		expect(today.counts).toEqual(untouched.counts);
	});

	test("Progress shows the chosen article's reviews only", async () => {
		serve(twoPacks());
		await studyTheRealPack();
		let page = await freshPage();
		let progress = new page.ProgressOverview();
		await progress.load(NOW);
		expect(progress.reviewCount).toBe(DEFAULT_STUDY_SETTINGS.newPerDay + 1);

		page.bank.choosePack('tiny');
		page = await freshPage();
		progress = new page.ProgressOverview();
		await progress.load(NOW);
		expect(progress.reviewCount).toBe(0);
		expect(progress.empty).toBe(true);
		// nothing was deleted: the first article's progress is all there when it is chosen again
		expect(await reviewCount(await database())).toBe(DEFAULT_STUDY_SETTINGS.newPerDay + 1);
	});
});

describe('quizzes stay with their article', { timeout: 30_000 }, () => {
	/** An unfinished quiz of the real pack, one answer wrong. */
	async function realQuizLeftOpen() {
		const { quizPlan } = await import('$lib/attempt');
		const [first, second] = REAL.items.filter((item) => item.type === 'truefalse');
		await (
			await database()
		).attempts.put({
			id: 'real-open',
			kind: 'quiz',
			startedAt: new Date(NOW.getTime() - 60_000),
			plan: quizPlan(
				{ topics: 'all', types: 'all', count: 5, mode: 'practice', mistakesOnly: false, seed: 's' },
				[first!, second!].map((item) => ({ itemId: item.id, type: item.type }))
			),
			answers: {
				[first!.id]: {
					response: { kind: 'choice', choice: 'x' },
					correct: false,
					score: 0,
					answeredAt: new Date(NOW.getTime() - 30_000)
				}
			},
			position: 1
		});
	}

	test("another article's mistakes and unfinished quiz are neither offered nor ended", async () => {
		serve(twoPacks());
		await realQuizLeftOpen();
		storage.set('sahel-brief:pack', 'tiny');
		const page = await freshPage();
		const { QuizRun } = await import('$lib/state/quiz-run.svelte');
		const quiz = new QuizRun(() => NOW);
		await quiz.load();
		expect(quiz.mistakeCount).toBe(0);
		expect(quiz.resumable).toBeUndefined();
		await quiz.start({
			topics: 'all',
			types: 'all',
			count: 5,
			mode: 'practice',
			mistakesOnly: false
		});
		expect(quiz.phase).toBe('running');
		expect((await (await database()).attempts.get('real-open'))?.finishedAt).toBeUndefined();
		quiz.dispose();

		// back on the real article, its quiz is still there to resume, and its mistake counts
		page.bank.choosePack('france-mali-2025');
		const back = new (await freshPage().then(() => import('$lib/state/quiz-run.svelte'))).QuizRun(
			() => NOW
		);
		await back.load();
		expect(back.mistakeCount).toBe(1);
		expect(back.resumable?.id).toBe('real-open');
		back.dispose();
	});
});

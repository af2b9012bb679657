import { describe, expect, test } from 'vitest';
import {
	buildQueue,
	DEFAULT_SECONDS_PER_CARD,
	planQueue,
	queueCounts
} from '../../../src/lib/srs/queue';
import { createScheduler, newCard } from '../../../src/lib/srs/scheduler';
import { Rating, State, type StudyCard } from '../../../src/lib/srs/types';
import {
	at,
	item,
	learningCard,
	NOW,
	queueInput,
	reviewCard,
	reviewLog,
	settings
} from './fixtures';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('order', () => {
	test('due review cards come first, most overdue first, then new cards, then later steps', () => {
		const items = ['new1', 'rev-2d', 'learn-later', 'rev-9d', 'new2', 'rev-today'].map((id) =>
			item(id)
		);
		const cards: StudyCard[] = [
			reviewCard('rev-2d', at(8, 9)),
			reviewCard('rev-9d', at(1, 9)),
			reviewCard('rev-today', at(10, 8)),
			learningCard('learn-later', at(10, 12, 10))
		];
		expect(buildQueue(queueInput({ items, cards }))).toEqual([
			'rev-9d',
			'rev-2d',
			'rev-today',
			'new1',
			'new2',
			'learn-later'
		]);
	});

	test('a review card due later today is studied now, one due tomorrow is not', () => {
		const items = [item('this-evening'), item('tomorrow'), item('after-midnight')];
		const cards = [
			reviewCard('this-evening', at(10, 21)),
			reviewCard('tomorrow', at(11, 9)),
			// before 4 am on the 11th is still the study day of the 10th
			reviewCard('after-midnight', at(11, 2))
		];
		expect(buildQueue(queueInput({ items, cards }))).toEqual(['this-evening', 'after-midnight']);
	});

	test('learning steps already due come before reviews, in due order', () => {
		const items = [item('rev'), item('learn-b'), item('learn-a')];
		const cards = [
			reviewCard('rev', at(3, 9)),
			learningCard('learn-b', at(10, 11, 58)),
			learningCard('learn-a', at(10, 11, 50))
		];
		expect(planQueue(queueInput({ items, cards }))).toEqual({
			learningDue: ['learn-a', 'learn-b'],
			reviewDue: ['rev'],
			newCards: [],
			learningLater: []
		});
	});

	test('quiz-only items never enter the queue', () => {
		const items = [
			item('mcq', ['f1'], { type: 'mcq' }),
			item('cloze', ['f2'], { type: 'cloze' }),
			item('rev', ['f3'], { type: 'reverse' }),
			item('tf', ['f4'], { type: 'truefalse' })
		];
		expect(buildQueue(queueInput({ items }))).toEqual(['cloze', 'rev']);
	});

	test('a topic narrows the queue', () => {
		const items = [
			item('a', ['fa'], { topic: 'wagner' }),
			item('b', ['fb'], { topic: 'barkhane' }),
			item('c', ['fc'], { topic: 'wagner' })
		];
		const cards = [reviewCard('c', at(9, 9))];
		expect(buildQueue(queueInput({ items, cards, topic: 'wagner' }))).toEqual(['c', 'a']);
	});
});

describe('daily limits', () => {
	test('new cards stop at the daily limit, in bank order', () => {
		const items = ids('n', 30).map((id) => item(id));
		const queue = buildQueue(queueInput({ items, settings: settings({ newPerDay: 5 }) }));
		expect(queue).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
	});

	test('new cards introduced earlier today count against the limit', () => {
		const items = ids('n', 30).map((id) => item(id));
		// n0..n2 were started this morning and are now between learning steps, due tomorrow
		const cards = ['n0', 'n1', 'n2'].map((id) => learningCard(id, at(11, 9)));
		const reviewsToday = ['n0', 'n1', 'n2'].map((id) => reviewLog(id, at(10, 8), State.New));
		const plan = planQueue(
			queueInput({ items, cards, reviewsToday, settings: settings({ newPerDay: 5 }) })
		);
		expect(plan.newCards).toEqual(['n3', 'n4']);
	});

	test('new cards introduced yesterday do not count today', () => {
		const items = ids('n', 10).map((id) => item(id));
		const yesterday = ['x', 'y', 'z'].map((id) => reviewLog(id, at(9, 20), State.New));
		const plan = planQueue(
			queueInput({ items, reviewsToday: yesterday, settings: settings({ newPerDay: 4 }) })
		);
		expect(plan.newCards).toHaveLength(4);
	});

	test('review cards stop at the daily limit, keeping the most overdue', () => {
		const items = ids('r', 6).map((id) => item(id));
		const cards = items.map((it, i) => reviewCard(it.id, at(9 - i, 9)));
		const plan = planQueue(
			queueInput({ items, cards, settings: settings({ maxReviewsPerDay: 3 }) })
		);
		expect(plan.reviewDue).toEqual(['r5', 'r4', 'r3']);
	});

	test("today's reviews count against the review limit, learning ratings do not", () => {
		const items = ids('r', 6).map((id) => item(id));
		const cards = items.map((it, i) => reviewCard(it.id, at(9 - i, 9)));
		const reviewsToday = [
			reviewLog('done1', at(10, 8), State.Review),
			reviewLog('done2', at(10, 8), State.Review),
			reviewLog('step', at(10, 8), State.Learning)
		];
		const plan = planQueue(
			queueInput({ items, cards, reviewsToday, settings: settings({ maxReviewsPerDay: 3 }) })
		);
		expect(plan.reviewDue).toEqual(['r5']);
	});

	test('a limit of zero shows no new cards and no reviews, but learning steps still come', () => {
		const items = [item('new'), item('rev'), item('learn')];
		const cards = [reviewCard('rev', at(9, 9)), learningCard('learn', at(10, 11))];
		const s = settings({ newPerDay: 0, maxReviewsPerDay: 0 });
		expect(buildQueue(queueInput({ items, cards, settings: s }))).toEqual(['learn']);
	});

	test('limits reset at 4 am, not at midnight', () => {
		const items = ids('n', 10).map((id) => item(id));
		const lateNight = ['x', 'y'].map((id) => reviewLog(id, at(11, 2), State.New));
		const s = settings({ newPerDay: 3 });
		// at 3 am the 2 am reviews belong to the same study day
		const at3 = planQueue(
			queueInput({ items, reviewsToday: lateNight, settings: s, now: at(11, 3) })
		);
		expect(at3.newCards).toHaveLength(1);
		// at 5 am a new study day has begun
		const at5 = planQueue(
			queueInput({ items, reviewsToday: lateNight, settings: s, now: at(11, 5) })
		);
		expect(at5.newCards).toHaveLength(3);
	});
});

describe('sibling burying', () => {
	test('only the first of two new siblings is queued today', () => {
		const items = [item('fc', ['f1']), item('rev', ['f1']), item('other', ['f2'])];
		expect(buildQueue(queueInput({ items }))).toEqual(['fc', 'other']);
	});

	test('a due review buries its new sibling and its later-due review sibling', () => {
		const items = [item('new', ['f1']), item('rev-late', ['f1', 'f9']), item('rev-old', ['f1'])];
		const cards = [reviewCard('rev-late', at(9, 9)), reviewCard('rev-old', at(2, 9))];
		expect(buildQueue(queueInput({ items, cards }))).toEqual(['rev-old']);
	});

	test('a card sharing any one fact with a card reviewed today waits', () => {
		const items = [item('cloze', ['f1', 'f2']), item('rev', ['f3'])];
		const cards = [reviewCard('rev', at(9, 9))];
		const reviewsToday = [reviewLog('flash', at(10, 9))];
		// the reviewed item is not in this topic's item list; its card still says which facts it had
		const flash = reviewCard('flash', at(20, 9), ['f2']);
		expect(buildQueue(queueInput({ items, cards: [...cards, flash], reviewsToday }))).toEqual([
			'rev'
		]);
	});

	test('a card in learning steps is not buried, but it buries its siblings', () => {
		const items = [item('learn', ['f1']), item('rev', ['f1']), item('new', ['f1'])];
		const cards = [learningCard('learn', at(10, 12, 5)), reviewCard('rev', at(8, 9))];
		const reviewsToday = [reviewLog('learn', at(10, 11, 55), State.New)];
		expect(buildQueue(queueInput({ items, cards, reviewsToday }))).toEqual(['learn']);
	});

	test('a buried sibling is deferred, not lost: it comes the next day', () => {
		const items = [item('fc', ['f1']), item('rev', ['f1'])];
		const cards = [reviewCard('fc', at(20, 9))];
		const reviewsToday = [reviewLog('fc', at(10, 9))];
		expect(buildQueue(queueInput({ items, cards, reviewsToday }))).toEqual([]);
		expect(buildQueue(queueInput({ items, cards, reviewsToday, now: at(11, 12) }))).toEqual([
			'rev'
		]);
	});

	test('buried cards do not use up the daily limits', () => {
		const items = [item('a', ['f1']), item('b', ['f1']), item('c', ['f2']), item('d', ['f3'])];
		const plan = planQueue(queueInput({ items, settings: settings({ newPerDay: 3 }) }));
		expect(plan.newCards).toEqual(['a', 'c', 'd']);
	});
});

describe('learning steps', () => {
	test('Again on a new card brings it back in the learning section, then due first', () => {
		const scheduler = createScheduler(settings(), { fuzz: false });
		const items = [item('a'), item('b'), item('c')];
		const rated = scheduler.rateCard(newCard('a', ['fact-a'], NOW), Rating.Again, NOW);
		const input = queueInput({
			items,
			cards: [rated.card],
			reviewsToday: [rated.review]
		});

		expect(planQueue(input)).toEqual({
			learningDue: [],
			reviewDue: [],
			newCards: ['b', 'c'],
			learningLater: ['a']
		});
		const oneMinuteLater = new Date(NOW.getTime() + 60_000);
		expect(buildQueue({ ...input, now: oneMinuteLater })).toEqual(['a', 'b', 'c']);
	});

	test('a learning step due tomorrow is not part of today', () => {
		const items = [item('a')];
		const cards = [learningCard('a', at(11, 9))];
		expect(buildQueue(queueInput({ items, cards }))).toEqual([]);
	});
});

describe('queueCounts', () => {
	const items = [
		item('rev1'),
		item('rev2'),
		item('learn'),
		item('later'),
		item('new1'),
		item('new2')
	];
	const cards = [
		reviewCard('rev1', at(9, 9)),
		reviewCard('rev2', at(10, 9)),
		learningCard('learn', at(10, 11)),
		learningCard('later', at(10, 13))
	];

	test('counts due now, new today and learning later', () => {
		const counts = queueCounts(queueInput({ items, cards }));
		expect(counts).toMatchObject({ dueNow: 3, newToday: 2, learningLater: 1 });
	});

	test('estimates minutes from the default answer time, seeing new cards once per step', () => {
		// 3 due + 1 later + 2 new x 2 steps = 8 views of 10 s
		const views = 8;
		const { estimatedMinutes } = queueCounts(queueInput({ items, cards }));
		expect(estimatedMinutes).toBe(Math.ceil((views * DEFAULT_SECONDS_PER_CARD) / 60));
	});

	test("uses the learner's median answer time once today has enough timed reviews", () => {
		const timed = [5, 30, 30, 30, 600].map((s, i) => ({
			...reviewLog(`done${i}`, at(10, 8)),
			durationMs: s * 1000
		}));
		// 8 views of 30 s = 4 minutes; a mean would have been skewed by the 600 s outlier
		expect(queueCounts(queueInput({ items, cards, reviewsToday: timed })).estimatedMinutes).toBe(4);
	});

	test('an empty day estimates zero minutes', () => {
		expect(queueCounts(queueInput())).toEqual({
			dueNow: 0,
			newToday: 0,
			learningLater: 0,
			estimatedMinutes: 0
		});
	});
});

describe("the learner's marks", () => {
	test('suspended cards and cards buried until later are left out; a past burial is over', () => {
		const items = ['new', 'rev', 'learn', 'old-bury', 'susp'].map((id) => item(id, [`f-${id}`]));
		const cards = [reviewCard('rev', at(9, 9)), learningCard('learn', at(10, 11))];
		const flags = new Map([
			['new', { itemId: 'new', buriedUntil: at(11, 4) }],
			['rev', { itemId: 'rev', suspended: true }],
			['old-bury', { itemId: 'old-bury', buriedUntil: at(9, 4) }],
			['susp', { itemId: 'susp', suspended: true, flag: 'red' as const }]
		]);
		expect(buildQueue(queueInput({ items, cards, flags }))).toEqual(['learn', 'old-bury']);
	});
});

describe('new cards shuffled', () => {
	const items = ids('n', 30).map((id) => item(id));
	const shuffled = (seed: number, list = items) =>
		buildQueue(
			queueInput({
				items: list,
				settings: { ...settings(), newPerDay: 100, newCardOrder: 'shuffled', newCardSeed: seed }
			})
		);

	test('in the article order they come as the bank lists them', () => {
		expect(buildQueue(queueInput({ items, settings: { ...settings(), newPerDay: 100 } }))).toEqual(
			ids('n', 30)
		);
	});

	test('shuffled, the same seed gives the same order on every visit, another seed another', () => {
		const first = shuffled(7);
		expect(first).not.toEqual(ids('n', 30));
		expect([...first].sort()).toEqual([...ids('n', 30)].sort());
		expect(shuffled(7)).toEqual(first);
		expect(shuffled(8)).not.toEqual(first);
	});

	test('a card added to the deck leaves the others in their shuffled order', () => {
		const before = shuffled(7);
		const after = shuffled(7, [...items, item('own-new')]).filter((id) => id !== 'own-new');
		expect(after).toEqual(before);
	});
});

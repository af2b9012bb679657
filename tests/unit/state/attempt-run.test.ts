// The attempt engine as a page drives it: constructed from stored rows with a fake clock and
// fake-indexeddb, taps (double ones too), reloads, timers and failed saves.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
	assignmentPolicy,
	quizPolicy,
	readAttempt,
	type AttemptPolicy,
	quizPlan
} from '$lib/attempt';
import type { BankItem } from '$lib/bank/types';
import { AttemptRun } from '$lib/state/attempt-run.svelte';
import { finishAttempt, getAttempt, startAttempt } from '$lib/storage/attempts';
import { DB_NAME, type AttemptRow } from '$lib/storage/db';
import { closeDatabase, database } from '$lib/storage/repository';
import { choice, item } from '../quiz/fixtures';

const START = new Date('2026-03-02T10:00:00Z');
const ITEMS: BankItem[] = ['a', 'b', 'c'].map((id) =>
	item({ id, type: 'truefalse', factIds: [`fact-${id}`] })
);
const ITEM_MAP = new Map(ITEMS.map((entry) => [entry.id, entry]));

let now = START;
const clock = () => now;

function quizRow(mode: 'practice' | 'exam', timeLimitSec?: number): AttemptRow {
	const plan = quizPlan(
		{ topics: 'all', types: 'all', count: 5, mode, timeLimitSec, mistakesOnly: false, seed: 's' },
		ITEMS.map((entry) => ({ itemId: entry.id, type: entry.type, optionOrder: ['True', 'False'] }))
	);
	return { id: `quiz-${mode}`, kind: 'quiz', startedAt: START, plan, answers: {}, position: 0 };
}

/** Opens the stored row as a page would after a load or a reload. */
async function open(id: string, policy: AttemptPolicy, end = vi.fn(async () => {})) {
	const row = await getAttempt(id);
	const record = readAttempt(row!);
	const run = await AttemptRun.open({ record: record!, policy, items: ITEM_MAP, clock, end });
	return { run, end };
}

async function stored(id: string) {
	return readAttempt((await getAttempt(id))!)!;
}

beforeEach(() => {
	now = START;
});

afterEach(async () => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

describe('an exam', () => {
	const policy = quizPolicy({ mode: 'exam' });

	test('a double tap on Next stores one answer and moves one question', async () => {
		await startAttempt(quizRow('exam'));
		const { run } = await open('quiz-exam', policy);
		run.setDraft(choice('True'));
		await vi.waitFor(async () => expect((await stored('quiz-exam')).draft).toBeDefined());
		const puts = vi.spyOn((await database()).attempts, 'put');
		await Promise.all([run.next(), run.next()]);
		expect(run.position).toBe(1);
		// the second tap, made while the first was saving, wrote nothing
		expect(puts).toHaveBeenCalledOnce();
		const record = await stored('quiz-exam');
		expect(Object.keys(record.answers)).toEqual(['a']);
		expect(record.position).toBe(1);
	});

	test('a choice is saved as it is made, so a reload before Next shows it again', async () => {
		await startAttempt(quizRow('exam'));
		const first = await open('quiz-exam', policy);
		first.run.setDraft(choice('False'));
		first.run.dispose();
		await vi.waitFor(async () => expect((await stored('quiz-exam')).draft).toBeDefined());
		const { run } = await open('quiz-exam', policy);
		expect(run.position).toBe(0);
		expect(run.draft).toEqual(choice('False'));
	});

	test('Previous keeps the answer on screen and shows the one before', async () => {
		await startAttempt(quizRow('exam'));
		const { run } = await open('quiz-exam', policy);
		run.setDraft(choice('True'));
		await run.next();
		run.setDraft(choice('False'));
		await run.previous();
		expect(run.position).toBe(0);
		expect(run.draft).toEqual(choice('True'));
		expect((await stored('quiz-exam')).answers.b?.response).toEqual(choice('False'));
	});

	test('a double tap on Finish ends the attempt once', async () => {
		await startAttempt(quizRow('exam'));
		const { run, end } = await open('quiz-exam', policy);
		await Promise.all([run.finish(), run.finish()]);
		expect(end).toHaveBeenCalledOnce();
	});

	test('ending early counts the answer on screen', async () => {
		await startAttempt(quizRow('exam'));
		const { run, end } = await open('quiz-exam', policy);
		run.setDraft(choice('True'));
		await run.finish();
		expect(run.phase).toBe('finished');
		expect(end).toHaveBeenCalledOnce();
		const [, answers] = end.mock.calls[0] as unknown as [Date, Record<string, unknown>];
		expect(Object.keys(answers)).toEqual(['a']);
	});

	test('a failed save says so, stays on the question and stores nothing', async () => {
		await startAttempt(quizRow('exam'));
		const { run } = await open('quiz-exam', policy);
		const db = await database();
		vi.spyOn(db.attempts, 'put').mockRejectedValueOnce(
			Object.assign(new Error('full'), { name: 'QuotaExceededError' })
		);
		// the draft write is the one that fails here; the answer itself is written on Next
		run.setDraft(choice('True'));
		await vi.waitFor(() => expect(run.announcement).toMatch(/could not be kept: .*storage space/));
		vi.spyOn(db.attempts, 'put').mockRejectedValueOnce(
			Object.assign(new Error('full'), { name: 'QuotaExceededError' })
		);
		await run.next();
		expect(run.position).toBe(0);
		expect(run.announcement).toMatch(/could not be saved: .*out of storage space/);
		expect((await stored('quiz-exam')).answers).toEqual({});
	});

	test('a failed save stays on screen (not only announced) until a save succeeds', async () => {
		await startAttempt(quizRow('exam'));
		const { run } = await open('quiz-exam', policy);
		expect(run.problem).toBe('');
		const db = await database();
		vi.spyOn(db.attempts, 'put').mockRejectedValue(
			Object.assign(new Error('full'), { name: 'QuotaExceededError' })
		);
		run.setDraft(choice('True'));
		await run.next();
		expect(run.problem).toMatch(/could not be saved: .*Free some space.*Try again/);
		vi.mocked(db.attempts.put).mockRestore();
		await run.next();
		expect(run.position).toBe(1);
		expect(run.problem).toBe('');
	});

	test('an attempt another tab ended refuses the answer and says why', async () => {
		await startAttempt(quizRow('exam'));
		const { run, end } = await open('quiz-exam', policy);
		await finishAttempt('quiz-exam', START);
		run.setDraft(choice('True'));
		await run.next();
		expect(run.position).toBe(0);
		expect(run.announcement).toMatch(/already ended, in another tab/);
		await run.finish();
		expect(end).not.toHaveBeenCalled();
	});
});

test('an ordering left in its shuffled starting order is a blank, not an answer worth credit', async () => {
	const ordering = item({ id: 'order', type: 'ordering' });
	const row: AttemptRow = {
		id: 'ordering-exam',
		kind: 'quiz',
		startedAt: START,
		plan: quizPlan(
			{ topics: 'all', types: 'all', count: 5, mode: 'exam', mistakesOnly: false, seed: 's' },
			[
				{
					itemId: 'order',
					type: 'ordering',
					sequenceStart: ['Coup', 'Serval', 'Withdrawal', 'Barkhane']
				}
			]
		),
		answers: {},
		position: 0
	};
	await startAttempt(row);
	const record = readAttempt((await getAttempt('ordering-exam'))!)!;
	const end = vi.fn(async () => {});
	const run = await AttemptRun.open({
		record,
		policy: quizPolicy({ mode: 'exam' }),
		items: new Map([['order', ordering]]),
		clock,
		end
	});
	expect(run.draft).toEqual({
		kind: 'ordering',
		sequence: ['Coup', 'Serval', 'Withdrawal', 'Barkhane']
	});
	await run.finish();
	expect(end).toHaveBeenCalledWith(START, {}, false);
});

describe('a timed attempt', () => {
	test('at the deadline the answer on screen is saved, then the attempt ends at the deadline', async () => {
		// only the run's interval is faked: fake-indexeddb needs real timeouts
		vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
		await startAttempt(quizRow('exam', 60));
		const { run, end } = await open('quiz-exam', quizPolicy({ mode: 'exam', timeLimitSec: 60 }));
		expect(run.secondsLeft).toBe(60);
		run.setDraft(choice('True'));
		now = new Date(START.getTime() + 61_000);
		await vi.advanceTimersByTimeAsync(1000);
		await vi.waitFor(() => expect(run.phase).toBe('finished'));
		expect(end).toHaveBeenCalledWith(new Date(START.getTime() + 60_000), expect.anything(), true);
		expect((await stored('quiz-exam')).answers.a?.response).toEqual(choice('True'));
	});

	test('when the end cannot be stored, the attempt stays open and the timer tries again', async () => {
		// only the run's interval is faked: fake-indexeddb needs real timeouts
		vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
		await startAttempt(quizRow('exam', 60));
		const end = vi.fn().mockRejectedValueOnce(new Error('disk')).mockResolvedValue(undefined);
		const { run } = await open('quiz-exam', quizPolicy({ mode: 'exam', timeLimitSec: 60 }), end);
		now = new Date(START.getTime() + 61_000);
		await vi.advanceTimersByTimeAsync(1000);
		await vi.waitFor(() => expect(end).toHaveBeenCalledTimes(1));
		expect(run.phase).toBe('running');
		expect(run.announcement).toMatch(/could not be ended/);
		await vi.advanceTimersByTimeAsync(1000);
		await vi.waitFor(() => expect(run.phase).toBe('finished'));
		expect(end).toHaveBeenCalledTimes(2);
	});

	test('a deadline that passed while the page was closed ends the attempt on opening', async () => {
		await startAttempt(quizRow('exam', 60));
		now = new Date(START.getTime() + 3_600_000);
		const { run, end } = await open('quiz-exam', quizPolicy({ mode: 'exam', timeLimitSec: 60 }));
		expect(run.phase).toBe('finished');
		expect(end).toHaveBeenCalledWith(new Date(START.getTime() + 60_000), {}, true);
	});
});

describe('answers checked one by one', () => {
	const policies: [string, AttemptPolicy][] = [
		['a practice quiz', quizPolicy({ mode: 'practice' })],
		[
			'an assignment with immediate feedback',
			assignmentPolicy({ feedback: 'immediately', attemptsAllowed: 1 })
		]
	];

	test.each(policies)(
		'in %s, Check with nothing chosen says what to do and changes nothing',
		async (_, policy) => {
			await startAttempt(quizRow('practice'));
			const { run } = await open('quiz-practice', policy);
			await run.check();
			expect(run.checked).toBe(false);
			expect(run.position).toBe(0);
			expect(run.announcement).toBe('Choose or type an answer first, then choose Check.');
			expect((await stored('quiz-practice')).answers).toEqual({});
		}
	);

	test.each(policies)('in %s, Next before Check does not skip the question', async (_, policy) => {
		await startAttempt(quizRow('practice'));
		const { run } = await open('quiz-practice', policy);
		run.setDraft(choice('True'));
		await run.next();
		expect(run.position).toBe(0);
		await run.check();
		expect(run.checked).toBe(true);
		expect(run.grade?.correct).toBe(true);
		await run.next();
		expect(run.position).toBe(1);
		expect(run.checked).toBe(false);
	});

	test('a checked answer stays checked after a reload', async () => {
		await startAttempt(quizRow('practice'));
		const policy = quizPolicy({ mode: 'practice' });
		const first = await open('quiz-practice', policy);
		first.run.setDraft(choice('False'));
		await first.run.check();
		first.run.dispose();
		const { run } = await open('quiz-practice', policy);
		expect(run.checked).toBe(true);
		expect(run.grade?.correct).toBe(false);
	});
});

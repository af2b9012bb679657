// Attempts, assignments, imported receipts and card marks between devices: two devices that
// diverged offline end with the union, identical on both; a malformed row from elsewhere is
// refused and changes nothing.
import { describe, expect, test } from 'vitest';
import type { AttemptRow, CardFlagRow, SubmissionRow } from '$lib/storage/db';
import { createSyncStore } from '$lib/storage/sync-store';
import { cardsMadeDue } from '$lib/quiz/study-link';
import { Rating } from '$lib/srs/types';
import { syncMaps } from '$lib/sync/sync-doc';
import { at, devicesClosedAfterEach, syncAll, type Device } from './devices';

const device = devicesClosedAfterEach();

const quiz = (id: string, fields: Partial<AttemptRow> = {}): AttemptRow => ({
	id,
	kind: 'quiz',
	startedAt: at(1),
	plan: { version: 2, questions: [{ itemId: 'item-1' }, { itemId: 'item-2' }] },
	answers: {},
	position: 0,
	...fields
});
const answer = (given: string, day: number) => ({
	given,
	correct: given === 'yes',
	answeredAt: at(day)
});

/**
 * Two rounds: when both devices changed one row, the document keeps one device's write; the
 * other device, outranking it, writes its copy again, which the next exchange carries (live,
 * the connection runs these rounds by itself).
 */
async function syncTwice(...devices: Device[]) {
	await syncAll(...devices);
	await syncAll(...devices);
}

/** What a device holds that sync mirrors (rows as text, marks with their times). */
async function owned(d: Device) {
	const store = createSyncStore({ db: d.db });
	const rows = await store.readRows();
	return {
		attempts: [...rows.attempts].sort(),
		assignments: [...rows.assignments].sort(),
		submissions: [...rows.submissions].sort(),
		marks: (await store.readMarks()).sort((a, b) =>
			`${a.itemId}${a.field}`.localeCompare(`${b.itemId}${b.field}`)
		)
	};
}

describe('attempts', () => {
	test('two devices end with every attempt of both, identical, answers and dates intact', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.db.attempts.put(
			quiz('q-phone', { answers: { 'item-1': answer('yes', 2) }, position: 1, finishedAt: at(2) })
		);
		await laptop.db.attempts.put(quiz('q-laptop', { answers: { 'item-2': answer('no', 3) } }));

		await syncAll(phone, laptop);

		expect((await phone.db.attempts.toArray()).map((a) => a.id).sort()).toEqual([
			'q-laptop',
			'q-phone'
		]);
		expect(await owned(laptop)).toEqual(await owned(phone));
		const arrived = await laptop.db.attempts.get('q-phone');
		expect(arrived?.finishedAt).toEqual(at(2));
		expect((arrived?.answers['item-1'] as { answeredAt: Date }).answeredAt).toEqual(at(2));
	});

	test('an attempt continued on two devices: the copy that got further wins, the draft stays where it was typed', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.db.attempts.put(quiz('q-1'));
		await syncAll(phone, laptop);
		await phone.db.attempts.put(
			quiz('q-1', { answers: { 'item-1': answer('yes', 2) }, position: 1 })
		);
		await laptop.db.attempts.put(quiz('q-1', { draft: { text: 'half typed' } }));

		await syncTwice(phone, laptop);

		const onLaptop = await laptop.db.attempts.get('q-1');
		expect(onLaptop?.position).toBe(1);
		expect(Object.keys(onLaptop!.answers)).toEqual(['item-1']);
		expect(onLaptop?.draft).toEqual({ text: 'half typed' });
		expect((await phone.db.attempts.get('q-1'))?.draft).toBeUndefined();
		expect(await owned(laptop)).toEqual(await owned(phone));
	});

	test('a finished attempt is never replaced by an unfinished copy, even one with more answers', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.db.attempts.put(quiz('q-1'));
		await syncAll(phone, laptop);
		await phone.db.attempts.put(
			quiz('q-1', { answers: { 'item-1': answer('yes', 2) }, position: 1, finishedAt: at(2) })
		);
		await laptop.db.attempts.put(
			quiz('q-1', {
				answers: { 'item-1': answer('no', 3), 'item-2': answer('no', 3) },
				position: 2
			})
		);
		await syncTwice(phone, laptop);
		for (const d of [phone, laptop]) {
			const row = await d.db.attempts.get('q-1');
			expect(row?.finishedAt).toEqual(at(2));
			expect(Object.keys(row!.answers)).toEqual(['item-1']);
		}
	});
});

describe('assignments and imported receipts', () => {
	test('the gradebook on each device holds the receipts imported on both', async () => {
		const office = device('office');
		const home = device('home');
		const receipt = (id: string, day: number): SubmissionRow => ({
			id: `asg-1:receipt:${id}`,
			assignmentId: 'asg-1',
			studentName: `Student ${id}`,
			importedAt: at(day),
			receipt: {
				code: `code-${id}`,
				receipt: { student: `Student ${id}`, attempt: 1, answers: [] }
			}
		});
		await office.db.assignments.put({
			id: 'instructor:asg-1',
			role: 'instructor',
			code: 'asg-code',
			title: 'Week 1',
			createdAt: at(1),
			data: { id: 'asg-1', title: 'Week 1', itemIds: ['item-1'] }
		});
		await office.db.submissions.bulkPut([receipt('a', 2), receipt('b', 2)]);
		// the same receipt imported at home later, and one only home has
		await home.db.submissions.bulkPut([receipt('b', 4), receipt('c', 4)]);

		await syncTwice(office, home);

		expect(await owned(home)).toEqual(await owned(office));
		expect((await home.db.submissions.toArray()).map((s) => s.studentName).sort()).toEqual([
			'Student a',
			'Student b',
			'Student c'
		]);
		// the receipt imported on both keeps its first import
		expect((await home.db.submissions.get('asg-1:receipt:b'))?.importedAt).toEqual(at(2));
		expect((await home.db.assignments.get('instructor:asg-1'))?.title).toBe('Week 1');
	});
});

describe('card marks', () => {
	const marks = async (d: Device, itemId: string) => {
		const row = (await d.db.cardFlags.get(itemId)) as CardFlagRow | undefined;
		if (!row) return undefined;
		const rest: Partial<CardFlagRow> = { ...row };
		delete rest.markedAt; // the times are compared by `owned`
		return rest;
	};

	test('each mark merges on its own: the later change wins, a mark taken off stays off', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const t = (day: number) => at(day).getTime();
		await phone.db.cardFlags.put({
			itemId: 'item-1',
			suspended: true,
			markedAt: { suspended: t(1) }
		});
		await syncAll(phone, laptop);
		expect(await marks(laptop, 'item-1')).toEqual({ itemId: 'item-1', suspended: true });

		// offline: the laptop takes the suspension off and flags red; the phone flags blue later
		await laptop.db.cardFlags.put({
			itemId: 'item-1',
			flag: 'red',
			markedAt: { suspended: t(2), flag: t(2) }
		});
		await phone.db.cardFlags.put({
			itemId: 'item-1',
			suspended: true,
			flag: 'blue',
			markedAt: { suspended: t(1), flag: t(3) }
		});
		await syncTwice(phone, laptop);

		for (const d of [phone, laptop]) {
			expect(await marks(d, 'item-1')).toEqual({ itemId: 'item-1', flag: 'blue' });
		}
		expect(await owned(laptop)).toEqual(await owned(phone));
	});

	test('a reset made on one device makes the card new on the other, and its Undo brings it back', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.rate('item-1', Rating.Good, at(1));
		await phone.rate('item-1', Rating.Good, at(2));
		await syncAll(phone, laptop);
		const card = await laptop.db.cards.get('item-1');
		expect(card?.reps).toBe(2);

		await phone.db.cardFlags.put({
			itemId: 'item-1',
			resetAt: at(3),
			markedAt: { resetAt: at(3).getTime() }
		});
		await phone.db.cards.delete('item-1');
		await syncAll(phone, laptop);
		expect(await laptop.db.cards.get('item-1')).toBeUndefined();
		expect((await laptop.db.cardFlags.get('item-1'))?.resetAt).toEqual(at(3));

		// Undo of the reset on the phone: the card is its reviews' again everywhere
		await phone.db.cardFlags.put({ itemId: 'item-1', markedAt: { resetAt: at(3).getTime() + 1 } });
		await syncAll(phone, laptop);
		expect(await laptop.db.cards.get('item-1')).toEqual(card);
	});
});

describe('what is refused', () => {
	test('a malformed attempt or mark from elsewhere is refused, counted once, and stores nothing', async () => {
		const phone = device('phone');
		const { attempts, marks } = syncMaps(phone.doc);
		phone.doc.transact(() => {
			attempts.set(
				'bad-kind',
				JSON.stringify({ ...quiz('bad-kind'), kind: 'exam', startedAt: at(1).toISOString() })
			);
			attempts.set('not-text', { id: 'not-text' });
			attempts.set(
				'wrong-id',
				JSON.stringify({ ...quiz('other'), startedAt: at(1).toISOString() })
			);
			marks.set('flag:item-1', ['purple', 5]);
			marks.set('buriedUntil:item-2', ['tomorrow', 5]);
			attempts.set('good', JSON.stringify({ ...quiz('good'), startedAt: at(1).toISOString() }));
		}, 'remote');
		const report = await phone.engine.run();
		expect(report.refused).toBe(5);
		expect((await phone.db.attempts.toArray()).map((a) => a.id)).toEqual(['good']);
		expect(await phone.db.cardFlags.count()).toBe(0);
		const again = await phone.engine.run();
		expect(again.refused).toBe(0);
	});
});

describe('wrong quiz answers and the study schedule', () => {
	/** A finished quiz answered on `d`: wrong on item-1, as saveAnswer stores it with its move. */
	async function wrongQuiz(d: Device, id: string, when: Date) {
		await d.db.attempts.put(
			quiz(id, {
				answers: {
					'item-1': {
						response: { kind: 'choice', given: 'x' },
						correct: false,
						score: 0,
						answeredAt: when
					}
				},
				position: 1,
				finishedAt: when
			})
		);
		const cards = await d.db.cards.toArray();
		await d.db.cards.bulkPut(cardsMadeDue(cards, ['fact-item-1'], when));
	}

	test('a card brought forward by a wrong answer on the laptop is due as soon on the phone', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.rate('item-1', Rating.Easy, at(1));
		await syncTwice(phone, laptop);
		const scheduled = (await phone.db.cards.get('item-1'))!.due;
		expect(scheduled.getTime()).toBeGreaterThan(at(2).getTime());

		await wrongQuiz(laptop, 'q-wrong', at(2));
		expect((await laptop.db.cards.get('item-1'))?.due).toEqual(at(2));
		await syncTwice(phone, laptop);

		expect((await phone.db.cards.get('item-1'))?.due).toEqual(at(2));
		// a rating after the answer reschedules the card: the answer no longer moves it
		await phone.rate('item-1', Rating.Good, at(3));
		await syncTwice(phone, laptop);
		const after = (await laptop.db.cards.get('item-1'))!;
		expect(after.due.getTime()).toBeGreaterThan(at(3).getTime());
		expect(await laptop.cards()).toEqual(await phone.cards());
	});

	test('Undo of the rating made after a wrong answer elsewhere: the same due date on both', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.rate('item-1', Rating.Easy, at(1));
		await syncTwice(phone, laptop);
		await wrongQuiz(laptop, 'q-laptop', at(2));
		const later = await phone.rate('item-1', Rating.Easy, at(3));
		await syncTwice(phone, laptop);

		await phone.undo({ uid: later.uid, itemId: 'item-1', at: later.at });
		await syncTwice(phone, laptop);

		expect((await phone.db.cards.get('item-1'))?.due).toEqual(at(2));
		expect(await laptop.cards()).toEqual(await phone.cards());
	});

	test('Undo of an earlier rating keeps the move of a wrong answer given since', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const first = await phone.rate('item-1', Rating.Easy, at(1));
		await phone.rate('item-1', Rating.Easy, at(1, 10));
		await phone.rate('item-1', Rating.Easy, at(3));
		await wrongQuiz(phone, 'q-here', at(3, 12));

		await phone.undo({ uid: first.uid, itemId: 'item-1', at: first.at });
		await syncTwice(phone, laptop);

		expect((await phone.db.cards.get('item-1'))?.due).toEqual(at(3, 12));
		expect(await laptop.cards()).toEqual(await phone.cards());
	});

	test('a replay of the card on the phone keeps the move of a wrong answer given there', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.rate('item-1', Rating.Easy, at(1));
		await syncTwice(phone, laptop);
		await wrongQuiz(phone, 'q-here', at(2));
		// the laptop rated the card before the answer: the phone replays it from both ratings
		await laptop.rate('item-1', Rating.Easy, at(1, 18));
		await syncTwice(phone, laptop);

		expect((await phone.db.cards.get('item-1'))?.due).toEqual(at(2));
		expect(await laptop.cards()).toEqual(await phone.cards());
	});
});

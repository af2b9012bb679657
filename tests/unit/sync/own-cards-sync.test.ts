// The learner's own cards and their wordings of bank cards between devices: a card written,
// edited or deleted on one device is so on every other, whichever order they meet in; a
// deleted card's ratings go with it and never come back; an Undo wins over what it undoes.
import { describe, expect, test } from 'vitest';
import {
	addOwnCard,
	changeDate,
	deleteOwnCard,
	editOwnCard,
	restoreOriginalWording,
	restoreOwnSnapshot,
	saveWording
} from '$lib/storage/own-cards';
import { createSyncStore } from '$lib/storage/sync-store';
import { Rating } from '$lib/srs/types';
import { syncMaps } from '$lib/sync/sync-doc';
import { at, exchange, devicesClosedAfterEach, syncAll, type Device } from './devices';
import { reviewCount, reviewsOf } from '$lib/storage/review-log';

const device = devicesClosedAfterEach();

/** Rounds enough for a change that outranks the document's copy to be written and carried. */
async function settle(...devices: Device[]) {
	await syncAll(...devices);
	await syncAll(...devices);
}

/** What sync mirrors of own cards, and the ratings, as each device holds them. */
async function own(d: Device) {
	const rows = await createSyncStore({ db: d.db }).readRows();
	return {
		ownCards: [...rows.ownCards].sort(),
		cardWordings: [...rows.cardWordings].sort(),
		reviews: await d.reviewUids(),
		tombstones: ((await d.db.tombstones.toCollection().primaryKeys()) as string[]).sort(),
		cards: await d.cards()
	};
}

const basic = { kind: 'basic' as const, front: 'Who left Mali first?', back: 'Barkhane' };
const BANK_ITEM = {
	id: 'fc-1',
	type: 'flashcard' as const,
	prompt: 'Bank front',
	answer: 'Bank back'
};

describe('own cards', () => {
	test('a card written and rated on the phone arrives on the laptop with its schedule', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const { card } = await addOwnCard(basic, at(1), phone.db);
		await phone.rate(card.id, Rating.Good, at(1, 10));

		await settle(phone, laptop);

		const arrived = await laptop.db.ownCards.get(card.id);
		expect(arrived).toEqual(card);
		expect(arrived?.createdAt).toEqual(at(1));
		expect(await own(laptop)).toEqual(await own(phone));
		expect(await laptop.cards()).toHaveLength(1);
	});

	test('of two edits made offline, the later one is kept on both devices', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const { card } = await addOwnCard(basic, at(1), phone.db);
		await settle(phone, laptop);

		await editOwnCard(card.id, { front: 'Phone wording', back: 'Barkhane' }, at(3), phone.db);
		await editOwnCard(card.id, { front: 'Laptop wording', back: 'Barkhane' }, at(2), laptop.db);
		await settle(phone, laptop);

		expect((await laptop.db.ownCards.get(card.id))?.front).toBe('Phone wording');
		expect((await phone.db.ownCards.get(card.id))?.front).toBe('Phone wording');
		expect(await own(laptop)).toEqual(await own(phone));
	});

	test('a card deleted on one device goes on the other with its ratings, and stays gone', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const { card } = await addOwnCard(basic, at(1), phone.db);
		await phone.rate(card.id, Rating.Good, at(1, 10));
		await settle(phone, laptop);
		expect(await reviewCount(laptop.db)).toBe(1);

		// offline: the laptop rates the card again while the phone deletes it
		await laptop.rate(card.id, Rating.Hard, at(2, 10));
		await deleteOwnCard(card.id, at(2, 11), phone.db);
		await settle(phone, laptop);
		await settle(phone, laptop);

		for (const d of [phone, laptop]) {
			expect(await d.db.ownCards.get(card.id)).toBeUndefined();
			expect(await d.db.cards.get(card.id)).toBeUndefined();
			expect(await reviewsOf(d.db, card.id).then((r) => r.length)).toBe(0);
		}
		// both ratings are tombstoned, the same on both devices
		const state = await own(phone);
		expect(state.tombstones).toHaveLength(2);
		expect(await own(laptop)).toEqual(state);
		expect(state.ownCards).toEqual([
			[card.id, JSON.stringify({ id: card.id, removedAt: at(2, 11).toISOString() })]
		]);
	});

	test('an edit made after the deletion brings the card back on both devices', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const { card } = await addOwnCard(basic, at(1), phone.db);
		await settle(phone, laptop);

		await deleteOwnCard(card.id, at(2), phone.db);
		await editOwnCard(card.id, { front: 'Still wanted', back: 'Barkhane' }, at(3), laptop.db);
		await settle(phone, laptop);

		expect((await phone.db.ownCards.get(card.id))?.front).toBe('Still wanted');
		expect(await phone.db.ownRemovals.count()).toBe(0);
		expect(await own(laptop)).toEqual(await own(phone));
	});

	test('Undo of a deletion that already reached the laptop brings the card and its ratings back there', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const { card } = await addOwnCard(basic, at(1), phone.db);
		await phone.rate(card.id, Rating.Good, at(1, 10));
		await settle(phone, laptop);

		const snapshot = await deleteOwnCard(card.id, at(2), phone.db);
		await settle(phone, laptop);
		expect(await laptop.db.ownCards.count()).toBe(0);

		await restoreOwnSnapshot(snapshot, at(2, 10), phone.db);
		await settle(phone, laptop);

		const back = await laptop.db.ownCards.get(card.id);
		expect(back?.front).toBe(basic.front);
		expect(back?.updatedAt).toEqual(at(2, 10));
		// the rating is back under a new id (its old one stays tombstoned everywhere)
		expect(await reviewsOf(laptop.db, card.id).then((r) => r.length)).toBe(1);
		expect((await laptop.db.cards.get(card.id))?.reps).toBe(1);
		expect(await own(laptop)).toEqual(await own(phone));
	});
});

describe('after an independent attack', () => {
	test('Undo of a deletion after the card came back elsewhere with new ratings: one schedule on both', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const { card } = await addOwnCard(basic, at(1), phone.db);
		await phone.rate(card.id, Rating.Good, at(1, 10));
		await settle(phone, laptop);
		const snapshot = await deleteOwnCard(card.id, at(2), phone.db);
		// the laptop, not yet told, edits and rates the card: the edit brings it back
		await editOwnCard(card.id, { front: 'Kept', back: 'Barkhane' }, at(3), laptop.db);
		await laptop.rate(card.id, Rating.Easy, at(3, 10));
		await laptop.engine.run();
		exchange(laptop.doc, phone.doc);
		await phone.engine.run();
		await settle(phone, laptop);

		await restoreOwnSnapshot(snapshot, at(4), phone.db);
		await settle(phone, laptop);

		expect((await phone.db.cards.get(card.id))?.reps).toBe(2);
		expect(await own(laptop)).toEqual(await own(phone));
	});

	test('a deleted card’s marks, still in the document, do not bring its row back', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const { card } = await addOwnCard(basic, at(1), phone.db);
		await phone.db.cardFlags.put({
			itemId: card.id,
			suspended: true,
			markedAt: { suspended: at(1).getTime() }
		});
		await settle(phone, laptop);
		expect(await laptop.db.cardFlags.get(card.id)).toBeDefined();

		await deleteOwnCard(card.id, at(2), phone.db);
		await settle(phone, laptop);

		for (const d of [phone, laptop]) expect(await d.db.cardFlags.get(card.id)).toBeUndefined();
	});

	test('a malformed copy that would outrank every change (a removal dated 2999) does not stop a later edit', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const { card } = await addOwnCard(basic, at(1), phone.db);
		await settle(phone, laptop);
		syncMaps(phone.doc).ownCards.set(
			card.id,
			JSON.stringify({ id: card.id, removedAt: '2999-01-01T00:00:00.000Z' })
		);
		await settle(phone, laptop);
		await editOwnCard(card.id, { front: 'Edited later', back: 'Barkhane' }, at(3), phone.db);
		await settle(phone, laptop);

		expect((await laptop.db.ownCards.get(card.id))?.front).toBe('Edited later');
		// written over once: the devices do not take turns for ever
		const report = await phone.engine.run();
		expect(report.sent).toBe(0);
	});

	test('Undo of saving the bank’s own text changes nothing, here or on the other device', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await saveWording(BANK_ITEM, { front: 'Laptop front', back: 'Bank back' }, at(1), laptop.db);
		const snapshot = await saveWording(
			BANK_ITEM,
			{ front: 'Bank front', back: 'Bank back' },
			at(2),
			phone.db
		);
		await restoreOwnSnapshot(snapshot, at(3), phone.db);
		await settle(phone, laptop);

		expect((await laptop.db.cardWordings.get('fc-1'))?.front).toBe('Laptop front');
		expect((await phone.db.cardWordings.get('fc-1'))?.front).toBe('Laptop front');
	});
});

describe('wordings of bank cards', () => {
	test('a wording saved on the phone is the laptop’s too; restored to the bank’s there, it goes on the phone', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await saveWording(BANK_ITEM, { front: 'My front', back: 'Bank back' }, at(1), phone.db);
		await settle(phone, laptop);
		expect(await laptop.db.cardWordings.get('fc-1')).toEqual({
			itemId: 'fc-1',
			front: 'My front',
			updatedAt: at(1)
		});

		await restoreOriginalWording('fc-1', at(2), laptop.db);
		await settle(phone, laptop);

		expect(await phone.db.cardWordings.count()).toBe(0);
		expect(await own(laptop)).toEqual(await own(phone));
	});

	test('a wording saved after the other device restored the original wins', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await saveWording(BANK_ITEM, { front: 'First', back: 'Bank back' }, at(1), phone.db);
		await settle(phone, laptop);

		await restoreOriginalWording('fc-1', at(2), laptop.db);
		await saveWording(BANK_ITEM, { front: 'Second', back: 'Bank back' }, at(3), phone.db);
		await settle(phone, laptop);

		expect((await laptop.db.cardWordings.get('fc-1'))?.front).toBe('Second');
		expect(await laptop.db.ownRemovals.count()).toBe(0);
		expect(await own(laptop)).toEqual(await own(phone));
	});

	test('a change made after seeing one from a device whose clock is fast still wins', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const { card } = await addOwnCard(basic, at(1), phone.db);
		await saveWording(BANK_ITEM, { front: 'Phone', back: 'Bank back' }, at(1), phone.db);
		await settle(phone, laptop);

		// the laptop's clock is a day ahead: its edits are dated the 5th
		await editOwnCard(card.id, { front: 'Laptop wording', back: 'Barkhane' }, at(5), laptop.db);
		await saveWording(BANK_ITEM, { front: 'Laptop', back: 'Bank back' }, at(5), laptop.db);
		await settle(phone, laptop);
		// the phone, on the 4th by its clock, changes both after seeing them
		await editOwnCard(card.id, { front: 'Phone, later', back: 'Barkhane' }, at(4), phone.db);
		await restoreOriginalWording('fc-1', at(4), phone.db);
		await settle(phone, laptop);

		for (const d of [phone, laptop]) {
			expect((await d.db.ownCards.get(card.id))?.front).toBe('Phone, later');
			expect(await d.db.cardWordings.get('fc-1')).toBeUndefined();
		}
		expect(await own(laptop)).toEqual(await own(phone));

		// and so for a deletion, and for the Undo of it
		const deleted = await deleteOwnCard(card.id, at(4, 10), phone.db);
		await settle(phone, laptop);
		expect(await laptop.db.ownCards.get(card.id)).toBeUndefined();
		await restoreOwnSnapshot(deleted, at(4, 11), phone.db);
		await settle(phone, laptop);
		expect((await laptop.db.ownCards.get(card.id))?.front).toBe('Phone, later');
	});

	test('a change is dated after the row it changes, and at its own time otherwise', () => {
		expect(changeDate(at(4), at(5))).toEqual(new Date(at(5).getTime() + 1));
		expect(changeDate(at(4), at(4))).toEqual(new Date(at(4).getTime() + 1));
		expect(changeDate(at(4), at(3), undefined)).toEqual(at(4));
		expect(changeDate(at(4))).toEqual(at(4));
	});
});

describe('what is refused', () => {
	test('a malformed own card, wording or removal from elsewhere is refused and stores nothing', async () => {
		const phone = device('phone');
		const { card } = await addOwnCard(basic, at(1), phone.db);
		await phone.rate('item-1', Rating.Good, at(1));
		await phone.engine.run();
		const { ownCards, cardWordings } = syncMaps(phone.doc);
		const iso = at(5).toISOString();
		phone.doc.transact(() => {
			// a removal from the far future would win over every later edit
			ownCards.set(card.id, JSON.stringify({ id: card.id, removedAt: '2999-01-01T00:00:00.000Z' }));
			// a removal naming another card than its key
			ownCards.set('own-other', JSON.stringify({ id: 'own-else', removedAt: iso }));
			// a removal of a bank card, which would take its ratings with it
			ownCards.set('item-1', JSON.stringify({ id: 'item-1', removedAt: iso }));
			// a card of an unknown kind, and a wording with a side too long to be a card
			ownCards.set(
				'own-odd',
				JSON.stringify({ ...basic, id: 'own-odd', kind: 'essay', createdAt: iso, updatedAt: iso })
			);
			cardWordings.set(
				'fc-2',
				JSON.stringify({ itemId: 'fc-2', front: 'x'.repeat(5000), updatedAt: iso })
			);
		}, 'remote');

		const report = await phone.engine.run();

		expect(report.refused).toBe(5);
		expect(await phone.db.ownCards.toArray()).toEqual([card]);
		expect(await reviewsOf(phone.db, 'item-1').then((r) => r.length)).toBe(1);
		expect(await phone.db.cards.get('item-1')).toBeDefined();
		expect(await phone.db.cardWordings.count()).toBe(0);
		expect(await phone.db.ownRemovals.count()).toBe(0);
		expect((await phone.engine.run()).refused).toBe(0);
	});
});

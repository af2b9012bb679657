import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import {
	contentFingerprint,
	exportBackup,
	importBackup,
	mergePlan,
	reviewIdentity
} from '../../../src/lib/storage/backup';
import {
	BackupError,
	createBackup,
	parseBackup,
	serializeBackup,
	summarizeBackup,
	type BackupTables
} from '../../../src/lib/storage/backup-format';
import { assignmentPlan, quizPlan } from '../../../src/lib/attempt/record';
import { DB_NAME } from '../../../src/lib/storage/db';
import { createScheduler, newCard } from '../../../src/lib/srs/scheduler';
import { DEFAULT_STUDY_SETTINGS } from '../../../src/lib/srs/settings';
import type { Grade, StudyCard, StudyReview } from '../../../src/lib/srs/types';
import { closeDatabase, database } from '../../../src/lib/storage/repository';
import { at, card, review, sampleTables } from './backup-fixtures';
import { addReviews, reviewCount, reviewsOf, storedReviews } from '$lib/storage/review-log';

const NOW = at(12, 9);

async function fill(tables: BackupTables): Promise<void> {
	const db = await database();
	await db.transaction('rw', db.tables, async () => {
		await db.cards.bulkPut(tables.cards);
		await addReviews(db, tables.reviews);
		await db.attempts.bulkPut(tables.attempts);
		await db.assignments.bulkPut(tables.assignments);
		await db.submissions.bulkPut(tables.submissions);
		await db.settings.bulkPut(tables.settings);
		await db.cardFlags.bulkPut(tables.cardFlags);
		await db.ownCards.bulkPut(tables.ownCards);
		await db.cardWordings.bulkPut(tables.cardWordings);
		await db.tombstones.bulkPut(tables.tombstones);
	});
}

async function wipe(): Promise<void> {
	closeDatabase();
	await Dexie.delete(DB_NAME);
}

/** The code of the BackupError `run` throws, or a note that it threw something else. */
async function errorCode(run: () => unknown): Promise<string> {
	try {
		await run();
	} catch (error) {
		return error instanceof BackupError ? error.code : `not a BackupError: ${String(error)}`;
	}
	return 'no error';
}

beforeEach(() => fill(sampleTables()));
afterEach(wipe);

describe('export and import', () => {
	test('export then replace into an empty database restores every row exactly, Dates included', async () => {
		const before = await contentFingerprint();
		const text = await exportBackup(NOW, '0.1.0');
		await wipe();
		expect((await contentFingerprint()).counts.reviews).toBe(0);

		const backup = parseBackup(text);
		expect(backup.exportedAt).toEqual(NOW);
		await importBackup(backup, 'replace');
		expect(await contentFingerprint()).toEqual(before);

		const assignment = await (await database()).assignments.get('assign-1');
		expect(assignment?.data).toEqual({
			id: 'assign-1',
			title: 'Week 3: Barkhane',
			itemIds: ['q1'],
			seed: 'seed-1',
			due: at(12),
			note: { $date: 'looks like a tag' }
		});
		expect((await (await database()).settings.get('lastBackupAt'))?.value).toEqual(at(3));
		const attempt = await (await database()).attempts.get('attempt-2');
		expect(attempt?.plan).toEqual({
			seed: 7,
			oddities: { nan: NaN, inf: -Infinity, $date: 'not a tag' }
		});
	});

	test('the parsed backup equals the rows as stored', async () => {
		const backup = parseBackup(await exportBackup(NOW, '0.1.0'));
		const expected = sampleTables();
		// the database returns rows in key order; undefined fields count as absent for toEqual
		expected.settings.sort((a, b) => a.key.localeCompare(b.key));
		// a rating's local key from before logs (see review-log.ts) is not kept
		expected.reviews = expected.reviews.map((review) => {
			const row = { ...review };
			delete row.id;
			return row;
		});
		expect(backup.tables).toEqual(expected);
		expect(backup.appVersion).toBe('0.1.0');
	});

	test('a second export of the restored database is the same text', async () => {
		const text = await exportBackup(NOW, '0.1.0');
		await importBackup(parseBackup(text), 'replace');
		expect(await exportBackup(NOW, '0.1.0')).toBe(text);
	});

	test('a review added after a restore is stored beside the restored ones', async () => {
		const text = await exportBackup(NOW, '0.1.0');
		await wipe();
		await importBackup(parseBackup(text), 'replace');
		const db = await database();
		await addReviews(db, [{ ...review('item-1', at(12, 10)), uid: 'after-restore' }]);
		expect((await reviewsOf(db, 'item-1')).map((r) => r.uid)).toContain('after-restore');
		expect(await reviewCount(db)).toBe(4);
	});

	test('summary counts what the backup holds and its first and last review', async () => {
		const summary = summarizeBackup(parseBackup(await exportBackup(NOW, '0.1.0')));
		expect(summary).toEqual({
			appVersion: '0.1.0',
			exportedAt: NOW,
			counts: {
				cards: 3,
				reviews: 3,
				attempts: 2,
				assignments: 1,
				submissions: 1,
				settings: 3,
				cardFlags: 3,
				ownCards: 2,
				cardWordings: 2,
				tombstones: 1
			},
			studiedCards: 2,
			firstReview: at(8, 9),
			lastReview: at(10, 11, 5)
		});
	});

	test('a file made before card marks existed reads as one without marks', async () => {
		const text = JSON.parse(await exportBackup(NOW, '0.1.0')) as {
			tables: Record<string, unknown>;
		};
		delete text.tables.cardFlags;
		const backup = parseBackup(JSON.stringify(text));
		expect(backup.tables.cardFlags).toEqual([]);
		expect(backup.tables.cards).toHaveLength(3);
	});

	test('a backup made before schema version 5 restores its attempts with plans in the current shape', async () => {
		const config = {
			topics: 'all',
			types: 'all',
			count: 5,
			mode: 'exam',
			mistakesOnly: false,
			seed: 's'
		} as const;
		const questions = [{ itemId: 'q1', type: 'cloze' as const }];
		const taking = { assignmentId: 'as1', student: 'Awa', attempt: 1, receiptCode: 'R' };
		const attempt = (id: string, kind: 'quiz' | 'assignment', plan: unknown) => ({
			id,
			kind,
			startedAt: NOW,
			plan,
			answers: {},
			position: 0
		});
		const old = [
			attempt('old-quiz', 'quiz', { version: 1, config, questions }),
			attempt('old-assignment', 'assignment', { ...taking, questions }),
			attempt('unreadable', 'quiz', { version: 9 })
		];
		const backup = createBackup({ ...sampleTables(), attempts: old }, NOW, '0.1.0');
		await importBackup(parseBackup(serializeBackup(backup)), 'replace');
		const db = await database();
		expect((await db.attempts.get('old-quiz'))!.plan).toEqual(quizPlan(config, questions));
		expect((await db.attempts.get('old-assignment'))!.plan).toEqual(
			assignmentPlan(taking, questions)
		);
		// a plan this version cannot read is kept as it came, for a newer version to read
		expect((await db.attempts.get('unreadable'))!.plan).toEqual({ version: 9 });
	});

	test('an empty database exports a backup with empty tables and no review dates', async () => {
		await wipe();
		const summary = summarizeBackup(parseBackup(await exportBackup(NOW, '0.1.0')));
		expect(summary.counts.reviews).toBe(0);
		expect(summary.firstReview).toBeUndefined();
	});
});

describe('replace', () => {
	test('removes rows the backup does not hold', async () => {
		const backup = createBackup(
			{ ...sampleTables(), cards: [card('item-9')], reviews: [], settings: [] },
			NOW,
			'0.1.0'
		);
		const result = await importBackup(backup, 'replace');
		expect(result.written).toMatchObject({ cards: 1, reviews: 0, settings: 0 });
		const db = await database();
		expect((await db.cards.toArray()).map((c) => c.itemId)).toEqual(['item-9']);
		expect(await reviewCount(db)).toBe(0);
		expect(await db.settings.count()).toBe(0);
	});
});

describe('merge', () => {
	const empty = (): BackupTables => ({
		cards: [],
		reviews: [],
		attempts: [],
		assignments: [],
		submissions: [],
		settings: [],
		cardFlags: [],
		ownCards: [],
		cardWordings: [],
		tombstones: []
	});

	test('keeps the newer card state per item, adds cards only the backup has', async () => {
		const incoming = {
			...empty(),
			cards: [
				card('item-1', { last_review: at(1), reps: 99 }), // older than local (8 June): ignored
				card('item-2', { last_review: at(11), reps: 5 }), // newer than local: wins
				card('item-7')
			]
		};
		await importBackup(createBackup(incoming, NOW, '0.1.0'), 'merge');
		const db = await database();
		expect((await db.cards.get('item-1'))?.reps).toBe(3);
		expect((await db.cards.get('item-2'))?.reps).toBe(5);
		expect(await db.cards.get('item-7')).toBeDefined();
		expect(await db.cards.count()).toBe(4);
	});

	test('own cards and wordings: the copy edited last wins, those only the backup has are added', async () => {
		const [mine] = sampleTables().ownCards;
		const incoming = {
			...empty(),
			ownCards: [
				{ ...mine!, front: 'Edited later on the phone: _____', updatedAt: at(11) },
				{ ...mine!, id: 'own-only-in-file', updatedAt: at(2) }
			],
			cardWordings: [
				{ itemId: 'item-2', front: 'Older wording?', updatedAt: at(1) },
				{ itemId: 'item-9', back: 'A new wording', updatedAt: at(3) }
			]
		};
		await importBackup(createBackup(incoming, NOW, '0.1.0'), 'merge');
		const db = await database();
		expect((await db.ownCards.get(mine!.id))?.front).toBe('Edited later on the phone: _____');
		expect(await db.ownCards.count()).toBe(3);
		expect((await db.cardWordings.get('item-2'))?.front).toBe('My own question for item 2?');
		expect((await db.cardWordings.get('item-9'))?.back).toBe('A new wording');
	});

	test('a card or wording removed here after the backup was made stays removed; one edited after the removal comes back', async () => {
		const [mine] = sampleTables().ownCards;
		const db = await database();
		await db.ownRemovals.bulkPut([
			{ kind: 'ownCards', key: 'own-deleted', at: at(5) },
			{ kind: 'ownCards', key: 'own-edited-after', at: at(5) },
			{ kind: 'ownCards', key: 'own-same-moment', at: at(5) },
			{ kind: 'cardWordings', key: 'item-8', at: at(5) }
		]);
		const incoming = {
			...empty(),
			ownCards: [
				{ ...mine!, id: 'own-deleted', updatedAt: at(4) },
				{ ...mine!, id: 'own-edited-after', updatedAt: at(6) },
				{ ...mine!, id: 'own-same-moment', updatedAt: at(5) }
			],
			cardWordings: [{ itemId: 'item-8', front: 'Given back to the bank since', updatedAt: at(4) }]
		};
		await importBackup(createBackup(incoming, NOW, '0.1.0'), 'merge');
		expect(await db.ownCards.get('own-deleted')).toBeUndefined();
		expect(await db.ownCards.get('own-same-moment')).toBeUndefined();
		expect(await db.cardWordings.get('item-8')).toBeUndefined();
		expect(await db.ownCards.get('own-edited-after')).toBeDefined();
		// the removals of rows not brought back still stand, for sync to keep
		expect((await db.ownRemovals.toArray()).map((r) => r.key).sort()).toEqual([
			'item-8',
			'own-deleted',
			'own-same-moment'
		]);
	});

	test('on the same last review, the card with more reps wins; a full tie keeps the local one', () => {
		const local = { ...empty(), cards: [card('a', { reps: 3 }), card('b', { reps: 3 })] };
		const incoming = { ...empty(), cards: [card('a', { reps: 4 }), card('b', { reps: 3 })] };
		expect(mergePlan(local, incoming).cards.map((c) => c.itemId)).toEqual(['a']);
	});

	test('unions reviews by item and review time, keeping local keys and dropping duplicates', async () => {
		const incoming = {
			...empty(),
			reviews: [
				review('item-1', at(8, 9), { id: 1, rating: Rating.Easy }), // same review as local id 1
				review('item-1', at(5, 9), { id: 2 }), // new, though its key clashes with a local one
				review('item-1', at(5, 9), { id: 7 }) // the same review twice in the file
			]
		};
		const result = await importBackup(createBackup(incoming, NOW, '0.1.0'), 'merge');
		expect(result.written.reviews).toBe(1);
		const rows = await storedReviews(await database());
		expect(rows).toHaveLength(4);
		const local = rows.find(
			(r) => r.itemId === 'item-1' && r.review.getTime() === at(8, 9).getTime()
		);
		expect(local?.rating).toBe(Rating.Good); // local copy untouched
		expect(rows.filter((r) => r.review.getTime() === at(5, 9).getTime())).toHaveLength(1);
		expect(new Set(rows.map(reviewIdentity)).size).toBe(4);
	});

	test('unions attempts, assignments and submissions by id; an attempt that got further wins', async () => {
		const local = sampleTables();
		const incoming = {
			...empty(),
			attempts: [
				{ ...local.attempts[0]!, position: 0, finishedAt: undefined }, // local finished it: kept
				{ ...local.attempts[1]!, position: 3 }, // went further than local position 0: wins
				{ ...local.attempts[1]!, id: 'attempt-3' }
			],
			assignments: [{ ...local.assignments[0]!, title: 'Renamed' }],
			submissions: [{ ...local.submissions[0]!, id: 'sub-2' }]
		};
		await importBackup(createBackup(incoming, NOW, '0.1.0'), 'merge');
		const db = await database();
		expect((await db.attempts.get('attempt-1'))?.position).toBe(2);
		expect((await db.attempts.get('attempt-2'))?.position).toBe(3);
		expect(await db.attempts.count()).toBe(3);
		expect((await db.assignments.get('assign-1'))?.title).toBe('Week 3: Barkhane');
		expect(await db.submissions.count()).toBe(2);
	});

	test('takes settings from the backup only where this device has none', async () => {
		const incoming = {
			...empty(),
			settings: [
				{ key: 'theme', value: 'light' },
				{ key: 'dayStartHour', value: 5 }
			]
		};
		await importBackup(createBackup(incoming, NOW, '0.1.0'), 'merge');
		const db = await database();
		expect((await db.settings.get('theme'))?.value).toBe('dark');
		expect((await db.settings.get('dayStartHour'))?.value).toBe(5);
	});

	test('two devices that rated the same card: the merged card counts both ratings', async () => {
		const scheduler = createScheduler(DEFAULT_STUDY_SETTINGS);
		/** A card rated in turn, with its review rows keyed from `firstId`. */
		const rated = (ratings: [Grade, Date][], firstId: number) => {
			let state: StudyCard = newCard('dev-1', ['fact-dev-1'], ratings[0]![1]);
			const logs: StudyReview[] = [];
			ratings.forEach(([rating, when], i) => {
				const next = scheduler.rateCard(state, rating, when);
				state = next.card;
				logs.push({ ...next.review, id: firstId + i });
			});
			return { card: state, reviews: logs };
		};
		// both devices started from the same backup (Good on 1 June), then each rated once more
		const shared: [Grade, Date] = [Rating.Good, at(1)];
		const here = rated([shared, [Rating.Again, at(5)]], 10);
		const there = rated([shared, [Rating.Easy, at(6)]], 10);
		const db = await database();
		await db.cards.put(here.card);
		await addReviews(db, here.reviews);

		await importBackup(
			createBackup({ ...empty(), cards: [there.card], reviews: there.reviews }, NOW, '0.1.0'),
			'merge'
		);
		const all = rated([shared, [Rating.Again, at(5)], [Rating.Easy, at(6)]], 0).card;
		expect(await db.cards.get('dev-1')).toEqual(all);
		expect(await reviewsOf(db, 'dev-1').then((r) => r.length)).toBe(3);
	});

	test('a merge leaves a card alone when its reviews add nothing to it', async () => {
		const db = await database();
		// the sample cards hold more ratings than their logs: replaying would forget some
		const before = await db.cards.toArray();
		await importBackup(
			createBackup(
				{ ...empty(), reviews: [review('item-1', at(9, 9), { id: 1, rating: Rating.Hard })] },
				NOW,
				'0.1.0'
			),
			'merge'
		);
		expect(await db.cards.toArray()).toEqual(before);
	});

	test('merging a backup of this same database changes nothing', async () => {
		const before = await contentFingerprint();
		await importBackup(parseBackup(await exportBackup(NOW, '0.1.0')), 'merge');
		expect(await contentFingerprint()).toEqual(before);
	});
});

describe('a failure during the import rolls everything back', () => {
	test.each(['replace', 'merge'] as const)(
		'a full disk while writing reviews (%s) leaves the database as it was',
		async (mode) => {
			const before = await contentFingerprint();
			const incoming = createBackup(
				{ ...sampleTables(), cards: [card('item-8')], reviews: [review('item-8', at(11))] },
				NOW,
				'0.1.0'
			);
			const db = await database();
			// cards are written (and, on replace, every table cleared) before reviews fail
			const spy = vi
				.spyOn(db.reviewLogs, 'bulkPut')
				.mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
			const error = await importBackup(incoming, mode).catch((e: unknown) => e);
			spy.mockRestore();
			expect(error).toBeInstanceOf(BackupError);
			expect((error as BackupError).code).toBe('quota');
			expect((error as BackupError).message).toMatch(/ran out of storage.*nothing was changed/);
			expect(await contentFingerprint()).toEqual(before);
		}
	);

	test('any other failure is "write-failed", and the database still works afterwards', async () => {
		const before = await contentFingerprint();
		const db = await database();
		const spy = vi.spyOn(db.settings, 'bulkPut').mockRejectedValue(new Error('disk on fire'));
		const code = await errorCode(() =>
			importBackup(parseBackup(serializeBackup(createBackup(sampleTables(), NOW, 'x'))), 'replace')
		);
		spy.mockRestore();
		expect(code).toBe('write-failed');
		expect(await contentFingerprint()).toEqual(before);
		await db.settings.put({ key: 'after', value: 1 });
		expect(await db.settings.count()).toBe(4);
	});
});

test('the fingerprint changes when any row changes', async () => {
	const before = await contentFingerprint();
	await (await database()).cards.update('item-1', { stability: 12.6 });
	const after = await contentFingerprint();
	expect(after.counts).toEqual(before.counts);
	expect(after.hash).not.toBe(before.hash);
});

test('a review in the Review state stays one after the round trip (numbers are not strings)', async () => {
	const backup = parseBackup(await exportBackup(NOW, '0.1.0'));
	expect(backup.tables.reviews[0]?.state).toBe(State.Review);
	expect(typeof backup.tables.cards[0]?.stability).toBe('number');
});

describe('pack ids on study rows', () => {
	const PACK = 'france-mali-2025';
	const KNOWN = { known: new Set([PACK, 'tiny']), ofItem: new Map<string, string>() };
	type FileRows = { tables: Record<string, Record<string, unknown>[]> };
	const packsOf = async (pick: (itemId: string) => string | undefined) => {
		const db = await database();
		const ids = [...(await db.cards.toArray()), ...(await db.cardFlags.toArray())].map(
			(row) => row.itemId
		);
		return new Map(ids.flatMap((id) => (pick(id) ? [[id, pick(id)!] as const] : [])));
	};

	test('every study row of an export names its pack, and no other row does', async () => {
		const file = JSON.parse(
			await exportBackup(NOW, '0.1.0', await packsOf(() => PACK))
		) as FileRows;
		for (const name of ['cards', 'reviews', 'cardFlags']) {
			expect(file.tables[name]!.length, name).toBeGreaterThan(0);
			expect(
				file.tables[name]!.every((row) => row.packId === PACK),
				name
			).toBe(true);
		}
		for (const name of ['attempts', 'assignments', 'submissions', 'settings']) {
			expect(
				file.tables[name]!.some((row) => 'packId' in row),
				name
			).toBe(false);
		}
	});

	test('rows of two packs keep each their own, and restore exactly, the pack id kept by the file', async () => {
		const before = await database().then((db) => db.cards.toArray());
		const [first] = before;
		const packs = await packsOf((id) => (id === first!.itemId ? 'tiny' : PACK));
		const text = await exportBackup(NOW, '0.1.0', packs);
		const file = JSON.parse(text) as FileRows;
		expect(file.tables.cards!.find((row) => row.itemId === first!.itemId)!.packId).toBe('tiny');
		const backup = parseBackup(text, { packs: KNOWN });
		expect(backup.packs).toEqual(packs);
		await importBackup(backup, 'replace');
		expect(await database().then((db) => db.cards.toArray())).toEqual(before);
	});

	test('a file made before rows named their pack still imports', async () => {
		const text = await exportBackup(NOW, '0.1.0');
		expect(text).not.toContain('packId');
		const backup = parseBackup(text, { packs: KNOWN });
		expect(backup.packs).toBeUndefined();
		expect(backup.tables.cards.length).toBeGreaterThan(0);
	});

	test.each<[string, string, (file: FileRows) => void]>([
		[
			'an article this app does not have',
			'other-pack',
			(f) => f.tables.reviews!.forEach((r) => (r.packId = 'other-article'))
		],
		['a card given two articles', 'invalid-rows', (f) => (f.tables.cardFlags![0]!.packId = 'tiny')],
		['a pack id that is not text', 'invalid-rows', (f) => (f.tables.cards![0]!.packId = 7)],
		[
			'a card named under the wrong article',
			'invalid-rows',
			(f) => {
				// every row of that card agrees, so only the app's own list of items can tell
				const itemId = f.tables.cards![0]!.itemId;
				for (const name of ['cards', 'reviews', 'cardFlags'])
					for (const row of f.tables[name]!) if (row.itemId === itemId) row.packId = 'tiny';
			}
		]
	])('a file with %s is refused before anything is written', async (_, code, change) => {
		const file = JSON.parse(
			await exportBackup(NOW, '0.1.0', await packsOf(() => PACK))
		) as FileRows;
		change(file);
		const ofItem = new Map(file.tables.cards!.map((row) => [row.itemId as string, PACK]));
		const error = (() => {
			try {
				parseBackup(JSON.stringify(file), { packs: { ...KNOWN, ofItem } });
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(BackupError);
		expect((error as BackupError).code).toBe(code);
	});
});

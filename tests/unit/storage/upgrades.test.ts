// Every declared schema version is opened with data by the current code, and nothing is lost.
// The test is driven by SCHEMA_VERSIONS, so a new version is covered the day it is declared:
// give it representative rows in `rowsAtVersion` if its tables change, and an expectation in
// `afterUpgrade` if its upgrade rewrites rows.
import Dexie, { cmp } from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { createBackup, serializeBackup } from '../../../src/lib/storage/backup-format';
import { assignmentPlan, quizPlan } from '../../../src/lib/attempt/record';
import {
	DB_NAME,
	SahelDatabase,
	SCHEMA_VERSIONS,
	type AttemptRow,
	type ReviewRow
} from '../../../src/lib/storage/db';
import { logsOf, reviewCount } from '../../../src/lib/storage/review-log';
import { closeDatabase, database } from '../../../src/lib/storage/repository';
import { sampleTables } from './backup-fixtures';

type Rows = Record<string, unknown[]>;

// a real non-extractable pair, as the app stores it from version 3
const DEVICE_KEYS = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
	'sign',
	'verify'
]);

// an instructor's class key as the app stores it from version 8
const CLASS_KEYS = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
	'deriveBits'
])) as CryptoKeyPair;

/** Rows as the app wrote them at `version` (version 1's shapes are today's). */
function rowsAtVersion(version: number): Rows {
	// version 2 adds the copy a Replace keeps of what it removed, version 3 the device key,
	// version 4 the learner's card marks, version 6 the reviews' global ids and the tombstones
	// of undone ones, version 7 their own cards and wordings, version 8 the class channel's
	// keys and outbox, version 9 the removals of own cards and wordings
	const { cardFlags, ownCards, cardWordings, tombstones, ...before4 } = sampleTables();
	const tables = {
		...before4,
		...(version >= 4 ? { cardFlags } : {}),
		...(version >= 7 ? { ownCards, cardWordings } : {})
	} as unknown as Rows;
	if (version >= 6) {
		tables.tombstones = tombstones;
	} else {
		const withoutUid = tables.reviews!.map((row) => {
			const rest = { ...(row as { uid?: string }) };
			delete rest.uid;
			return rest;
		});
		// two ratings of one card in one millisecond, from before ids existed, stay two
		tables.reviews = [...withoutUid, { ...withoutUid[0], id: 9, rating: 4 }];
	}
	const added: Rows = {
		...(version >= 2 ? { replacedCopies: [replacedCopyRow()] } : {}),
		...(version >= 3
			? {
					deviceKeys: [
						{ id: 'this-device', ...DEVICE_KEYS, createdAt: new Date('2025-10-01T08:00:00.000Z') }
					]
				}
			: {}),
		...(version >= 8
			? {
					classKeys: [
						{
							assignmentId: 'asg-1',
							secret: '0123456789ABCDEFGHJKMNPQR0',
							privateKey: CLASS_KEYS.privateKey,
							publicKey: 'B'.repeat(87),
							createdAt: new Date('2025-10-03T08:00:00.000Z')
						}
					],
					outbox: [
						{
							attemptId: 'attempt-1',
							assignmentId: 'asg-1',
							origin: 'wss://sync.example.org',
							dropToken: '0123456789ABCDEFGHJKMNPQR0',
							envelope: 'E1.AAAA',
							state: 'queued',
							queuedAt: new Date('2025-10-03T09:00:00.000Z')
						}
					]
				}
			: {}),
		...(version >= 9
			? {
					ownRemovals: [
						{ kind: 'ownCards', key: 'own-gone', at: new Date('2025-10-04T08:00:00.000Z') }
					]
				}
			: {})
	};
	const attempts = [...(tables.attempts ?? []), ...readableAttempts(version)];
	// version 10 keeps each card's ratings in one row, its log (and leaves the old table for
	// version 11 to delete: they ship together, so no device stays at 10)
	if (version >= 10) {
		tables.reviewLogs = logsOf(tables.reviews as ReviewRow[]);
		if (version >= 11) delete tables.reviews;
	}
	return { ...tables, attempts, ...added };
}

const CONFIG = {
	topics: 'all',
	types: 'all',
	count: 5,
	mode: 'exam',
	mistakesOnly: false,
	seed: 's'
} as const;
const QUESTIONS = [
	{ itemId: 'q1', type: 'truefalse' as const, optionOrder: ['True', 'False'] },
	{ itemId: 'q2', type: 'cloze' as const }
];
const TAKING = { assignmentId: 'as1', student: 'Awa', attempt: 1, receiptCode: 'R1' };

/**
 * Attempts whose plans this code reads, in the shape the app wrote at `version`: before 5 a
 * quiz kept `{ version: 1, config, questions }` and an assignment an unversioned student plan.
 */
function readableAttempts(version: number): AttemptRow[] {
	const row = (id: string, kind: AttemptRow['kind'], plan: unknown): AttemptRow => ({
		id,
		kind,
		startedAt: new Date('2025-10-02T08:00:00.000Z'),
		plan,
		answers: {},
		position: 1
	});
	return version < 5
		? [
				row('v1-quiz', 'quiz', { version: 1, config: CONFIG, questions: QUESTIONS }),
				row('v1-assignment', 'assignment', { ...TAKING, questions: QUESTIONS })
			]
		: [
				row('v1-quiz', 'quiz', quizPlan(CONFIG, QUESTIONS)),
				row('v1-assignment', 'assignment', assignmentPlan(TAKING, QUESTIONS))
			];
}

/** A copy a Replace kept: the sample tables as a backup file's text. */
function replacedCopyRow() {
	return {
		id: 'latest',
		savedAt: new Date(2025, 5, 12, 9),
		text: serializeBackup(createBackup(sampleTables(), new Date(2025, 5, 12, 9), 'replaced'))
	};
}

/**
 * The rows the current code should read after upgrading from `version`: version 5 rewrites
 * readable plans into one shape and keeps unreadable ones exactly as they were; version 6
 * gives every review its global id.
 */
function afterUpgrade(version: number, rows: Rows): Rows {
	let out = rows;
	if (version < 5) {
		const sampled = (rows.attempts as AttemptRow[]).filter((a) => !a.id.startsWith('v1-'));
		out = { ...out, attempts: [...sampled, ...readableAttempts(5)] };
	}
	if (version >= 10) return out;
	if (version >= 6) return withLogs(out);
	// version 6 gives every review its global id: derived from its card and time, so another
	// device with the same review names it alike, and made unique by the row key on a clash
	const seen = new Set<string>();
	const reviews = out.reviews!.map((row) => {
		const r = row as { id: number; itemId: string; review: Date };
		let uid = `legacy:${r.itemId}@${r.review.getTime()}`;
		if (seen.has(uid)) uid = `${uid}#${r.id}`;
		seen.add(uid);
		return { ...r, uid };
	});
	return withLogs({ ...out, reviews });
}

/** Version 10 moves the ratings into one log per card, in the order of their old keys. */
function withLogs(rows: Rows): Rows {
	const out = { ...rows };
	const inOrder = [...(out.reviews as ReviewRow[])].sort((a, b) => a.id! - b.id!);
	out.reviewLogs = logsOf(inOrder);
	delete out.reviews;
	return out;
}

/** Tables that exist at `version`: stores accumulate, and a store set to null is deleted. */
function tablesAt(version: number): string[] {
	const tables = new Set<string>();
	for (const declared of SCHEMA_VERSIONS) {
		if (declared.version > version) break;
		for (const [name, spec] of Object.entries(declared.stores)) {
			if (spec === null) tables.delete(name);
			else tables.add(name);
		}
	}
	return [...tables];
}

/** Rows sorted by primary key, as `toArray` returns them. */
function inKeyOrder(db: Dexie, name: string, rows: unknown[]): unknown[] {
	const keyPath = db.table(name).schema.primKey.keyPath as string;
	return [...rows].sort((a, b) =>
		cmp((a as Record<string, unknown>)[keyPath], (b as Record<string, unknown>)[keyPath])
	);
}

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

describe.each(SCHEMA_VERSIONS.map((v) => v.version))('a database made at version %i', (version) => {
	test('gives representative rows to every one of its tables', () => {
		const rows = rowsAtVersion(version);
		for (const name of tablesAt(version)) expect(rows[name]?.length, name).toBeGreaterThan(0);
	});

	test('opens with the current code with every row still there and equal', async () => {
		// a database declared with only the versions up to this one, as that release made it
		const old = new SahelDatabase(
			DB_NAME,
			SCHEMA_VERSIONS.filter((v) => v.version <= version)
		);
		const rows = rowsAtVersion(version);
		await old.transaction('rw', old.tables, async () => {
			for (const name of tablesAt(version)) await old.table(name).bulkAdd(rows[name]!);
		});
		expect(old.verno).toBe(version);
		old.close();

		const db = await database();
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
		const expected = afterUpgrade(version, rows);
		for (const name of new Set([...tablesAt(version), ...Object.keys(expected)])) {
			if (!db.tables.some((t) => t.name === name)) continue; // deleted by a later version
			expect(await db.table(name).toArray(), name).toEqual(
				inKeyOrder(db, name, expected[name] ?? [])
			);
		}
	});
});

test('the sample rows cover every table of the current schema', () => {
	const rows = rowsAtVersion(SCHEMA_VERSIONS.at(-1)!.version);
	expect(Object.keys(rows).sort()).toEqual(tablesAt(SCHEMA_VERSIONS.at(-1)!.version).sort());
});

test('version 7 (own cards, wordings) opens a version 4 database with every row kept and its own tables empty', async () => {
	const old = new SahelDatabase(
		DB_NAME,
		SCHEMA_VERSIONS.filter((v) => v.version <= 4)
	);
	const rows = rowsAtVersion(4);
	await old.transaction('rw', old.tables, async () => {
		for (const name of tablesAt(4)) await old.table(name).bulkAdd(rows[name]!);
	});
	old.close();

	const db = await database();
	await db.open();
	expect(db.verno).toBeGreaterThanOrEqual(7);
	for (const name of tablesAt(4).filter((name) => name !== 'reviews'))
		expect(await db.table(name).count(), name).toBe(rows[name]!.length);
	expect(await reviewCount(db)).toBe(rows.reviews!.length);
	expect(await db.ownCards.count()).toBe(0);
	expect(await db.cardWordings.count()).toBe(0);
	// and the new tables take rows at once
	await db.ownCards.add(sampleTables().ownCards[0]!);
	expect(await db.ownCards.count()).toBe(1);
});

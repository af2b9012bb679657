import Dexie, { type EntityTable } from 'dexie';
import { upgradePlan } from '../attempt/record';
import type { CardFlags } from '../srs/card-flags';
import type { CardWording, OwnCard } from '../srs/own-cards';
import type { StudyCard, StudyReview } from '../srs/types';
import { DB_NAME } from './db-name';
import { legacyReviewUid } from './review-uid';
import { logsOf } from './review-log';
import type { PackedReviews } from './review-pack';

/** One study card's FSRS state (ts-fsrs fields), keyed by the bank item it schedules. */
export type CardRow = StudyCard;

/** One rating, as ts-fsrs logs it, with its global id (`uid`). */
export type ReviewRow = StudyReview;

/** One card's ratings (see review-log.ts): its log, keyed by the card's item id. */
export interface ReviewLogRow {
	itemId: string;
	/** Its ratings, in the order they were written. */
	reviews: ReviewRow[];
	/** The newest rating's time: a log whose `last` is before a time holds nothing after it. */
	last: Date;
	/** What a damaged row held in place of its list of ratings, kept as it was. */
	damaged?: unknown;
	/** The app's own ratings of the card as columns (review-pack.ts); `reviews` holds the rest. */
	packed?: PackedReviews;
}

export type AttemptKind = 'quiz' | 'assignment';

/** A quiz or assignment attempt; answers are written one by one as they are given. */
export interface AttemptRow {
	id: string;
	kind: AttemptKind;
	assignmentId?: string;
	startedAt: Date;
	finishedAt?: Date;
	/** Everything needed to replay the attempt in the same order: an `AttemptPlan` when readable. */
	plan: unknown;
	answers: Record<string, unknown>;
	position: number;
	/** The answer being composed on the question at `position`, not yet given. */
	draft?: unknown;
}

export type AssignmentRole = 'instructor' | 'student';

/** An assignment this device made (instructor) or received (student), with its code. */
export interface AssignmentRow {
	id: string;
	role: AssignmentRole;
	code: string;
	title: string;
	createdAt: Date;
	data: unknown;
}

/** A student's receipt imported into the instructor's gradebook. */
export interface SubmissionRow {
	id: string;
	assignmentId: string;
	studentName: string;
	importedAt: Date;
	receipt: unknown;
}

/**
 * This device's receipt-signing key pair, as CryptoKey objects (IndexedDB stores them by
 * structured clone; the private key is non-extractable, so no backup or script can copy it).
 */
export interface DeviceKeyRow {
	id: string;
	privateKey: CryptoKey;
	publicKey: CryptoKey;
	createdAt: Date;
}
/**
 * An instructor's keys to one assignment's class inbox: the secret that reads it and the
 * private key that opens its sealed receipts (non-extractable). Kept on this device only,
 * like the device key: never in a backup, never synced.
 */
export interface ClassKeyRow {
	assignmentId: string;
	secret: string;
	privateKey: CryptoKey;
	/** The public half as the assignment code carries it (base64url). */
	publicKey: string;
	createdAt: Date;
}

/** A receipt a student's device seals and delivers to its class inbox (queued while offline). */
export interface OutboxRow {
	/** The attempt whose receipt this is: one delivery per handed-in attempt. */
	attemptId: string;
	assignmentId: string;
	origin: string;
	dropToken: string;
	/** The sealed receipt, sealed once so a retry sends the very same entry. */
	envelope: string;
	state: 'queued' | 'delivered' | 'failed';
	/** Why the server refused it (a code from the server), when it did. */
	error?: string;
	queuedAt: Date;
	deliveredAt?: Date;
}

/** The learner's marks on a card (suspended, buried, flag, reset), apart from its FSRS row. */
export type CardFlagRow = CardFlags;

/** An undone review: its `uid` never counts again, on this device or any it syncs with. */
export interface TombstoneRow {
	uid: string;
	/** When the rating was taken back. */
	at: Date;
}

/**
 * An own card deleted, or a wording taken back to the bank's: kept so sync can tell every
 * other device (and not bring the row back from a device that still has it).
 */
export interface OwnRemovalRow {
	kind: 'ownCards' | 'cardWordings';
	/** The own card's id, or the bank item's id. */
	key: string;
	at: Date;
}

/** A card the learner wrote (from a passage of the article, or in the card browser). */
export type OwnCardRow = OwnCard;

/** The learner's wording of a bank card, keyed by its item id: a new bank version keeps it. */
export type CardWordingRow = CardWording;

export interface SettingRow {
	key: string;
	value: unknown;
}

export { DB_NAME };

/** What a Replace removed, kept as a backup's text so it can be put back for a week. */
export interface ReplacedCopyRow {
	/** Always 'latest': one copy, of the last Replace. */
	id: string;
	savedAt: Date;
	/** The replaced data as a backup file's text (see backup-format.ts). */
	text: string;
}

/** `row` with its plan in today's shape when it is readable (version 5's upgrade, and imports). */
export function withCurrentPlan(row: AttemptRow): AttemptRow {
	const plan = upgradePlan(row.kind, row.plan);
	return plan ? { ...row, plan } : row;
}

/**
 * The schema, every version kept: a version is added, never edited, and carries its upgrade.
 * Indexes list only the fields that are queried; other fields are stored unindexed.
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{
	version: number;
	stores: Record<string, string | null>;
	upgrade?: Parameters<ReturnType<Dexie['version']>['upgrade']>[0];
}> = [
	{
		version: 1,
		stores: {
			cards: 'itemId, due, state',
			reviews: '++id, itemId, review',
			attempts: 'id, kind, assignmentId, startedAt, finishedAt',
			assignments: 'id, role, createdAt',
			submissions: 'id, assignmentId, importedAt',
			settings: 'key'
		}
	},
	{
		// the copy a Replace keeps of what it removed; not part of backups, never cleared by them
		version: 2,
		stores: { replacedCopies: 'id, savedAt' }
	},
	{
		// the device's signing key; deliberately outside backups (it cannot be exported)
		version: 3,
		stores: { deviceKeys: 'id' }
	},
	{
		// the card browser: the learner's marks live in their own table, because a card row is
		// rewritten from its reviews on every rating; a new table, so no row needs rewriting
		version: 4,
		stores: { cardFlags: 'itemId' }
	},
	{
		// one plan shape for quizzes and assignments (attempt/record.ts); a plan this version
		// cannot read is kept exactly as it was, so no row is lost and a newer app can read it
		version: 5,
		stores: {},
		upgrade: (tx) =>
			tx
				.table<AttemptRow, string>('attempts')
				.toCollection()
				.modify((row) => {
					row.plan = withCurrentPlan(row).plan;
				})
	},
	{
		// sync: a review is an event with a globally unique id (`uid`), so two devices' ratings
		// are a union; Undo leaves a tombstone that syncs. IndexedDB cannot change the '++id'
		// key, so the id lives in a new unique index, filled here for every existing row
		version: 6,
		stores: { reviews: '++id, itemId, review, &uid', tombstones: 'uid, at' },
		upgrade: async (tx) => {
			const taken = new Set<string>();
			await tx
				.table('reviews')
				.toCollection()
				.modify((row: ReviewRow) => {
					if (typeof row.uid === 'string' && row.uid && !taken.has(row.uid)) {
						taken.add(row.uid);
						return;
					}
					// the id another device derives for the same rating restored from one backup;
					// the row key tells apart two ratings of one card in one millisecond
					let uid = legacyReviewUid(row);
					if (taken.has(uid)) uid = `${uid}#${row.id}`;
					taken.add(uid);
					row.uid = uid;
				});
		}
	},
	{
		// cards the learner owns: the cards they write and their wording of bank cards, each in
		// its own table, so a bank update (which only replaces static/bank) never reaches them;
		// new tables only, so no row needs rewriting
		version: 7,
		stores: { ownCards: 'id, paragraph, createdAt', cardWordings: 'itemId' }
	},
	{
		// the class channel: an instructor's keys to each class inbox, and a student's receipts
		// waiting to be delivered; new tables only, kept out of backups (keys and a queue)
		version: 8,
		stores: { classKeys: 'assignmentId', outbox: 'attemptId, state' }
	},
	{
		// sync of own cards: what the learner removed (a card deleted, a wording restored), so
		// the removal reaches other devices; a new table only, kept out of backups
		version: 9,
		stores: { ownRemovals: '[kind+key]' }
	},
	{
		// ratings stored one row per card (review-log.ts): a device that receives 100,000
		// ratings writes a few hundred rows instead of 100,000, and a card's replay reads one
		// row. Every rating is copied, damaged ones included; version 11 then drops the old table
		// (Dexie lets an upgrade read a table only a later version deletes)
		version: 10,
		stores: { reviewLogs: 'itemId, last' },
		upgrade: async (tx) => {
			const rows = await tx.table<ReviewRow>('reviews').toArray();
			await tx.table<ReviewLogRow>('reviewLogs').bulkAdd(logsOf(rows));
		}
	},
	{
		version: 11,
		stores: { reviews: null }
	},
	{
		// a log's own ratings packed as columns (review-pack.ts), written as logs are rewritten.
		// No table changes: the version is there so that a tab of an earlier version, which
		// reads only `reviews`, closes (see repository.ts) instead of rewriting a log it sees half of
		version: 12,
		stores: {}
	}
];

export class SahelDatabase extends Dexie {
	cards!: EntityTable<CardRow, 'itemId'>;
	reviewLogs!: EntityTable<ReviewLogRow, 'itemId'>;
	attempts!: EntityTable<AttemptRow, 'id'>;
	assignments!: EntityTable<AssignmentRow, 'id'>;
	submissions!: EntityTable<SubmissionRow, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;
	replacedCopies!: EntityTable<ReplacedCopyRow, 'id'>;
	deviceKeys!: EntityTable<DeviceKeyRow, 'id'>;
	cardFlags!: EntityTable<CardFlagRow, 'itemId'>;
	tombstones!: EntityTable<TombstoneRow, 'uid'>;

	ownCards!: EntityTable<OwnCardRow, 'id'>;
	cardWordings!: EntityTable<CardWordingRow, 'itemId'>;
	classKeys!: EntityTable<ClassKeyRow, 'assignmentId'>;
	outbox!: EntityTable<OutboxRow, 'attemptId'>;
	ownRemovals!: Dexie.Table<OwnRemovalRow, [OwnRemovalRow['kind'], string]>;

	constructor(name = DB_NAME, versions = SCHEMA_VERSIONS) {
		super(name);
		for (const { version, stores, upgrade } of versions) {
			const declared = this.version(version).stores(stores);
			if (upgrade) declared.upgrade(upgrade);
		}
	}
}

// Mirrors what this device stores into its sync document and applies what other devices put
// there into storage. It compares ids both ways every time it runs, so it needs no change log:
// whatever happened while it was off (another tab, a restore, a week offline) is caught up the
// next time. Storage is a port, so this module imports neither Dexie nor Svelte.
import type * as Y from 'yjs';
import type { StudyReview } from '../srs/types';
import {
	decodeMark,
	encodeMark,
	isLaterMark,
	markKey,
	outranks,
	refusalOf,
	ROW_MAPS,
	stepClock,
	TIMED_ARRIVAL,
	type MarkEntry,
	type RowMapName
} from './owned-rows';
import { decodeReviewEvent } from './review-event';
import { ReviewFeed } from './review-feed';
import { LOCAL_ORIGIN, SYNCED_SETTINGS, syncMaps, type SettingEntry } from './sync-doc';

/** A tombstone as storage keeps it. */
export interface Undone {
	uid: string;
	at: Date;
}

/** A row (attempt, assignment, imported receipt) as it travels: the text of its backup row. */
export interface RowText {
	kind: RowMapName;
	key: string;
	text: string;
}

/** What arrived from other devices, already decoded; storage validates it again. */
export interface Arrivals {
	reviews: StudyReview[];
	undone: Undone[];
	settings: { key: string; value: unknown }[];
	/** Rows whose copy outranks this device's (or that this device lacks). */
	rows?: RowText[];
	/** Card marks changed later than this device's. */
	marks?: MarkEntry[];
}

/** What storage did with arrivals. */
export interface ApplyReport {
	added: number;
	removed: number;
	/** Arrivals refused because they are not data this app could have written. */
	refused: number;
	/** Their ids, so they are not looked at (nor counted) again. */
	refusedIds?: string[];
	/** Cards recomputed from their reviews. */
	cards: number;
	/** Attempts, assignments and receipts written. */
	rows?: number;
	/** Card marks written. */
	marks?: number;
}

/** What the engine needs of storage. */
export interface SyncStore {
	/**
	 * Opens storage ahead of the first run, while the server's answer is on its way (on a fresh
	 * device, creating the database; the first run writes everything the space holds).
	 */
	prepare?(): Promise<void>;
	/** The global ids of every stored review and every tombstone. */
	localIds(): Promise<{ reviews: string[]; undone: string[] }>;
	readReviews(uids: readonly string[]): Promise<StudyReview[]>;
	readUndone(uids: readonly string[]): Promise<Undone[]>;
	readSettings(keys: readonly string[]): Promise<Record<string, unknown>>;
	/** Every stored row of each row map, as text by id. */
	readRows(): Promise<Record<RowMapName, Map<string, string>>>;
	/** Every card mark this device holds or took off (with when). */
	readMarks(): Promise<MarkEntry[]>;
	/** Writes arrivals in one transaction, recomputing the cards they touch. */
	applyArrivals(arrivals: Arrivals): Promise<ApplyReport>;
	/** Whether a review as it arrived would be kept (it passes the row checks). */
	keepsReview(review: StudyReview): boolean;
}

/** What one run did. */
export interface RunReport extends ApplyReport {
	/** Local changes written into the document. */
	sent: number;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function isSettingEntry(x: unknown): x is SettingEntry {
	return (
		typeof x === 'object' &&
		x !== null &&
		'value' in x &&
		typeof (x as SettingEntry).at === 'number'
	);
}

/** One device's mirror between its storage and one sync document. */
export class SyncEngine {
	readonly #doc: Y.Doc;
	readonly #store: SyncStore;
	readonly #feed: ReviewFeed;
	readonly #now: () => Date;
	readonly #dirtySettings = new Set<string>();
	/** Events refused once are not looked at again (nor counted again). */
	readonly #refused = new Set<string>();
	/**
	 * Ratings refused once, with the last of their copies then: looked at again only when
	 * another copy comes (its owner heals a damaged one by appending it again).
	 */
	readonly #refusedRatings = new Map<string, unknown>();
	/** Refused copies this device has written its own over (once each). */
	readonly #overwritten = new Set<string>();
	#running: Promise<RunReport> | undefined;
	#again = false;
	#started = false;

	readonly #afterApply: (() => void) | undefined;

	/** `afterApply` is called once storage has written what a run brought (or failed to). */
	constructor(
		doc: Y.Doc,
		store: SyncStore,
		now: () => Date = () => new Date(),
		afterApply?: () => void
	) {
		this.#doc = doc;
		this.#store = store;
		this.#feed = new ReviewFeed(doc);
		this.#now = now;
		this.#afterApply = afterApply;
	}

	async #apply(arrivals: Arrivals): Promise<ApplyReport> {
		try {
			return await this.#store.applyArrivals(arrivals);
		} finally {
			this.#afterApply?.();
		}
	}

	/** Marks a setting this device changed, to be written with the next run. */
	settingChanged(key: string): void {
		if ((SYNCED_SETTINGS as readonly string[]).includes(key)) this.#dirtySettings.add(key);
	}

	/**
	 * Compares and copies both ways. Runs one at a time: a call made while a run is going
	 * makes one more run after it, so no change is left behind.
	 */
	run(): Promise<RunReport> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#runOnce().finally(() => {
			this.#running = undefined;
			if (this.#again) {
				this.#again = false;
				void this.run();
			}
		});
		return this.#running;
	}

	async #runOnce(): Promise<RunReport> {
		let bulk = 0;
		const step = stepClock(() => bulk >= TIMED_ARRIVAL);
		step('run');
		const maps = syncMaps(this.#doc);
		const { undone: docUndone, settings: docSettings } = maps;
		const feed = this.#feed;
		const local = await this.#store.localIds();
		step('local-ids');
		const localReviews = new Set(local.reviews);
		const localUndone = new Set(local.undone);

		// arrivals: in the document, not here, and not undone anywhere
		const arrivals: Arrivals = { reviews: [], undone: [], settings: [] };
		let refused = 0;
		// each arriving rating's last copy, to know it again if storage refuses it
		const lastCopies = new Map<string, unknown>();
		for (const [uid, events] of feed.entries()) {
			if (localReviews.has(uid) || localUndone.has(uid) || docUndone.has(uid)) continue;
			const lastCopy = events[events.length - 1];
			if (this.#refusedRatings.has(uid) && this.#refusedRatings.get(uid) === lastCopy) continue;
			// every copy that decodes goes to storage, which keeps the first that passes its checks
			let decoded = 0;
			for (const event of events) {
				const review = decodeReviewEvent(uid, event);
				if (review) {
					arrivals.reviews.push(review);
					decoded++;
				}
			}
			if (decoded === 0) {
				this.#refusedRatings.set(uid, lastCopy);
				refused++;
			} else lastCopies.set(uid, lastCopy);
		}
		for (const [uid, at] of docUndone) {
			if (localUndone.has(uid) || this.#refused.has(uid)) continue;
			if (typeof at === 'number' && Number.isFinite(at))
				arrivals.undone.push({ uid, at: new Date(at) });
			else {
				this.#refused.add(uid);
				refused++;
			}
		}
		const localSettings = await this.#store.readSettings(SYNCED_SETTINGS);
		const firstRun = !this.#started;
		this.#started = true;
		for (const key of SYNCED_SETTINGS) {
			const entry = docSettings.get(key);
			if (this.#dirtySettings.has(key) || !isSettingEntry(entry)) continue;
			// the document's value is the last writer's: take it unless it is already ours
			if (!sameJson(entry.value, localSettings[key]))
				arrivals.settings.push({ key, value: entry.value });
		}
		// rows and marks: take the document's copy where it outranks ours; send ours where it wins
		const [localRows, localMarks] = await Promise.all([
			this.#store.readRows(),
			this.#store.readMarks()
		]);
		const rows: RowText[] = [];
		const ownRows: RowText[] = [];
		for (const kind of ROW_MAPS) {
			const map = maps[kind];
			const mine = localRows[kind];
			for (const [key, text] of map) {
				const own = mine.get(key);
				if (typeof text !== 'string') {
					if (own === undefined && !this.#refused.has(refusalOf(kind, key, text))) {
						this.#refused.add(refusalOf(kind, key, text));
						refused++;
					}
					continue;
				}
				if (own === text || this.#refused.has(refusalOf(kind, key, text))) continue;
				if (own === undefined || outranks(kind, text, own)) rows.push({ kind, key, text });
			}
			for (const [key, text] of mine) ownRows.push({ kind, key, text });
		}
		const marks: MarkEntry[] = [];
		const marksToSend: MarkEntry[] = [];
		const localMarkByKey = new Map(
			localMarks.map((mark) => [markKey(mark.field, mark.itemId), mark])
		);
		for (const [key, raw] of maps.marks) {
			const theirs = decodeMark(key, raw);
			const own = localMarkByKey.get(key);
			if (!theirs) {
				const id = refusalOf('marks', key, raw);
				if (own === undefined && !this.#refused.has(id)) {
					this.#refused.add(id);
					refused++;
				}
				continue;
			}
			if (this.#refused.has(refusalOf('marks', key, raw))) continue;
			if (!own || isLaterMark(theirs, own)) marks.push(theirs);
		}
		for (const [key, own] of localMarkByKey) {
			const theirs = decodeMark(key, maps.marks.get(key));
			if (!theirs || isLaterMark(own, theirs)) marksToSend.push(own);
		}
		if (rows.length > 0) arrivals.rows = rows;
		if (marks.length > 0) arrivals.marks = marks;

		bulk = arrivals.reviews.length;
		step('decoded');
		const applied =
			arrivals.reviews.length +
				arrivals.undone.length +
				arrivals.settings.length +
				rows.length +
				marks.length >
			0
				? await this.#apply(arrivals)
				: { added: 0, removed: 0, refused: 0, cards: 0 };

		// a copy refused here (now or before) never outranks ours, or one malformed entry (say, a
		// removal dated 2999) would stop every later change of that row from leaving this device
		for (const id of applied.refusedIds ?? []) {
			if (lastCopies.has(id)) this.#refusedRatings.set(id, lastCopies.get(id));
			else this.#refused.add(id);
		}
		// a review storage did not refuse passed its checks: the document holds a copy to keep
		// (a storage that names no refusals, only counts them, leaves every copy to be checked)
		if (arrivals.reviews.length > 0 && applied.refusedIds) {
			const refusedNow = new Set(applied.refusedIds);
			for (const { uid } of arrivals.reviews) if (uid && !refusedNow.has(uid)) feed.kept(uid);
		}
		// (once per refused copy: a device whose clock or version accepts that copy may write it
		// back, and two devices must not take turns for ever)
		const rowsToSend = ownRows.filter(({ kind, key, text }) => {
			const theirs = maps[kind].get(key);
			if (typeof theirs !== 'string') return true;
			const refusal = refusalOf(kind, key, theirs);
			if (this.#refused.has(refusal)) {
				if (this.#overwritten.has(refusal)) return false;
				this.#overwritten.add(refusal);
				return true;
			}
			return outranks(kind, text, theirs);
		});

		// departures: here, not yet in the document
		const keeps = (review: StudyReview) => this.#store.keepsReview(review);
		const toSend = local.reviews.filter((uid) => !feed.holds(uid, keeps) && !docUndone.has(uid));
		const undoneToSend = local.undone.filter((uid) => !docUndone.has(uid));
		const [reviews, undone] = await Promise.all([
			toSend.length ? this.#store.readReviews(toSend) : [],
			undoneToSend.length ? this.#store.readUndone(undoneToSend) : []
		]);
		const settingsToSend = SYNCED_SETTINGS.filter(
			(key) =>
				localSettings[key] !== undefined &&
				(this.#dirtySettings.has(key) || (firstRun && !docSettings.has(key)))
		);
		const at = this.#now().getTime();
		const sent =
			reviews.length +
			undone.length +
			settingsToSend.length +
			rowsToSend.length +
			marksToSend.length;
		if (sent > 0) {
			this.#doc.transact(() => {
				feed.append(reviews);
				for (const tomb of undone) docUndone.set(tomb.uid, tomb.at.getTime());
				for (const key of settingsToSend) {
					docSettings.set(key, { value: localSettings[key], at } satisfies SettingEntry);
				}
				for (const row of rowsToSend) maps[row.kind].set(row.key, row.text);
				for (const mark of marksToSend)
					maps.marks.set(markKey(mark.field, mark.itemId), encodeMark(mark));
			}, LOCAL_ORIGIN);
		}
		for (const key of settingsToSend) this.#dirtySettings.delete(key);
		step('done');
		return { ...applied, refused: applied.refused + refused, sent };
	}
}

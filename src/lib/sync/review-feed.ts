// The reviews a sync document holds, in every form it may hold them, looked up by id.
//
// This version writes each review as one line of JSON text (review-event.ts) at the end of the
// `ratingLines` text. Yjs joins the text a device adds one insert after another into a single
// item holding a single string, and writes and reads a long string in one piece: a space of
// 100,000 ratings made over a thousand sessions is a thousand strings. The version before
// appended each text as its own value of the `ratings` list: a thousand items too, but 100,000
// strings, each written byte by byte and read on its own, every time the server or a device
// loads or sends the document (a third of a second of a fresh device's wait here, and as much
// again on the server). Earlier versions wrote one `reviews` map entry per review: 100,000
// items. Both are still read, and a review is in the document when any form holds its id.
import type * as Y from 'yjs';
import type { StudyReview } from '../srs/types';
import { decodeReviewEvent, encodeReviewText, textEventUid } from './review-event';
import { syncMaps } from './sync-doc';

/** The id under which a text that names none is refused (once). */
const unnamed = (text: unknown) => `ratings:${typeof text === 'string' ? text : typeof text}`;

/** A text parsed, or undefined when it is no JSON text. */
function parseText(value: unknown): unknown {
	if (typeof value !== 'string') return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return undefined;
	}
}

/** id → the events of its copies, in document order (one array an id: 100,000 on a join). */
type Index = Map<string, unknown[]>;

/** Files a copy under its id. */
function add(index: Index, uid: string, event: unknown): void {
	const copies = index.get(uid);
	if (copies) copies.push(event);
	else index.set(uid, [event]);
}

/**
 * A sync document's reviews by id, kept up to date as the document changes. An id may have
 * several copies (two devices may both append a rating they learned from one backup; a damaged
 * writer may add a bad one): every copy is kept, in list order, so a damaged copy never hides
 * a good one, and storage takes the first that passes its checks.
 */
export class ReviewFeed {
	readonly #lines: Y.Text;
	readonly #list: Y.Array<unknown>;
	readonly #map: Y.Map<unknown>;
	/** id → its copies (parsed lines, texts, then a map entry); undefined until first asked. */
	#index: Index | undefined;
	/** Whether a copy (a parsed event) is one storage keeps, once asked. */
	#good = new WeakMap<object, boolean>();
	/**
	 * How much of the lines text the index holds, counted as Yjs counts positions (anything
	 * that is not text, which no app writes and the server refuses, counts one).
	 */
	#linesIndexed = 0;
	/** Whether the text the index holds ends a line (so an insert after it starts one). */
	#linesEndClean = true;
	/** Ids storage kept a copy of from this index (so one of their copies is good). */
	readonly #kept = new Set<string>();

	constructor(doc: Y.Doc) {
		const { ratingLines, ratings, reviews } = syncMaps(doc);
		this.#lines = ratingLines;
		this.#list = ratings;
		this.#map = reviews;
		// appended texts are added as they come; anything else (a removal, which this app never
		// makes, or a map entry) rebuilds the index the next time it is asked
		ratings.observe((event) => {
			const index = this.#index;
			if (!index) return;
			if (event.changes.delta.some((change) => change.delete !== undefined)) {
				this.#forget();
				return;
			}
			for (const change of event.changes.delta) {
				if (Array.isArray(change.insert)) this.#addTexts(index, change.insert);
			}
		});
		ratingLines.observe((event) => {
			const index = this.#index;
			if (!index) return;
			// what this app writes: whole lines added after every line indexed; anything else
			// (an insert between lines, a removal, a part of a line) rebuilds the index
			const delta = event.delta;
			const last = delta[delta.length - 1];
			const before = delta.length === 2 ? delta[0]!.retain : delta.length === 1 ? 0 : -1;
			const added = last?.insert;
			const whole =
				typeof added === 'string' &&
				added.endsWith('\n') &&
				(this.#linesEndClean || added.startsWith('\n'));
			if (before !== this.#linesIndexed || !whole) {
				this.#forget();
				return;
			}
			this.#addLines(index, added);
			this.#linesIndexed += added.length;
			this.#linesEndClean = true;
		});
		reviews.observe(() => this.#forget());
	}

	/** Drops the index (and what was known of its copies): the next question rebuilds it. */
	#forget(): void {
		this.#index = undefined;
		this.#good = new WeakMap();
		this.#kept.clear();
	}

	/**
	 * Notes that storage kept a copy of `uid` as delivered from this feed: the document holds
	 * one to keep, so `holds` need not decode and check its copies again (a fresh device that
	 * received 100,000 ratings would otherwise do it all once more on its next run). Forgotten
	 * when a removal or a map change rebuilds the index.
	 */
	kept(uid: string): void {
		if (this.#index?.has(uid)) this.#kept.add(uid);
	}

	#addTexts(index: Index, texts: readonly unknown[]): void {
		for (const text of texts) {
			const event = parseText(text);
			add(index, textEventUid(event) ?? unnamed(text), event);
		}
	}

	#addLines(index: Index, text: string): void {
		for (const line of text.split('\n')) {
			if (line.length > 0) {
				const event = parseText(line);
				add(index, textEventUid(event) ?? unnamed(line), event);
			}
		}
	}

	#built(): Index {
		if (this.#index) return this.#index;
		const index: Index = new Map();
		const lines = this.#lines.toString();
		this.#addLines(index, lines);
		this.#linesIndexed = this.#lines.length;
		this.#linesEndClean = lines.length === 0 || lines.endsWith('\n');
		this.#addTexts(index, this.#list.toArray());
		for (const [uid, event] of this.#map) add(index, uid, event);
		this.#index = index;
		return index;
	}

	/**
	 * Whether the document holds a copy of `uid` that storage would keep (it decodes, and
	 * `keeps` it: storage's row checks): otherwise this device sends its own.
	 */
	holds(uid: string, keeps: (review: StudyReview) => boolean): boolean {
		if (this.#kept.has(uid) && this.#index) return true;
		const copies = this.#built().get(uid);
		if (!copies) return false;
		return copies.some((event) => {
			// (an event that is no object, no array, decodes to nothing: nothing to remember)
			if (typeof event !== 'object' || event === null) return false;
			let good = this.#good.get(event);
			if (good === undefined) {
				const review = decodeReviewEvent(uid, event);
				good = review !== undefined && keeps(review);
				this.#good.set(event, good);
			}
			return good;
		});
	}

	/** Every id with the events of its copies, to decode with `decodeReviewEvent`. */
	entries(): IterableIterator<[string, readonly unknown[]]> {
		return this.#built().entries();
	}

	/**
	 * Appends reviews that have a global id (every stored one has); call inside the caller's
	 * transaction, so they leave as one change.
	 */
	append(reviews: readonly StudyReview[]): void {
		const texts: string[] = [];
		for (const review of reviews) {
			if (review.uid) texts.push(encodeReviewText({ ...review, uid: review.uid }));
		}
		// each append starts and ends a line, whatever (a damaged writer's part of a line) is there
		if (texts.length > 0) this.#lines.insert(this.#lines.length, `\n${texts.join('\n')}\n`);
	}
}

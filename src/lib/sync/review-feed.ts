// The reviews a sync document holds, in both forms it may hold them, looked up by id.
//
// This version appends each review as one JSON text to the `ratings` list. Yjs merges the
// values one device appends one after another into a single item, so a space of 100,000
// ratings made over a thousand sessions is about a thousand items. Earlier versions wrote one
// `reviews` map entry per review: 100,000 items, each decoded, integrated and encoded again on
// every load, by the server and by each device (most of a fresh device's wait). Those entries
// are still read, and a review is in the document when either form holds its id.
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

/** One copy of a review in the document, and (once asked) whether it is one to keep. */
interface Copy {
	event: unknown;
	good?: boolean;
}

/** Files a copy under its id. */
function add(index: Map<string, Copy[]>, uid: string, event: unknown): void {
	const copies = index.get(uid);
	if (copies) copies.push({ event });
	else index.set(uid, [{ event }]);
}

/**
 * A sync document's reviews by id, kept up to date as the document changes. An id may have
 * several copies (two devices may both append a rating they learned from one backup; a damaged
 * writer may add a bad one): every copy is kept, in list order, so a damaged copy never hides
 * a good one, and storage takes the first that passes its checks.
 */
export class ReviewFeed {
	readonly #list: Y.Array<unknown>;
	readonly #map: Y.Map<unknown>;
	/** id → its copies (parsed texts, then a map entry); undefined until first asked. */
	#index: Map<string, Copy[]> | undefined;
	/** Ids storage kept a copy of from this index (so one of their copies is good). */
	readonly #kept = new Set<string>();

	constructor(doc: Y.Doc) {
		const { ratings, reviews } = syncMaps(doc);
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
		reviews.observe(() => this.#forget());
	}

	/** Drops the index (and what was known of its copies): the next question rebuilds it. */
	#forget(): void {
		this.#index = undefined;
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

	#addTexts(index: Map<string, Copy[]>, texts: readonly unknown[]): void {
		for (const text of texts) {
			const event = parseText(text);
			add(index, textEventUid(event) ?? unnamed(text), event);
		}
	}

	#built(): Map<string, Copy[]> {
		if (this.#index) return this.#index;
		const index = new Map<string, Copy[]>();
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
		return copies.some((copy) => {
			if (copy.good === undefined) {
				const review = decodeReviewEvent(uid, copy.event);
				copy.good = review !== undefined && keeps(review);
			}
			return copy.good;
		});
	}

	/** Every id with the events of its copies, to decode with `decodeReviewEvent`. */
	*entries(): IterableIterator<[string, unknown[]]> {
		for (const [uid, copies] of this.#built()) yield [uid, copies.map((copy) => copy.event)];
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
		if (texts.length > 0) this.#list.push(texts);
	}
}

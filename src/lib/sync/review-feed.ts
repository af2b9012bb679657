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

/**
 * Files an event under its id. Two copies of one id (two devices may both append a rating they
 * learned from one backup) are one rating: the first that decodes counts, so a damaged copy
 * never hides a good one, and every device, seeing the list in one order, picks the same.
 */
function add(index: Map<string, unknown>, uid: string, event: unknown): void {
	if (!index.has(uid) || decodeReviewEvent(uid, index.get(uid)) === undefined)
		index.set(uid, event);
}

/** A sync document's reviews by id, kept up to date as the document changes. */
export class ReviewFeed {
	readonly #list: Y.Array<unknown>;
	readonly #map: Y.Map<unknown>;
	/** id → event (a parsed text, or a map entry); undefined until first asked. */
	#index: Map<string, unknown> | undefined;

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
				this.#index = undefined;
				return;
			}
			for (const change of event.changes.delta) {
				if (Array.isArray(change.insert)) this.#addTexts(index, change.insert);
			}
		});
		reviews.observe(() => (this.#index = undefined));
	}

	#addTexts(index: Map<string, unknown>, texts: readonly unknown[]): void {
		for (const text of texts) {
			const event = parseText(text);
			add(index, textEventUid(event) ?? unnamed(text), event);
		}
	}

	#built(): Map<string, unknown> {
		if (this.#index) return this.#index;
		const index = new Map<string, unknown>();
		this.#addTexts(index, this.#list.toArray());
		for (const [uid, event] of this.#map) add(index, uid, event);
		this.#index = index;
		return index;
	}

	has(uid: string): boolean {
		return this.#built().has(uid);
	}

	/** Every id with its event, to decode with `decodeReviewEvent`. */
	entries(): IterableIterator<[string, unknown]> {
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
		if (texts.length > 0) this.#list.push(texts);
	}
}

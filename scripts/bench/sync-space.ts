// A sync space's document as the app writes it, for the sync benchmarks: reviews appended by
// study sessions (each a page load, so its own Yjs client) as lines of text, one item and one
// string per session once Yjs joins a session's appends; or as the version before wrote them,
// one item but a value per review in the `ratings` list; or as earlier versions did, one map
// entry per review.
import * as Y from 'yjs';
import type { StudyReview } from '../../src/lib/srs/types';
import { encodeReviewEvent, encodeReviewText } from '../../src/lib/sync/review-event';
import { ReviewFeed } from '../../src/lib/sync/review-feed';
import { syncMaps } from '../../src/lib/sync/sync-doc';

/** How many ratings one study session makes (a session a day for 1,000 days). */
export const RATINGS_PER_SESSION = 100;

export type SpaceForm = 'lines' | 'list' | 'map';

/** A document holding `reviews`, each under a fresh id, written in `form`. */
export function spaceDoc(reviews: readonly StudyReview[], form: SpaceForm): Y.Doc {
	const doc = new Y.Doc();
	if (form === 'map') {
		const map = syncMaps(doc).reviews;
		doc.transact(() => {
			for (const review of reviews) map.set(crypto.randomUUID(), encodeReviewEvent(review));
		});
		return doc;
	}
	const feed = new ReviewFeed(doc);
	const { ratings } = syncMaps(doc);
	for (let at = 0; at < reviews.length; at += RATINGS_PER_SESSION) {
		// a new session is a new client; its appends (one per rating in the app, here one per
		// session, which Yjs stores alike) merge into one item
		doc.clientID = Math.floor(Math.random() * 2 ** 31);
		const session = reviews
			.slice(at, at + RATINGS_PER_SESSION)
			.map((review) => ({ ...review, uid: crypto.randomUUID() }));
		doc.transact(() => {
			if (form === 'lines') feed.append(session);
			else ratings.push(session.map((review) => encodeReviewText(review)));
		});
	}
	return doc;
}

/** How many items (Yjs structs) a document's encoded state holds. */
export function itemCount(doc: Y.Doc): number {
	return Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs.length;
}

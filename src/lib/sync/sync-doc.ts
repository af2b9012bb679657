// The shape of a sync space's Y.Doc: one shared type per kind of thing a learner owns. Reviews
// are immutable events, each naming its global id: lines of the `ratingLines` text
// (review-feed.ts; the version before wrote them as values of the `ratings` list, and earlier
// ones as `reviews` map entries keyed by the id: both still read). An undone review's
// id goes into `undone` (a tombstone) and never counts again; settings are last-writer-wins per
// key (a Y.Map key keeps one value whichever device wrote last). Attempts, assignments,
// imported receipts, own cards and card wordings are rows keyed by id, and card marks one entry
// per card and mark (see owned-rows.ts for how each merges). The server refuses updates to any
// other name.
import * as Y from 'yjs';

/** Every top-level name a sync document may hold (maps; `ratingLines` a text, `ratings` a list). */
export const SYNC_MAPS = [
	'ratingLines',
	'ratings',
	'reviews',
	'undone',
	'settings',
	'receipts',
	'attempts',
	'assignments',
	'submissions',
	'ownCards',
	'cardWordings',
	'marks'
] as const;
export type SyncMapName = (typeof SYNC_MAPS)[number];

/** The settings that follow the learner to every device (the theme stays per device). */
export const SYNCED_SETTINGS = ['study'] as const;

/** A synced setting's value, with when it was set (for the record; Y.Map decides the winner). */
export interface SettingEntry {
	value: unknown;
	at: number;
}

/** The shared types of a sync document, by name. */
export function syncMaps(doc: Y.Doc) {
	return {
		ratingLines: doc.getText('ratingLines'),
		ratings: doc.getArray<unknown>('ratings'),
		reviews: doc.getMap<unknown>('reviews'),
		undone: doc.getMap<unknown>('undone'),
		settings: doc.getMap<unknown>('settings'),
		receipts: doc.getMap<unknown>('receipts'),
		attempts: doc.getMap<unknown>('attempts'),
		assignments: doc.getMap<unknown>('assignments'),
		submissions: doc.getMap<unknown>('submissions'),
		ownCards: doc.getMap<unknown>('ownCards'),
		cardWordings: doc.getMap<unknown>('cardWordings'),
		marks: doc.getMap<unknown>('marks')
	};
}

/** Transaction origin of changes this device mirrors in (so it does not apply them back). */
export const LOCAL_ORIGIN = Symbol('sahel-brief local changes');

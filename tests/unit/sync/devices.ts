// Two (or more) devices in one process: each its own database (fake-indexeddb) and its own
// sync document; `exchange` passes updates between documents as a server would.
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import * as Y from 'yjs';
import { syncMaps } from '$lib/sync/sync-doc';
import { SahelDatabase } from '$lib/storage/db';
import { recordReview, undoReview } from '$lib/storage/repository';
import { createSyncStore } from '$lib/storage/sync-store';
import { reviewUids } from '$lib/storage/review-log';
import { DEFAULT_STUDY_SETTINGS } from '$lib/srs/settings';
import { SyncEngine } from '$lib/sync/engine';
import type { Grade } from '$lib/srs/types';

let counter = 0;

export interface Device {
	name: string;
	db: SahelDatabase;
	doc: Y.Doc;
	engine: SyncEngine;
	rate(itemId: string, rating: Grade, at: Date): Promise<{ uid: string; at: Date }>;
	undo(review: { uid: string; itemId: string; at: Date }): Promise<unknown>;
	cards(): Promise<unknown[]>;
	reviewUids(): Promise<string[]>;
	close(): Promise<void>;
}

/** A fresh device with an empty database and document. */
export function makeDevice(label: string): Device {
	const name = `device-${label}-${++counter}`;
	const db = new SahelDatabase(name);
	const doc = new Y.Doc();
	const engine = new SyncEngine(doc, createSyncStore({ db, factIdsOf: (id) => [`fact-${id}`] }));
	return {
		name,
		db,
		doc,
		engine,
		async rate(itemId, rating, at) {
			const done = await recordReview(
				{ itemId, factIds: [`fact-${itemId}`], rating, at },
				DEFAULT_STUDY_SETTINGS,
				db
			);
			return { uid: done.review.uid!, at };
		},
		undo: ({ uid, itemId, at }) =>
			undoReview({ uid, itemId, review: at }, DEFAULT_STUDY_SETTINGS, db, (id) => [`fact-${id}`]),
		cards: () => db.cards.orderBy('itemId').toArray(),
		reviewUids: async () => (await reviewUids(db)).sort(),
		async close() {
			db.close();
			doc.destroy();
			await Dexie.delete(name);
		}
	};
}

/** A `makeDevice` whose devices are closed and deleted after each test of the calling file. */
export function devicesClosedAfterEach(): (label: string) => Device {
	const open: Device[] = [];
	afterEach(async () => {
		for (const d of open.splice(0)) await d.close();
	});
	return (label) => {
		const d = makeDevice(label);
		open.push(d);
		return d;
	};
}

/** The rating texts of a document's lines (what this version writes), in order. */
export function linesOf(doc: Y.Doc): string[] {
	return syncMaps(doc)
		.ratingLines.toString()
		.split('\n')
		.filter((line) => line.length > 0);
}

/** Sends each document what the other lacks, both ways (what a sync server does). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB, 'remote');
	Y.applyUpdate(a, toA, 'remote');
}

/** Mirrors every device, exchanges all documents, and applies what arrived. */
export async function syncAll(...devices: Device[]): Promise<void> {
	for (const d of devices) await d.engine.run();
	for (let i = 0; i < devices.length; i++)
		for (let j = i + 1; j < devices.length; j++) exchange(devices[i]!.doc, devices[j]!.doc);
	for (const d of devices) await d.engine.run();
}

/** Cards without the fields two devices legitimately differ in (none, today). */
export const at = (day: number, hour = 9, minute = 0) =>
	new Date(Date.UTC(2026, 0, day, hour, minute));

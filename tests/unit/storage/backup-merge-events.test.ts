// Backup Merge follows sync's rule: reviews are a union of events by global id, and an Undo
// (a tombstone) made on this device stays made.
import { describe, expect, test } from 'vitest';
import { mergePlan } from '$lib/storage/backup';
import { review, sampleTables } from './backup-fixtures';

const empty = () => ({ ...sampleTables(), reviews: [] });
const day = (d: number) => new Date(Date.UTC(2025, 5, d, 9));

describe('merging reviews', () => {
	test('a review already here under its global id is not added again, whatever its time', () => {
		const local = { ...empty(), reviews: [review('item-1', day(1), { id: 1, uid: 'u-1' })] };
		const incoming = { ...empty(), reviews: [review('item-1', day(2), { id: 7, uid: 'u-1' })] };
		expect(mergePlan(local, incoming).reviews).toEqual([]);
	});

	test('a rating undone here does not come back from a backup made before the Undo', () => {
		const incoming = {
			...empty(),
			reviews: [
				review('item-1', day(1), { id: 1, uid: 'u-undone' }),
				review('item-2', day(1), { id: 2, uid: 'u-kept' })
			]
		};
		const added = mergePlan(empty(), incoming, new Set(['u-undone'])).reviews;
		expect(added.map((r) => r.uid)).toEqual(['u-kept']);
		expect(added[0]!.id).toBeUndefined(); // a new local key
	});

	test('a review from a file older than global ids gets the id every device derives for it', () => {
		const incoming = { ...empty(), reviews: [review('item-3', day(4), { id: 4 })] };
		const [added] = mergePlan(empty(), incoming).reviews;
		expect(added!.uid).toBe(`legacy:item-3@${day(4).getTime()}`);
		// and merging it into a device whose upgrade derived the same id adds nothing
		const local = { ...empty(), reviews: [{ ...added!, id: 1 }] };
		expect(mergePlan(local, incoming).reviews).toEqual([]);
	});
});

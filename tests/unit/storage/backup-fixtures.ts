// Builders for backup and upgrade tests: representative rows of every table, with Dates at
// the top level and nested in free-form values, optional fields present and absent.
import { createEmptyCard, Rating, State } from 'ts-fsrs';
import type { BackupTables } from '../../../src/lib/storage/backup-format';
import type { CardRow } from '../../../src/lib/storage/db';
import type { BackupReviewRow } from '../../../src/lib/storage/backup-format';

/** A local time in June 2025 (no DST change that month). */
export const at = (day: number, hour = 12, minute = 0) => new Date(2025, 5, day, hour, minute);

export function card(itemId: string, overrides: Partial<CardRow> = {}): CardRow {
	return {
		...createEmptyCard(at(1)),
		itemId,
		factIds: [`fact-${itemId}`],
		state: State.Review,
		stability: 12.5,
		difficulty: 4.2,
		scheduled_days: 12,
		reps: 3,
		due: at(20),
		last_review: at(8),
		...overrides
	};
}

export function review(itemId: string, when: Date, overrides: Partial<BackupReviewRow> = {}) {
	const row: BackupReviewRow = {
		itemId,
		rating: Rating.Good,
		state: State.Review,
		due: when,
		stability: 10,
		difficulty: 5,
		elapsed_days: 3,
		last_elapsed_days: 2,
		scheduled_days: 10,
		learning_steps: 0,
		review: when,
		previousDue: new Date(when.getTime() - 3_600_000),
		durationMs: 4200,
		...overrides
	};
	return row;
}

/** One or more rows of every table, shaped as the app writes them. */
export function sampleTables(): BackupTables {
	return {
		cards: [
			card('item-1'),
			card('item-2', { state: State.Learning, learning_steps: 1, due: at(10, 12, 10) }),
			// a card never studied: ts-fsrs leaves last_review undefined
			{ ...createEmptyCard(at(1)), itemId: 'item-3', factIds: [] }
		],
		reviews: [
			review('item-1', at(8, 9), { id: 1, uid: 'uid-1' }),
			review('item-2', at(10, 11), { id: 2, uid: 'uid-2', state: State.New, rating: Rating.Again }),
			review('item-2', at(10, 11, 5), {
				id: 3,
				uid: 'uid-3',
				state: State.Learning,
				durationMs: undefined
			})
		],
		attempts: [
			{
				id: 'attempt-1',
				kind: 'quiz',
				startedAt: at(9, 18),
				finishedAt: at(9, 18, 7),
				plan: { seed: 42, itemIds: ['q1', 'q2'], config: { count: 5, mode: 'exam' } },
				answers: {
					q1: { kind: 'choice', choice: 'Bamako', answeredAt: at(9, 18, 1) },
					q2: { kind: 'text', text: 'line one\nline "two"\ttabbed' }
				},
				position: 2
			},
			{
				id: 'attempt-2',
				kind: 'assignment',
				assignmentId: 'assign-1',
				startedAt: at(10, 8),
				plan: { seed: 7, oddities: { nan: NaN, inf: -Infinity, $date: 'not a tag' } },
				answers: {},
				position: 0
			}
		],
		assignments: [
			{
				id: 'assign-1',
				role: 'student',
				code: 'SB1.abc',
				title: 'Week 3: Barkhane',
				createdAt: at(2),
				data: {
					id: 'assign-1',
					title: 'Week 3: Barkhane',
					itemIds: ['q1'],
					seed: 'seed-1',
					due: at(12),
					note: { $date: 'looks like a tag' }
				}
			}
		],
		submissions: [
			{
				id: 'sub-1',
				assignmentId: 'assign-1',
				studentName: 'Aminata Traoré',
				importedAt: at(11),
				receipt: {
					code: 'SBR1.xyz',
					receipt: { student: 'Aminata Traoré', attempt: 1, answers: [1, 'two', null, true] },
					sentAt: at(10, 20)
				}
			}
		],
		settings: [
			{ key: 'theme', value: 'dark' },
			{ key: 'lastBackupAt', value: at(3) },
			{ key: 'study', value: { newPerDay: 10, learningSteps: ['1m', '10m'] } }
		],
		cardFlags: [
			{ itemId: 'item-1', suspended: true, flag: 'red' },
			{ itemId: 'item-2', buriedUntil: at(11, 4) },
			{ itemId: 'item-3', resetAt: at(9) }
		],
		ownCards: [
			{
				id: 'own-0a1b2c',
				kind: 'cloze',
				front: 'France ended _____ in 2022.',
				back: 'Operation Barkhane',
				paragraph: 'p3',
				quote: 'Operation Barkhane',
				createdAt: at(8),
				updatedAt: at(8, 30)
			},
			{
				id: 'own-3d4e5f',
				kind: 'basic',
				front: 'Who said “<3 the Sahel”? & why',
				back: 'Nobody; a test of text that looks like markup but is not',
				createdAt: at(9),
				updatedAt: at(9)
			}
		],
		cardWordings: [
			{ itemId: 'item-2', front: 'My own question for item 2?', updatedAt: at(10) },
			{ itemId: 'item-3', back: 'My answer', updatedAt: at(10, 5) }
		],
		// a rating undone on this device: a Merge elsewhere takes it back there too
		tombstones: [{ uid: 'uid-undone', at: at(10, 10) }]
	};
}

// The settings a student's device ran an assignment under, fixed by a hash. The instructor's
// gradebook holds the assignment as made, so a receipt whose hash differs was taken from an
// edited link (timer removed, attempt limit lifted, feedback turned on, items changed, the
// class channel pointed elsewhere).
import type { Assignment } from './assignment-code';
import { hash53 } from './hash';

/** 11 base36 characters naming every setting that changes how an assignment is taken or scored. */
export function settingsHash(assignment: Assignment): string {
	return hash53(
		JSON.stringify([
			assignment.id,
			assignment.timeLimitSec ?? null,
			assignment.attemptsAllowed,
			assignment.feedback,
			assignment.due ?? null,
			assignment.itemIds,
			assignment.shuffleQuestions,
			assignment.shuffleOptions,
			assignment.passMark,
			assignment.seed,
			// where receipts go online: an edited link that sends them to another inbox, or seals
			// them to another key, is a changed setting (absent, the hash is what it always was)
			...(assignment.channel
				? [
						[
							assignment.channel.origin,
							assignment.channel.dropToken,
							assignment.channel.instructorKey
						]
					]
				: [])
		])
	);
}

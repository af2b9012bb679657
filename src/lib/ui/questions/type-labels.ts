import type { ItemType } from '$lib/bank/types';

/** A short name for each question type, as the builder and the question header show it. */
export const TYPE_LABELS: Record<ItemType, string> = {
	mcq: 'Multiple choice',
	truefalse: 'True or false',
	cloze: 'Fill the gap',
	numeric: 'Numbers',
	flashcard: 'Short answer',
	reverse: 'Name it',
	matching: 'Matching',
	ordering: 'Put in order',
	'who-said': 'Who said it',
	map: 'Map'
};

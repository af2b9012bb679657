import type { ItemType } from '$lib/bank/types';

/** How each item type is named to people. */
export const TYPE_NAMES: Record<ItemType, string> = {
	flashcard: 'Flashcard',
	reverse: 'Name from description',
	cloze: 'Fill the gap',
	mcq: 'Multiple choice',
	truefalse: 'True or false',
	matching: 'Matching',
	ordering: 'Timeline order',
	numeric: 'Number',
	'who-said': 'Who claimed it',
	map: 'Map'
};

import type { ItemType } from '$lib/bank/types';
import { m } from '$lib/paraglide/messages';

/** A short name for each question type, as the builder and the question header show it, in the page's language. */
export const TYPE_LABELS: Readonly<Record<ItemType, string>> = {
	get mcq() {
		return m.type_mcq();
	},
	get truefalse() {
		return m.type_truefalse();
	},
	get cloze() {
		return m.type_cloze();
	},
	get numeric() {
		return m.type_numeric();
	},
	get flashcard() {
		return m.type_flashcard();
	},
	get reverse() {
		return m.type_reverse();
	},
	get matching() {
		return m.type_matching();
	},
	get ordering() {
		return m.type_ordering();
	},
	get 'who-said'() {
		return m.type_who_said();
	},
	get map() {
		return m.type_map();
	}
};

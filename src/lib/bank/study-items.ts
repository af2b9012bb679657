import { STUDY_TYPES, type Bank, type BankItem } from './types';

const studyTypes: ReadonlySet<string> = new Set(STUDY_TYPES);

/** The bank's items that become spaced-repetition cards (flashcard, reverse, cloze). */
export function studyItems(bank: Bank): BankItem[] {
	return bank.items.filter((item) => studyTypes.has(item.type));
}

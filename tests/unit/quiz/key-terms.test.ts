import { describe, expect, test } from 'vitest';
import { gradeItem } from '../../../src/lib/quiz/grade';
import { hasKeyTerms } from '../../../src/lib/quiz/key-terms';
import type { BankItem } from '../../../src/lib/bank/types';

// the French officials' answer to Mali's argument, as the pack grades it
const denial: BankItem = {
	id: 'french-denial:flashcard',
	type: 'flashcard',
	prompt: "How did French officials respond to Mali's argument about diplomatic status?",
	answer: 'They denied it',
	keyTerms: [['denied', 'rejected', 'disputed', 'dismissed', 'refuted', 'deny', 'reject']],
	explanation: "French officials denied Mali's argument about diplomatic status.",
	factIds: ['french-denial'],
	topic: 'Legal and political justifications',
	difficulty: 2,
	source: { paragraph: 'p7', quote: 'French officials denied this argument' }
};

const patrols: BankItem = {
	...denial,
	id: 'g5-patrols:flashcard',
	prompt: 'What did coordination through the G5 Sahel Joint Force allow, according to the article?',
	answer: 'Combined patrols and cross-border operations',
	keyTerms: [
		['patrol', 'patrols', 'patrolling'],
		['cross-border', 'across borders', 'cross border']
	]
};

const typed = (item: BankItem, text: string) => gradeItem(item, { kind: 'text', text }).correct;

describe('key-term grading', () => {
	test.each([
		[denial, 'denied it'],
		[denial, 'French officials rejected the argument'],
		[denial, 'They disputed it.'],
		[patrols, 'joint patrols and operations across borders'],
		[patrols, 'Cross border operations and patrolling together'],
		[patrols, 'combined patrols and cross-border operations']
	])('accepts a right answer in other words: %s', (item, text) => {
		expect(typed(item, text)).toBe(true);
	});

	test.each([
		[denial, 'They accepted it'],
		[denial, 'They did not deny it'],
		[denial, "They didn't reject it"],
		[patrols, 'joint patrols'],
		[patrols, 'operations across borders'],
		[patrols, 'No patrols or cross-border operations'],
		[denial, '']
	])('refuses a wrong or half answer: %s', (item, text) => {
		expect(typed(item, text)).toBe(false);
	});

	test('a word inside a longer word is not the key term', () => {
		expect(hasKeyTerms('a patrolman', [['patrol']], 'patrol')).toBe(false);
	});

	test('without key terms a paraphrase is still marked wrong', () => {
		const plain: BankItem = { ...denial, keyTerms: undefined };
		expect(typed(plain, 'French officials rejected the argument')).toBe(false);
	});
});

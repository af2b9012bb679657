import { readFileSync } from 'node:fs';
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

describe('the published reverse cards, typed in a quiz, as the bank grades them', () => {
	const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as {
		items: BankItem[];
	};
	const item = (id: string) => bank.items.find((i) => i.id === id)!;

	test.each([
		['goita-head:reverse', "Mali's interim president", true],
		['goita-head:reverse', 'The leader of the junta', true],
		['goita-head:reverse', 'He headed the transitional government', true],
		// the generals arrested in p5, and another country's leader, are not him
		['goita-head:reverse', 'A Malian general who led a coup plot', false],
		['goita-head:reverse', 'Head of the French government', false],
		['g5-french-assistance:reverse', 'A joint force set up with French help in 2017', true],
		['g5-french-assistance:reverse', 'A Russian-backed coalition', false]
	])('%s: "%s" is %s', (id, text, right) => {
		expect(typed(item(id), text)).toBe(right);
	});
});

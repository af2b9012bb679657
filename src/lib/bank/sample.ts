// A seeded random sample of a bank's items, written for a reader who has only the article:
// `npm run bank -- --sample 30 --seed issue-11` prints the same 30 items on every machine.
import { createRng, shuffle } from '../quiz/random';
import type { Bank, BankItem } from './types';

/** `count` items drawn from the bank with `seed`, in drawn order. */
export function sampleItems(bank: Bank, count: number, seed: string): BankItem[] {
	return shuffle(bank.items, createRng(seed)).slice(0, count);
}

/** One item as a reader without the app sees it: question, choices, answer, cited sentence. */
export function describeItem(item: BankItem, n: number): string {
	const lines = [`${n}. [${item.id}] (${item.type}) ${item.prompt}`];
	if (item.options && item.type !== 'truefalse')
		lines.push(`   options: ${item.options.join(' | ')}`);
	if (item.pairs)
		lines.push(
			`   pairs shown shuffled: ${item.pairs.map((p) => `${p.left} / ${p.right}`).join('; ')}`
		);
	if (item.sequence) lines.push(`   entries shown shuffled: ${item.sequence.join('; ')}`);
	lines.push(
		`   answer: ${item.answer}${item.accept?.length ? ` (also accepted: ${item.accept.join(', ')})` : ''}`
	);
	if (item.keyTerms)
		lines.push(`   graded by key terms: ${item.keyTerms.map((g) => g.join(' or ')).join(' + ')}`);
	if (item.selfRated) lines.push('   self-rated study card (never typed in a quiz)');
	lines.push(`   explanation: ${item.explanation}`);
	lines.push(`   source ${item.source.paragraph}: "${item.source.quote}"`);
	return lines.join('\n');
}

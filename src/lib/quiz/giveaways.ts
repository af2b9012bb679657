// Two questions in one quiz must not answer each other: a stem that contains another
// question's answer gives it away, and a fact asked twice is one question counted twice.
// Pure, so the quiz builder, the assignment draw and the instructor's warning agree.
import type { BankItem } from '../bank/types';
import { foldText } from './normalize';

/** Why two items should not share a quiz. */
export type GiveawayReason = 'same-fact' | 'answer-in-stem';

/** One pair of items that should not share a quiz: `shows` gives away `asks` (or shares its fact). */
export interface Giveaway {
	reason: GiveawayReason;
	/** The item whose stem shows the answer (for same-fact: the earlier item). */
	shows: string;
	/** The item whose answer is shown. */
	asks: string;
	/** The shared fact, or the answer as it appears in the stem. */
	detail: string;
}

// a quiz builder asks about the same items again and again: fold each text once
const stems = new WeakMap<BankItem, string>();
const forms = new WeakMap<BankItem, string[]>();

function stemOf(item: BankItem): string {
	let stem = stems.get(item);
	if (stem === undefined) stems.set(item, (stem = foldedStem(item)));
	return stem;
}

function answerForms(item: BankItem): string[] {
	let found = forms.get(item);
	if (found === undefined) forms.set(item, (found = foldedAnswers(item)));
	return found;
}

/** Everything a learner reads before answering: the prompt and any pairs or entries shown. */
function foldedStem(item: BankItem): string {
	const shown = [
		item.prompt,
		...(item.pairs ?? []).flatMap((p) => [p.left, p.right]),
		...(item.sequence ?? [])
	];
	return ` ${foldText(shown.join(' | '))} `;
}

/**
 * The forms of an item's answer that would give it away if another stem showed them. True/False
 * says nothing on its own, and matching and ordering answers are whole sets, caught by same-fact.
 */
function foldedAnswers(item: BankItem): string[] {
	if (item.type === 'truefalse' || item.type === 'matching' || item.type === 'ordering') return [];
	return [item.answer, ...(item.accept ?? [])].map(foldText).filter((form) => form !== '');
}

/** The giveaway between two items, if any; same-fact first. */
export function giveawayBetween(a: BankItem, b: BankItem): Giveaway | undefined {
	if (a.id === b.id) return undefined;
	const shared = a.factIds.find((id) => b.factIds.includes(id));
	if (shared !== undefined) return { reason: 'same-fact', shows: a.id, asks: b.id, detail: shared };
	for (const [shows, asks] of [
		[a, b],
		[b, a]
	] as const) {
		const stem = stemOf(shows);
		const form = answerForms(asks).find((f) => stem.includes(` ${f} `));
		if (form !== undefined)
			return { reason: 'answer-in-stem', shows: shows.id, asks: asks.id, detail: form };
	}
	return undefined;
}

/** Every giveaway among the items, in their order: what the instructor is warned about. */
export function giveawayConflicts(items: readonly BankItem[]): Giveaway[] {
	const found: Giveaway[] = [];
	for (let i = 0; i < items.length; i++)
		for (let j = i + 1; j < items.length; j++) {
			const conflict = giveawayBetween(items[i]!, items[j]!);
			if (conflict) found.push(conflict);
		}
	return found;
}

/** Whether `candidate` can join the already chosen items without a giveaway. */
export function fitsWith(candidate: BankItem, chosen: readonly BankItem[]): boolean {
	return chosen.every((item) => giveawayBetween(candidate, item) === undefined);
}

// Turns the bank and a quiz config into the questions to ask, in order, with every option
// order fixed. Everything comes from `config.seed`, so storing (config, seed) is enough to
// rebuild an attempt after a reload or on the instructor's device.
import type { BankItem, ItemType } from '../bank/types';
import { fitsWith } from './giveaways';
import { createRng, shuffle, type Rng } from './random';
import type { QuizConfig } from './types';

/** One question as shown: the item and the order its parts appear in. */
export interface QuizQuestion {
	itemId: string;
	type: ItemType;
	/** mcq, who-said, map, truefalse: the options in display order. */
	optionOrder?: string[];
	/** matching: the left column in display order. */
	leftOrder?: string[];
	/** matching: the right column in display order. */
	rightOrder?: string[];
	/** ordering: the entries as first shown, never already in the correct order. */
	sequenceStart?: string[];
}

/** The items a config allows, before any shuffling (sorted by id, so bank order never matters). */
export function eligibleItems(
	items: readonly BankItem[],
	config: Pick<QuizConfig, 'topics' | 'types' | 'mistakesOnly'>,
	mistakeIds: Iterable<string> = []
): BankItem[] {
	const topics = config.topics === 'all' ? null : new Set(config.topics);
	const types = config.types === 'all' ? null : new Set<string>(config.types);
	const mistakes = config.mistakesOnly ? new Set(mistakeIds) : null;
	return items
		.filter(
			(item) =>
				// a self-rated card's phrase answer cannot be graded when typed
				!item.selfRated &&
				(!topics || topics.has(item.topic)) &&
				(!types || types.has(item.type)) &&
				(!mistakes || mistakes.has(item.id))
		)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The quiz for `config`: eligible items drawn in turn from each item type (so ten questions
 * over ten types show every type), never two that give each other away (one fact twice, or
 * one stem showing another's answer), then shuffled, each with its own option order.
 * Deterministic for a given bank, config and `mistakeIds`.
 */
export function buildQuiz(
	items: readonly BankItem[],
	config: QuizConfig,
	mistakeIds: Iterable<string> = []
): QuizQuestion[] {
	const rng = createRng(`${config.seed}|select`);
	const pool = eligibleItems(items, config, mistakeIds);
	const count = config.count === 'all' ? pool.length : Math.min(config.count, pool.length);
	const wanted = Math.min(new Set(pool.map((item) => item.type)).size, count);
	// keeping giveaways apart can leave a type without a fitting item: a few more seeded draws
	// almost always find a quiz that shows every type, and the draw that shows most is kept
	let chosen: BankItem[] = [];
	for (let draw = 0; draw < DRAWS && typesIn(chosen) < wanted; draw++) {
		const drawn = drawByType(pool, count, rng);
		if (typesIn(drawn) > typesIn(chosen) || draw === 0) chosen = drawn;
	}
	return shuffle(chosen, rng).map((item) => arrangeQuestion(item, config.seed));
}

/** How many draws buildQuiz tries before settling for fewer types. */
const DRAWS = 12;

const typesIn = (items: readonly BankItem[]) => new Set(items.map((item) => item.type)).size;

/** Up to `count` items taken in turn from each type's shuffled queue, none giving another away. */
function drawByType(pool: readonly BankItem[], count: number, rng: Rng): BankItem[] {
	const byType = new Map<ItemType, BankItem[]>();
	for (const item of shuffle(pool, rng)) {
		byType.set(item.type, [...(byType.get(item.type) ?? []), item]);
	}
	const queues = shuffle([...byType.values()], rng);
	const chosen: BankItem[] = [];
	while (chosen.length < count && queues.some((queue) => queue.length > 0)) {
		for (const queue of queues) {
			// skip items that would give away, or be given away by, a question already chosen
			let next = queue.shift();
			while (next && !fitsWith(next, chosen)) next = queue.shift();
			if (next && chosen.length < count) chosen.push(next);
		}
	}
	return chosen;
}

/**
 * Fixes the display order of one item's parts from `seed` and the item id alone, so a
 * question looks the same whichever other questions share the quiz.
 */
export function arrangeQuestion(item: BankItem, seed: string): QuizQuestion {
	const rng = createRng(`${seed}|${item.id}`);
	const question: QuizQuestion = { itemId: item.id, type: item.type };
	switch (item.type) {
		case 'truefalse':
			// True before False on every question: shuffling them only invites misclicks
			question.optionOrder = [...(item.options ?? ['True', 'False'])];
			break;
		case 'mcq':
		case 'who-said':
		case 'map':
			question.optionOrder = shuffle(item.options ?? [], rng);
			break;
		case 'matching': {
			const pairs = item.pairs ?? [];
			const leftOrder = shuffle(
				pairs.map((p) => p.left),
				rng
			);
			const partner = new Map(pairs.map((p) => [p.left, p.right]));
			const aligned = leftOrder.map((left) => partner.get(left) ?? '');
			// the answer must not be readable straight across the two columns
			question.leftOrder = leftOrder;
			question.rightOrder = differentFrom(
				shuffle(
					pairs.map((p) => p.right),
					rng
				),
				aligned
			);
			break;
		}
		case 'ordering': {
			const sequence = item.sequence ?? [];
			question.sequenceStart = differentFrom(shuffle(sequence, rng), sequence);
			break;
		}
	}
	return question;
}

/**
 * `candidate`, or when it equals `forbidden`, `candidate` rotated by one: a rotation differs
 * from the original unless every entry is the same, when no order could differ anyway.
 */
function differentFrom(candidate: string[], forbidden: readonly string[]): string[] {
	const same =
		candidate.length === forbidden.length && candidate.every((v, i) => v === forbidden[i]);
	return same && candidate.length > 1
		? [...candidate.slice(1), ...candidate.slice(0, 1)]
		: candidate;
}

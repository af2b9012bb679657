// Builders for quiz tests: one sensible item per type, changed only where a test cares.
import type { BankItem, ItemType } from '../../../src/lib/bank/types';
import type { Response } from '../../../src/lib/quiz/types';

const DEFAULTS: Record<ItemType, Partial<BankItem>> = {
	mcq: {
		prompt: 'Which group did Mali turn to after French forces left?',
		answer: 'Wagner Group',
		options: ['Wagner Group', 'MINUSMA', 'ECOWAS', 'Barkhane']
	},
	truefalse: {
		prompt: 'France ended Operation Barkhane in 2022.',
		answer: 'True',
		options: ['True', 'False']
	},
	'who-said': {
		prompt: 'Who claimed French troops had abandoned Mali?',
		answer: 'Malian authorities',
		options: ['Malian authorities', 'French officials', 'UN experts']
	},
	map: { prompt: 'Where is Bamako?', answer: 'Mali', options: ['Mali', 'Niger', 'Burkina Faso'] },
	flashcard: { prompt: 'Capital of Mali', answer: 'Bamako' },
	reverse: { prompt: 'Bamako is the capital of ...', answer: 'Mali' },
	cloze: { prompt: 'French troops left Mali in _____.', answer: '2022' },
	numeric: { prompt: 'How many French soldiers were deployed at the peak?', answer: '5100' },
	matching: {
		prompt: 'Match each operation with its years.',
		answer: 'Serval: 2013; Barkhane: 2014-2022; Takuba: 2020-2022',
		pairs: [
			{ left: 'Serval', right: '2013' },
			{ left: 'Barkhane', right: '2014-2022' },
			{ left: 'Takuba', right: '2020-2022' }
		]
	},
	ordering: {
		prompt: 'Put these events in order.',
		answer: 'Serval; Barkhane; Coup; Withdrawal',
		sequence: ['Serval', 'Barkhane', 'Coup', 'Withdrawal']
	}
};

/** A bank item of `type` (mcq by default) with `overrides` applied. */
export function item(overrides: Partial<BankItem> = {}): BankItem {
	const type = overrides.type ?? 'mcq';
	return {
		id: `f1-${type}`,
		type,
		prompt: '',
		answer: '',
		explanation: 'Because the article says so.',
		factIds: ['f1'],
		topic: 'actors',
		difficulty: 1,
		source: { paragraph: 'p1', quote: 'A sentence of the article.' },
		...DEFAULTS[type],
		...overrides
	};
}

/**
 * A small bank: `perType` items of each listed type spread over `topics`, each its own fact
 * with its own prompt, so no two give each other away (a quiz would keep them apart).
 */
export function bank(
	types: readonly ItemType[],
	perType: number,
	topics: readonly string[] = ['actors', 'timeline', 'places']
): BankItem[] {
	return types.flatMap((type) =>
		Array.from({ length: perType }, (_, i) => {
			const id = `f${i}-${type}`;
			return item({
				type,
				id,
				topic: topics[i % topics.length] ?? 'actors',
				factIds: [id],
				prompt: `Question ${id}`,
				// the default cloze answer, 2022, is written in the default matching pairs
				...(type === 'cloze' ? { answer: `Answer ${id}` } : {})
			});
		})
	);
}

export const choice = (text: string): Response => ({ kind: 'choice', choice: text });
export const text = (value: string): Response => ({ kind: 'text', text: value });
export const pairs = (...entries: [string, string][]): Response => ({
	kind: 'matching',
	pairs: entries.map(([left, right]) => ({ left, right }))
});
export const order = (...sequence: string[]): Response => ({ kind: 'ordering', sequence });

import { describe, expect, test } from 'vitest';
import { buildPack } from '../../../src/lib/bank/build-pack';
import { generateBank, type Generated } from '../../../src/lib/bank/generate';
import type { PackModel } from '../../../src/lib/bank/read-pack';
import { checkBank, type Problem, type RuleName } from '../../../src/lib/bank/rules';
import type { BankItem } from '../../../src/lib/bank/types';
import { REAL_PACK, realPackFiles, tinyPack, worldAtlas, type TinyParts } from './fixtures';

/** Problems of a pack, optionally after breaking its generated items. */
function problemsOf(
	change?: (parts: TinyParts) => void,
	breakItems?: (generated: Generated) => void
): Problem[] {
	const pack: PackModel = tinyPack(change);
	const generated = generateBank(pack);
	breakItems?.(generated);
	// the bank-wide shares (size, multiple-choice share) are tested on their own below
	return checkBank(pack, generated, { skip: ['coverage', 'mcq-share'] });
}

/** The rules that reported problems. */
const rulesOf = (problems: Problem[]) => [...new Set(problems.map((p) => p.rule))];

/** The generated item with this id. */
function item(generated: Generated, id: string): BankItem {
	const found = generated.bank.items.find((i) => i.id === id);
	if (!found) throw new Error(`no item ${id}`);
	return found;
}

describe('the checks', () => {
	test('the tiny pack breaks no rule', () => {
		expect(problemsOf()).toEqual([]);
	});

	// a full build of the real pack with every rule: seconds on a busy machine
	test('the real pack breaks no rule, with 300 items or more', { timeout: 30_000 }, () => {
		const built = buildPack(REAL_PACK, realPackFiles(), worldAtlas());
		expect(built.problems).toEqual([]);
	});

	test.each<[string, RuleName, (parts: TinyParts) => void, RegExp]>([
		[
			'a quote that is not verbatim',
			'quote-verbatim',
			(p) => (p.facts[0]!.quote = 'In 2017 France helped to form'),
			/fact g5-year.*not a verbatim part of p1/
		],
		[
			'a quote with a straight apostrophe where the article has a curly one',
			'quote-verbatim',
			(p) => (p.facts[2]!.quote = "worked in Mali's north"),
			/fact critics-wagner/
		],
		[
			'a fact in a paragraph that does not exist',
			'quote-verbatim',
			(p) => (p.facts[0]!.paragraph = 'p9'),
			/paragraph p9 does not exist/
		],
		[
			'a paragraph with no facts',
			'paragraph-covered',
			(p) => (p.facts = p.facts.filter((f) => f.paragraph !== 'p2')),
			/p2 has no facts/
		],
		[
			'an unknown entity',
			'unknown-reference',
			(p) => (p.facts[1]!.entity = 'atlantis'),
			/unknown entity "atlantis"/
		],
		[
			'an unknown party',
			'unknown-reference',
			(p) => (p.facts[2]!.claimBy = 'Journalists'),
			/unknown party/
		],
		[
			'a matching pair resting on an unknown fact',
			'unknown-reference',
			(p) => (p.matching[0]!.pairs[0]!.fact = 'nowhere'),
			/matching pairs.*unknown fact "nowhere"/
		],
		[
			'a claim without claimBy',
			'claim-attributed',
			(p) => delete p.facts[2]!.claimBy,
			/a claim needs claimBy/
		],
		[
			'a claim whose statement does not say who claims it',
			'claim-attributed',
			(p) => {
				p.facts[2]!.statement = 'Wagner Group agents worked in northern Mali.';
			},
			/must say who claims it/
		],
		[
			'a cloze term missing from the statement',
			'term-in-statement',
			(p) => (p.facts[1]!.term = 'Paris'),
			/"Paris" occurs 0 times/
		],
		[
			'a fact id used twice',
			'unique-ids',
			(p) => p.facts.push({ ...p.facts[0]! }),
			/fact id "g5-year" is used more than once/
		],
		[
			'two ordered events on the same date',
			'ordering-dated',
			(p) => {
				p.facts[1]!.when = '2017';
				p.facts[1]!.event = 'France helps';
				p.facts[2]!.when = '2018';
				p.facts[2]!.event = 'Wagner works';
				p.ordering.push({
					id: 'o',
					prompt: 'Order them.',
					facts: ['g5-year', 'france-helped', 'critics-wagner']
				});
			},
			/share the date 2017/
		],
		[
			'an ordered event without a date',
			'ordering-dated',
			(p) =>
				p.ordering.push({
					id: 'o',
					prompt: 'Order them.',
					facts: ['g5-year', 'france-helped', 'critics-wagner']
				}),
			/fact france-helped needs both when and event/
		]
	])('%s is reported by %s', (_name, rule, change, message) => {
		const problems = problemsOf(change);
		expect(rulesOf(problems)).toContain(rule);
		expect(problems.map((p) => `${p.where}: ${p.message}`).join('\n')).toMatch(message);
	});

	test.each<[string, RuleName, (generated: Generated) => void, RegExp]>([
		[
			'an answer missing from its options',
			'answer-in-options',
			(g) => {
				const mcq = item(g, 'france-helped:mcq');
				mcq.options = mcq.options!.map((o) => (o === 'France' ? 'Atlantis' : o));
			},
			/answer "France" is not one of its options/
		],
		[
			'options repeated up to case and accents',
			'options-unique',
			(g) => {
				const mcq = item(g, 'france-helped:mcq');
				mcq.options = ['France', 'Russia', 'russia', 'Ghana'];
			},
			/repeated option "russia"/
		],
		[
			'an mcq with three options',
			'options-unique',
			(g) => item(g, 'france-helped:mcq').options!.pop(),
			/needs 4 options/
		],
		[
			'a wrong option of another kind',
			'wrong-option-kind',
			(g) => {
				const mcq = item(g, 'france-helped:mcq');
				const replaced = mcq.options!.find((o) => o !== 'France');
				mcq.options = mcq.options!.map((o) => (o === replaced ? 'ECOWAS' : o));
			},
			/"ECOWAS" is not an entity of kind country/
		],
		[
			'a wrong option that the fact itself names, so it may be correct',
			'wrong-option-kind',
			(g) => {
				const mcq = item(g, 'france-helped:mcq');
				mcq.options = ['Chad', 'France', 'Ghana', 'Russia'];
			},
			/"Chad" may also be correct/
		],
		[
			'a "false" statement made true by swapping in a country the sentence names',
			'false-statement-true',
			(g) => {
				const swapped = item(g, 'france-helped:false');
				swapped.prompt = 'Chad helped to form the G5 Sahel Joint Force.';
				g.notes.set(swapped.id, { swappedIn: 'chad', swappedOut: 'france' });
			},
			/swapping in "Chad" may keep the statement true/
		],
		[
			'a "false" statement that is word for word a true one',
			'false-statement-true',
			(g) => (item(g, 'g5-year:false').prompt = 'The G5 Sahel Joint Force was formed in 2017.'),
			/word for word a true statement/
		],
		[
			'a "false" statement that swaps across kinds',
			'false-statement-true',
			(g) => g.notes.set('g5-year:false', { swappedIn: 'france', swappedOut: 'y2017' }),
			/kinds differ/
		],
		[
			'an item id used twice',
			'unique-ids',
			(g) => g.bank.items.push({ ...g.bank.items[0]! }),
			/item id "g5-year:flashcard" is used more than once/
		],
		[
			'an item quoting words the paragraph lacks',
			'quote-verbatim',
			(g) => (item(g, 'g5-year:cloze').source.quote = 'In 2018'),
			/item g5-year:cloze.*"In 2018"/
		],
		[
			'a paragraph that is the source of no item',
			'paragraph-covered',
			(g) => (g.bank.items = g.bank.items.filter((i) => i.source.paragraph !== 'p2')),
			/p2 is the source of no item/
		],
		[
			'an item resting on an unknown fact',
			'unknown-reference',
			(g) => (item(g, 'g5-year:cloze').factIds = ['ghost']),
			/unknown fact "ghost"/
		],
		[
			'a cloze with two gaps',
			'item-shape',
			(g) => (item(g, 'g5-year:cloze').prompt = 'The _____ was formed in _____.'),
			/exactly one _____/
		],
		[
			'an explanation of three sentences',
			'item-shape',
			(g) => (item(g, 'g5-year:cloze').explanation = 'One. Two. Three.'),
			/3 sentences/
		],
		[
			'a matching answer that does not write out its pairs',
			'item-shape',
			(g) => (item(g, 'pairs:matching').answer = 'France → Wagner Group'),
			/write out the pairs/
		]
	])('%s is reported by %s', (_name, rule, breakItems, message) => {
		const problems = problemsOf(undefined, breakItems);
		expect(rulesOf(problems)).toContain(rule);
		expect(problems.map((p) => `${p.where}: ${p.message}`).join('\n')).toMatch(message);
	});

	test('a bank below the minimum size or missing a type fails coverage', () => {
		const pack = tinyPack();
		const problems = checkBank(pack, generateBank(pack), { minItems: 300 });
		expect(problems.filter((p) => p.rule === 'coverage').map((p) => p.message)).toEqual(
			expect.arrayContaining(['no item of type map', expect.stringMatching(/at least 300/)])
		);
	});

	test('a matching set of three pairs is refused: its last pair is left by elimination', () => {
		expect(() => tinyPack((p) => p.matching[0]!.pairs.pop())).toThrow(/at least four pairs/);
		expect(() => tinyPack()).not.toThrow();
	});
});

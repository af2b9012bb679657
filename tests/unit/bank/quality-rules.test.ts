// One fixture per item-writing rule: a tiny pack (or its generated bank) broken in exactly
// the way the rule forbids, and the rule must name the place and the problem.
import { describe, expect, test } from 'vitest';
import { generateBank, type Generated } from '../../../src/lib/bank/generate';
import { checkBank, type Problem, type RuleName } from '../../../src/lib/bank/rules';
import { gapInList, stemCues } from '../../../src/lib/bank/quality-rules';
import type { BankItem } from '../../../src/lib/bank/types';
import { tinyPack, type TinyParts } from './fixtures';

function problemsOf(
	change?: (parts: TinyParts) => void,
	breakItems?: (generated: Generated) => void,
	skip: RuleName[] = ['coverage', 'mcq-share']
): Problem[] {
	const pack = tinyPack(change);
	const generated = generateBank(pack);
	breakItems?.(generated);
	return checkBank(pack, generated, { skip });
}

const item = (g: Generated, id: string): BankItem => {
	const found = g.bank.items.find((i) => i.id === id);
	if (!found) throw new Error(`no item ${id}`);
	return found;
};

/** Copies of an item under new ids. */
const copies = (
	g: Generated,
	id: string,
	n: number,
	change: (i: BankItem, k: number) => void = () => {}
) =>
	Array.from({ length: n }, (_, k) => {
		const copy = structuredClone(item(g, id));
		copy.id = `${id}-copy-${k}`;
		change(copy, k);
		return copy;
	});

describe('the item-writing rules', () => {
	test('the tiny pack breaks none of them', () => {
		expect(problemsOf()).toEqual([]);
	});

	test.each<[string, RuleName, (parts: TinyParts) => void, RegExp]>([
		[
			'a topic whose true/false items are all keyed True',
			'tf-balance',
			(p) => p.facts.forEach((f) => (f.tf = 'True')),
			/topic Background: 2 of 2 true\/false items are keyed True/
		],
		[
			'a True statement copied from its quote',
			'tf-paraphrase',
			(p) => (p.facts[0]!.paraphrase = 'In 2017, France helped to form the G5 Sahel Joint Force.'),
			/item g5-year:true: 100% of the statement's words come from its quote/
		],
		[
			'a false statement whose change is what the quote says',
			'false-one-change',
			(p) => (p.facts[1]!.falsify = { from: 'France', to: 'Mali' }),
			/fact france-helped: "Mali" is in the quote/
		],
		[
			'a false statement whose changed words are not in the paraphrase',
			'false-one-change',
			(p) => (p.facts[1]!.falsify = { from: 'Germany', to: 'Russia' }),
			/"Germany" must occur once in the paraphrase/
		],
		[
			'a question pointing at "this force"',
			'self-contained',
			(p) => (p.facts[0]!.ask = 'In which year was this force formed?'),
			/item g5-year:flashcard: "this" points at something only the article shows/
		],
		[
			'a question pointing at "both governments"',
			'self-contained',
			(p) => (p.facts[1]!.ask = 'Which country did both governments say helped to form the force?'),
			/"both governments"/
		],
		[
			'a statement that copies wording the pack lists as clumsy',
			'clean-english',
			(p) => (p.avoid = ['helped to form']),
			/"helped to form" is the article's clumsy wording/
		],
		[
			'a question with a doubled word',
			'clean-english',
			(p) => (p.facts[0]!.ask = 'In which which year was the G5 Sahel Joint Force formed?'),
			/"which which" repeats a word/
		],
		[
			'authored wrong options that include the answer',
			'mcq-options',
			(p) => {
				delete p.facts[0]!.entity;
				p.facts[0]!.choices = ['2012', '2017', '2020'];
			},
			/fact g5-year: the wrong option "2017" is the answer/
		],
		[
			'two wrong options only',
			'mcq-options',
			(p) => {
				delete p.facts[0]!.entity;
				p.facts[0]!.choices = ['2012', '2020'];
			},
			/choices needs 3 wrong options, not 2/
		],
		[
			'"all of the above" as an option',
			'mcq-options',
			(p) => {
				delete p.facts[0]!.entity;
				p.facts[0]!.choices = ['2012', '2020', 'All of the above'];
			},
			/"All of the above" is not an option/
		],
		[
			'a gap on a filler word',
			'cloze-content',
			(p) => (p.facts[0]!.term = 'was'),
			/item g5-year:cloze: the gap "was" is filler/
		],
		[
			'a gap on one member of an "and" list',
			'cloze-list-member',
			(p) => {
				const fact = p.facts[1]!;
				fact.statement =
					'France helped to form the G5 Sahel Joint Force with Mali, Niger and Chad.';
				fact.term = 'Chad';
			},
			/item france-helped:cloze: the gap "Chad" is one member of a list/
		],
		[
			'a multiple-choice stem that shares a word with the key only',
			'mcq-stem-cue',
			(p) => (p.facts[2]!.ask = 'Agents of which group do critics claim worked in northern Mali?'),
			/item critics-wagner:mcq: the stem shares "group" with the key and with no wrong option/
		]
	])('%s is reported by %s', (_name, rule, change, message) => {
		const problems = problemsOf(change).filter((p) => p.rule === rule);
		expect(problems.map((p) => `${p.where}: ${p.message}`).join('\n')).toMatch(message);
	});

	test.each<[string, RuleName, (g: Generated) => void, RegExp]>([
		[
			'a false statement whose explanation does not state the correction',
			'false-one-change',
			(g) => (item(g, 'france-helped:false').explanation = 'False.'),
			/item france-helped:false: the explanation must state the correction/
		],
		[
			'a key far longer than every wrong option',
			'mcq-options',
			(g) => {
				const mcq = item(g, 'france-helped:mcq');
				const long = 'France, with the help of its many partners in the region';
				mcq.options = mcq.options!.map((o) => (o === mcq.answer ? long : o));
				mcq.answer = long;
			},
			/item france-helped:mcq: the key is far longer than every wrong option/
		],
		[
			'eight multiple-choice items all keyed first',
			'key-positions',
			(g) =>
				g.bank.items.push(
					...copies(g, 'france-helped:mcq', 8, (c) => {
						c.options = ['France', ...c.options!.filter((o) => o !== 'France')];
						c.factIds = [`other-${c.id}`];
					})
				),
			/mcq items: the key is option 1 in \d+ of \d+; keep each position 15-35%/
		],
		[
			'eight multiple-choice items whose key is always the longest option',
			'key-positions',
			(g) =>
				g.bank.items.push(
					...copies(g, 'france-helped:mcq', 8, (c, k) => {
						c.answer = 'France, with its partners';
						c.options = [['Russia', 'Ghana', 'Chad'], c.answer].flat();
						c.options.splice(k % 4, 0, c.options.pop()!);
						c.factIds = [`other-${c.id}`];
					})
				),
			/mcq items: the key is the longest option in \d+ of \d+/
		],
		[
			'a typed answer of seven words without key terms',
			'typed-short',
			(g) => {
				const card = item(g, 'france-helped:flashcard');
				card.answer = 'France, which helped the force come together';
				delete card.accept;
			},
			/item france-helped:flashcard: a typed answer of 7 words/
		],
		[
			'key terms the written answer itself fails',
			'typed-short',
			(g) => (item(g, 'france-helped:flashcard').keyTerms = [['Paris']]),
			/the answer does not contain its own key terms/
		],
		[
			'a self-rated cloze',
			'typed-short',
			(g) => (item(g, 'g5-year:cloze').selfRated = true),
			/a cloze is typed in quizzes; it cannot be self-rated/
		],
		[
			'a map question that names its answer, with two candidates',
			'map-about-article',
			(g) =>
				g.bank.items.push({
					...item(g, 'france-helped:mcq'),
					id: 'france:locate',
					type: 'map',
					prompt: 'On the map, select France.',
					options: ['France', 'Russia']
				}),
			/item france:locate: a map question needs 4 labelled candidates[\s\S]*names its answer "France"[\s\S]*"France" has no place on the map/
		],
		[
			'two facts asking the same question',
			'near-duplicate',
			(g) =>
				(item(g, 'critics-wagner:flashcard').prompt = item(g, 'france-helped:flashcard').prompt),
			/item critics-wagner:flashcard: its prompt is 100% the same words as france-helped:flashcard/
		],
		[
			'one fact tested by nine items',
			'items-per-fact',
			(g) => g.bank.items.push(...copies(g, 'g5-year:cloze', 5)),
			/fact g5-year: \d+ items test this one fact/
		]
	])('%s is reported by %s', (_name, rule, breakItems, message) => {
		const problems = problemsOf(undefined, breakItems).filter((p) => p.rule === rule);
		expect(problems.map((p) => `${p.where}: ${p.message}`).join('\n')).toMatch(message);
	});

	test.each([
		['Russia has gained influence through its _____, advisors, and Wagner Group operations.', true],
		['Sharing of intelligence, _____ and joint planning machinery has been removed.', true],
		[
			'The G5 Sahel Joint Force cooperates with Mali, Niger, Burkina Faso, _____, and Mauritania.',
			true
		],
		['The article names Senegal, Ivory Coast and _____ as coastal West African countries.', true],
		['_____, Ivory Coast and Ghana are coastal West African countries.', true],
		['Terrorism, displacement as well as _____ may follow.', true],
		[
			'Although military action still matters, _____ security demands political involvement, economic growth, and trust.',
			false
		],
		['In early September 2025, _____ militants attacked a convoy near Mopti.', false],
		['The government of Mali alleged that the arrests were made on the basis of _____.', false]
	])('gapInList(%j) is %s', (prompt, expected) => {
		expect(gapInList(prompt)).toBe(expected);
	});

	test('a stem word is a cue only when no wrong option shares it', () => {
		expect(
			stemCues('Which force did France help to form?', 'G5 Sahel Joint Force', [
				'ECOWAS',
				'Wagner Group',
				'African Union'
			])
		).toEqual(['force']);
		expect(
			stemCues('Which operation followed Operation Serval?', 'Operation Barkhane', [
				'Operation Serval',
				'Operation Desert Storm',
				'Wagner Group'
			])
		).toEqual([]);
	});

	test('a bank without enough multiple choice fails mcq-share; one of only mcq passes', () => {
		const keep = (type: string) => (g: Generated) =>
			(g.bank.items = g.bank.items.filter((i) => (i.type === 'mcq') === (type === 'mcq')));
		const share = (problems: Problem[]) => problems.filter((p) => p.rule === 'mcq-share');
		expect(share(problemsOf(undefined, keep('other'), ['coverage']))[0]?.message).toMatch(
			/0 of \d+ quiz items \(0%\) are multiple choice; at least 25%/
		);
		expect(share(problemsOf(undefined, keep('mcq'), ['coverage']))).toEqual([]);
	});
});

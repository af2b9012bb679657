// The checks behind `npm run bank -- --check`. Each rule returns problems with a precise
// place and message; none throws, so an author sees every problem in one run.
import { countWholeWord, normaliseText } from './normalise';
import { GAP, TRUE_FALSE_OPTIONS, writePairs, writeSequence, type Generated } from './generate';
import { indexPack, isMentioned, PARTY_KIND, unsafeDistractor, type PackIndex } from './pack-index';
import type { PackModel } from './read-pack';
import { INTRO_TOPIC } from './read-pack';
import { ITEM_TYPES, type BankItem } from './types';
import { QUALITY_RULE_NAMES, QUALITY_RULES } from './quality-rules';

/** The names of the rules, as printed in problems. */
export const RULE_NAMES = [
	'unique-ids',
	'quote-verbatim',
	'paragraph-covered',
	'unknown-reference',
	'claim-attributed',
	'term-in-statement',
	'answer-in-options',
	'options-unique',
	'wrong-option-kind',
	'false-statement-true',
	'item-shape',
	'ordering-dated',
	'coverage',
	...QUALITY_RULE_NAMES
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** One broken rule: where it is and what is wrong, as a sentence. */
export interface Problem {
	rule: RuleName;
	where: string;
	message: string;
}

interface Context {
	pack: PackModel;
	generated: Generated;
	index: PackIndex;
	minItems: number;
}

type Rule = (context: Context) => Problem[];

const OPTION_TYPES = new Set(['mcq', 'truefalse', 'who-said', 'map']);

/** Ids that occur more than once. */
function duplicates(ids: readonly string[]): string[] {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
	return [...repeated];
}

const uniqueIds: Rule = ({ pack, generated }) => {
	const found: Problem[] = [];
	const table: [string, string[]][] = [
		['fact', pack.facts.map((f) => f.id)],
		['entity', pack.entities.map((e) => e.id)],
		['item', generated.bank.items.map((i) => i.id)],
		['matching set', pack.matching.map((s) => s.id)],
		['ordering set', pack.ordering.map((s) => s.id)]
	];
	const generatedIds = new Set(generated.bank.items.map((i) => i.id));
	for (const id of pack.retired)
		if (generatedIds.has(id))
			found.push({
				rule: 'unique-ids',
				where: `item ${id}`,
				message: `"${id}" is listed as retired but is still generated`
			});
	for (const [what, ids] of table) {
		for (const id of duplicates(ids)) {
			found.push({
				rule: 'unique-ids',
				where: `${what} ${id}`,
				message: `the ${what} id "${id}" is used more than once`
			});
		}
	}
	return found;
};

const quoteVerbatim: Rule = ({ pack, generated, index }) => {
	const found: Problem[] = [];
	const check = (where: string, paragraph: string, quote: string) => {
		const text = index.paragraph.get(paragraph);
		if (text === undefined) {
			found.push({
				rule: 'quote-verbatim',
				where,
				message: `paragraph ${paragraph} does not exist`
			});
		} else if (!text.includes(quote)) {
			found.push({
				rule: 'quote-verbatim',
				where,
				message: `the quote "${quote}" is not a verbatim part of ${paragraph}`
			});
		}
	};
	for (const fact of pack.facts) check(`fact ${fact.id}`, fact.paragraph, fact.quote);
	for (const item of generated.bank.items)
		check(`item ${item.id}`, item.source.paragraph, item.source.quote);
	return found;
};

const paragraphCovered: Rule = ({ pack, generated }) => {
	const withFacts = new Set(pack.facts.map((f) => f.paragraph));
	const withItems = new Set(generated.bank.items.map((i) => i.source.paragraph));
	return pack.article.paragraphs.flatMap((p) => {
		if (!withFacts.has(p.id))
			return [
				{
					rule: 'paragraph-covered' as const,
					where: `paragraph ${p.id}`,
					message: `${p.id} has no facts`
				}
			];
		if (!withItems.has(p.id))
			return [
				{
					rule: 'paragraph-covered' as const,
					where: `paragraph ${p.id}`,
					message: `${p.id} is the source of no item`
				}
			];
		return [];
	});
};

const unknownReference: Rule = ({ pack, generated, index }) => {
	const found: Problem[] = [];
	const missing = (where: string, what: string, id: string) =>
		found.push({ rule: 'unknown-reference', where, message: `unknown ${what} "${id}"` });
	for (const fact of pack.facts) {
		const where = `fact ${fact.id}`;
		if (fact.entity !== undefined && !index.entity.has(fact.entity))
			missing(where, 'entity', fact.entity);
		for (const id of fact.exclude ?? []) if (!index.entity.has(id)) missing(where, 'entity', id);
		if (fact.claimBy !== undefined && !index.party.has(fact.claimBy))
			missing(where, `party (an entity of kind ${PARTY_KIND})`, fact.claimBy);
	}
	for (const entity of pack.entities) {
		if (entity.fact !== undefined && !index.fact.has(entity.fact))
			missing(`entity ${entity.id}`, 'fact', entity.fact);
	}
	for (const set of pack.matching)
		for (const pair of set.pairs)
			if (!index.fact.has(pair.fact)) missing(`matching ${set.id}`, 'fact', pair.fact);
	for (const set of pack.ordering)
		for (const id of set.facts) if (!index.fact.has(id)) missing(`ordering ${set.id}`, 'fact', id);
	for (const item of generated.bank.items)
		for (const id of item.factIds) if (!index.fact.has(id)) missing(`item ${item.id}`, 'fact', id);
	return found;
};

const claimAttributed: Rule = ({ pack, index }) => {
	const found: Problem[] = [];
	for (const fact of pack.facts) {
		const where = `fact ${fact.id}`;
		const add = (message: string) => found.push({ rule: 'claim-attributed', where, message });
		if (fact.kind === 'claim' && fact.claimBy === undefined) add('a claim needs claimBy');
		if (fact.claimBy !== undefined && fact.kind !== 'claim')
			add('a fact with claimBy must be of kind claim');
		if (fact.whoSaid !== undefined && fact.claimBy === undefined) add('whoSaid needs claimBy');
		const party = fact.claimBy === undefined ? undefined : index.party.get(fact.claimBy);
		if (party && !isMentioned(party, [fact.statement]))
			add(`the statement must say who claims it ("${party.name}" or an alias)`);
	}
	return found;
};

const termInStatement: Rule = ({ pack }) =>
	pack.facts.flatMap((fact) => {
		if (fact.term === undefined) return [];
		const count = countWholeWord(fact.statement, fact.term);
		if (count === 1) return [];
		return [
			{
				rule: 'term-in-statement' as const,
				where: `fact ${fact.id}`,
				message: `the term "${fact.term}" occurs ${count} times in the statement as a whole word; it must occur once`
			}
		];
	});

const answerInOptions: Rule = ({ generated }) =>
	generated.bank.items.flatMap((item) => {
		if (!OPTION_TYPES.has(item.type)) return [];
		if (item.options?.includes(item.answer)) return [];
		return [
			{
				rule: 'answer-in-options' as const,
				where: `item ${item.id}`,
				message: `the answer "${item.answer}" is not one of its options`
			}
		];
	});

const optionsUnique: Rule = ({ generated }) =>
	generated.bank.items.flatMap((item) => {
		if (!item.options) return [];
		const problems: Problem[] = [];
		const repeated = duplicates(item.options.map(normaliseText));
		if (repeated.length > 0)
			problems.push({
				rule: 'options-unique',
				where: `item ${item.id}`,
				message: `repeated option "${repeated[0]}"`
			});
		if (item.type === 'mcq' && item.options.length !== 4)
			problems.push({
				rule: 'options-unique',
				where: `item ${item.id}`,
				message: `an mcq needs 4 options, not ${item.options.length}`
			});
		if (item.type === 'truefalse' && item.options.join('|') !== TRUE_FALSE_OPTIONS.join('|'))
			problems.push({
				rule: 'options-unique',
				where: `item ${item.id}`,
				message: 'truefalse options must be True, False'
			});
		if (item.options.length < 2)
			problems.push({
				rule: 'options-unique',
				where: `item ${item.id}`,
				message: 'fewer than two options'
			});
		return problems;
	});

const wrongOptionKind: Rule = ({ pack, generated, index }) => {
	const found: Problem[] = [];
	const byName = new Map<string, typeof pack.entities>();
	for (const e of pack.entities) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
	for (const item of generated.bank.items) {
		if (!['mcq', 'who-said', 'map'].includes(item.type)) continue;
		// authored wrong options (choices) are phrases, checked by mcq-options
		if (item.type === 'mcq' && index.fact.get(item.factIds[0] ?? '')?.choices) continue;
		const where = `item ${item.id}`;
		const kindOf = (name: string) => {
			const candidates = byName.get(name) ?? [];
			if (item.type === 'who-said') return candidates.find((e) => e.kind === PARTY_KIND);
			if (item.type === 'map') return candidates.find((e) => e.map !== undefined);
			return candidates.find((e) => e.kind !== PARTY_KIND);
		};
		const answer = kindOf(item.answer);
		if (!answer) {
			found.push({
				rule: 'wrong-option-kind',
				where,
				message: `the answer "${item.answer}" is not an entity this item type can use`
			});
			continue;
		}
		const fact = index.fact.get(item.factIds[0] ?? '');
		for (const option of item.options ?? []) {
			if (option === item.answer) continue;
			const entity = kindOf(option);
			if (!entity || entity.kind !== answer.kind) {
				found.push({
					rule: 'wrong-option-kind',
					where,
					message: `the option "${option}" is not an entity of kind ${answer.kind}`
				});
			} else if (
				item.type !== 'who-said' &&
				fact &&
				unsafeDistractor(fact, answer, entity) &&
				!item.id.endsWith(':locate')
			) {
				found.push({
					rule: 'wrong-option-kind',
					where,
					message: `the wrong option "${option}" may also be correct: the fact mentions or excludes it`
				});
			}
		}
	}
	return found;
};

const falseStatementTrue: Rule = ({ pack, generated, index }) => {
	const found: Problem[] = [];
	const statements = new Set(pack.facts.map((f) => normaliseText(f.statement)));
	for (const item of generated.bank.items) {
		if (item.type !== 'truefalse' || item.answer !== 'False') continue;
		const where = `item ${item.id}`;
		const add = (message: string) => found.push({ rule: 'false-statement-true', where, message });
		if (statements.has(normaliseText(item.prompt))) {
			add('this "false" statement is word for word a true statement of the pack');
			continue;
		}
		const note = generated.notes.get(item.id);
		// an authored change (falsify) is checked by false-one-change
		if (note?.changedFrom !== undefined) continue;
		const fact = index.fact.get(item.factIds[0] ?? '');
		const swappedIn = note?.swappedIn === undefined ? undefined : index.entity.get(note.swappedIn);
		const swappedOut =
			note?.swappedOut === undefined ? undefined : index.entity.get(note.swappedOut);
		if (!fact || !swappedIn || !swappedOut) {
			add('a false statement must come from swapping one entity of its fact for another');
			continue;
		}
		if (swappedIn.kind !== swappedOut.kind)
			add(
				`"${swappedIn.name}" (${swappedIn.kind}) was swapped for "${swappedOut.name}" (${swappedOut.kind}): kinds differ`
			);
		else if (unsafeDistractor(fact, swappedOut, swappedIn))
			add(
				`swapping in "${swappedIn.name}" may keep the statement true: the fact mentions or excludes it`
			);
	}
	return found;
};

/** Rough sentence count: sentence ends followed by a capital letter or a quote. */
function sentenceCount(text: string): number {
	return text.split(/[.!?]["”’)]?\s+(?=[A-Z"“])/).filter((s) => s.trim() !== '').length;
}

const itemShape: Rule = ({ pack, generated }) => {
	const topics = new Set([INTRO_TOPIC, ...pack.article.sections]);
	const found: Problem[] = [];
	for (const item of generated.bank.items) {
		const where = `item ${item.id}`;
		const add = (message: string) => found.push({ rule: 'item-shape', where, message });
		if (!ITEM_TYPES.includes(item.type)) add(`unknown type "${item.type}"`);
		if (item.prompt.trim() === '' || item.answer.trim() === '') add('empty prompt or answer');
		if (item.factIds.length === 0) add('no fact ids');
		if (!topics.has(item.topic)) add(`unknown topic "${item.topic}"`);
		const sentences = sentenceCount(item.explanation);
		if (sentences < 1 || sentences > 2)
			add(`the explanation has ${sentences} sentences; it needs 1 or 2`);
		if (item.type === 'cloze' && item.prompt.split(GAP).length !== 2)
			add(`a cloze prompt needs exactly one ${GAP}`);
		if (item.type === 'numeric' && !/^\d+$/.test(item.answer))
			add('a numeric answer must be digits');
		if (item.type === 'matching' && (!item.pairs || writePairs(item.pairs) !== item.answer))
			add('the answer must write out the pairs');
		if (item.type === 'matching' && item.pairs) {
			if (duplicates(item.pairs.map((p) => normaliseText(p.left))).length > 0)
				add('a left side repeats');
			if (duplicates(item.pairs.map((p) => normaliseText(p.right))).length > 0)
				add('a right side repeats');
		}
		if (
			item.type === 'ordering' &&
			(!item.sequence || writeSequence(item.sequence) !== item.answer)
		)
			add('the answer must write out the sequence');
	}
	for (const fact of pack.facts) {
		if (!topics.has(fact.topic))
			found.push({
				rule: 'item-shape',
				where: `fact ${fact.id}`,
				message: `unknown topic "${fact.topic}"`
			});
		if (fact.statement.includes(GAP))
			found.push({
				rule: 'item-shape',
				where: `fact ${fact.id}`,
				message: `the statement contains the gap marker ${GAP}`
			});
	}
	return found;
};

const orderingDated: Rule = ({ pack, index }) => {
	const found: Problem[] = [];
	for (const set of pack.ordering) {
		const where = `ordering ${set.id}`;
		const facts = set.facts.map((id) => index.fact.get(id)).filter((f) => f !== undefined);
		for (const fact of facts) {
			if (fact.when === undefined || fact.event === undefined)
				found.push({
					rule: 'ordering-dated',
					where,
					message: `fact ${fact.id} needs both when and event`
				});
		}
		const whens = facts.map((f) => f.when).filter((w) => w !== undefined);
		for (const when of duplicates(whens))
			found.push({
				rule: 'ordering-dated',
				where,
				message: `two events share the date ${when}, so their order is unknown`
			});
	}
	return found;
};

const coverage: Rule = ({ generated, minItems }) => {
	const found: Problem[] = [];
	const present = new Set(generated.bank.items.map((i: BankItem) => i.type));
	for (const type of ITEM_TYPES)
		if (!present.has(type))
			found.push({ rule: 'coverage', where: 'bank', message: `no item of type ${type}` });
	if (generated.bank.items.length < minItems)
		found.push({
			rule: 'coverage',
			where: 'bank',
			message: `${generated.bank.items.length} items; at least ${minItems} are needed`
		});
	return found;
};

const RULES: Record<RuleName, Rule> = {
	'unique-ids': uniqueIds,
	'quote-verbatim': quoteVerbatim,
	'paragraph-covered': paragraphCovered,
	'unknown-reference': unknownReference,
	'claim-attributed': claimAttributed,
	'term-in-statement': termInStatement,
	'answer-in-options': answerInOptions,
	'options-unique': optionsUnique,
	'wrong-option-kind': wrongOptionKind,
	'false-statement-true': falseStatementTrue,
	'item-shape': itemShape,
	'ordering-dated': orderingDated,
	coverage,
	...QUALITY_RULES
};

/** Options of checkBank. */
export interface CheckOptions {
	/** Fewest items a pack may have (the coverage rule); 0 turns the count off. */
	minItems?: number;
	/** Rules to skip, e.g. coverage for a small test pack. */
	skip?: RuleName[];
}

/** Runs every rule over a pack and its generated bank. */
export function checkBank(
	pack: PackModel,
	generated: Generated,
	options: CheckOptions = {}
): Problem[] {
	const context: Context = {
		pack,
		generated,
		index: indexPack(pack),
		minItems: options.minItems ?? 0
	};
	return RULE_NAMES.filter((name) => !options.skip?.includes(name)).flatMap((name) =>
		RULES[name](context)
	);
}

/** A problem as one line: `rule: where: message`. */
export function describeProblem(problem: Problem): string {
	return `${problem.rule}: ${problem.where}: ${problem.message}`;
}

// The item-writing rules (Haladyna and Rodriguez's guidelines for classroom items) as bank
// checks: a question passable by recognising a sentence, guessing "True" or reading another
// question is a defect the check names, like a quote that is not verbatim.
import { hasKeyTerms } from '../quiz/key-terms';
import { countWholeWord, foldMention, mentions, normaliseText } from './normalise';
import { isMentioned } from './pack-index';
import type { PackFact, PackModel } from './read-pack';
import { answerWords, quoteShare, TYPED_TYPES } from './report';
import { contentWords, wordSimilarity } from './text-overlap';
import { MAX_TYPED_WORDS, shortestForm, type Generated } from './generate';
import type { PackIndex } from './pack-index';
import type { BankItem } from './types';

export const QUALITY_RULE_NAMES = [
	'tf-balance',
	'tf-paraphrase',
	'false-one-change',
	'self-contained',
	'clean-english',
	'mcq-share',
	'mcq-options',
	'key-positions',
	'cloze-content',
	'cloze-list-member',
	'mcq-stem-cue',
	'typed-short',
	'map-about-article',
	'near-duplicate',
	'items-per-fact'
] as const;
export type QualityRuleName = (typeof QUALITY_RULE_NAMES)[number];

/** One broken rule, as in rules.ts. */
export interface QualityProblem {
	rule: QualityRuleName;
	where: string;
	message: string;
}

export interface QualityContext {
	pack: PackModel;
	generated: Generated;
	index: PackIndex;
}

type Rule = (context: QualityContext) => QualityProblem[];

/** Share of True among true/false items, allowed per topic and overall. */
export const TRUE_SHARE = { min: 0.4, max: 0.6 };
/** A True statement may take at most this share of its content words from its quote. */
export const MAX_QUOTE_SHARE = 0.7;
/** At least this share of a bank is multiple choice. */
export const MIN_MCQ_SHARE = 0.25;
/** Prompts of two facts this alike (content-word Jaccard) are near-duplicates. */
export const NEAR_DUPLICATE = 0.75;
/** The most single-fact items one fact may have. */
export const MAX_ITEMS_PER_FACT = 6;

/**
 * Words that point at something the learner cannot see: the antecedent is in the article,
 * not in the question ("the move", "both governments", "within several days").
 */
export const DANGLING_REFERENTS: readonly RegExp[] = [
	/\bthis\b/i,
	/\bthese\b/i,
	/\bthose\b/i,
	/\bthe move\b/i,
	/\bboth governments\b/i,
	/\bthe two countries\b/i,
	/\bthe event\b/i,
	/\bthe change\b/i,
	/\bthe coordination\b/i,
	/\bthe suspension\b(?! of)/i,
	/\bthe arrests?\b(?! of)/i,
	/\bthe breakdown\b(?! of)/i,
	/\bthe collapse\b(?! of)/i,
	/\bthe failure of cooperation\b/i,
	/\bthe outcome\b/i,
	/\bthe scenario\b/i,
	/\bthe transition\b/i,
	/\bthe new leadership\b/i,
	/\bthe present moment\b/i,
	/\bseveral days\b(?! of)/i,
	/\bthe coups\b/i
];

const NOT_AN_OPTION = /\b(?:all|none) of the above\b|^both\b/i;
/** Words that carry no content of their own: a cloze gap on them tests nothing. */
const FILLER = new Set(['only', 'most', 'more', 'less', 'very', 'much', 'well', 'still', 'just']);

const texts = (item: BankItem): string[] => [
	item.prompt,
	item.answer,
	item.explanation,
	...(item.options ?? []),
	...(item.pairs ?? []).flatMap((p) => [p.left, p.right]),
	...(item.sequence ?? [])
];

const problem = (rule: QualityRuleName, where: string, message: string): QualityProblem => ({
	rule,
	where,
	message
});

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** Whether `trues` of `total` is balanced: 40-60%, or as near to half as an odd count allows. */
export function balanced(trues: number, total: number): boolean {
	if (total === 0) return true;
	const share = trues / total;
	return (share >= TRUE_SHARE.min && share <= TRUE_SHARE.max) || Math.abs(2 * trues - total) <= 1;
}

const tfBalance: Rule = ({ generated }) => {
	const tf = generated.bank.items.filter((i) => i.type === 'truefalse');
	const found: QualityProblem[] = [];
	const check = (where: string, group: BankItem[]) => {
		const trues = group.filter((i) => i.answer === 'True').length;
		if (!balanced(trues, group.length))
			found.push(
				problem(
					'tf-balance',
					where,
					`${trues} of ${group.length} true/false items are keyed True (${pct(trues / group.length)}); keep 40-60%`
				)
			);
	};
	check('bank', tf);
	for (const topic of new Set(tf.map((i) => i.topic)))
		check(
			`topic ${topic}`,
			tf.filter((i) => i.topic === topic)
		);
	return found;
};

const tfParaphrase: Rule = ({ generated }) =>
	generated.bank.items.flatMap((item) => {
		if (item.type !== 'truefalse') return [];
		const share = quoteShare(item.prompt, item.source.quote);
		if (share <= MAX_QUOTE_SHARE) return [];
		return [
			problem(
				'tf-paraphrase',
				`item ${item.id}`,
				`${pct(share)} of the statement's words come from its quote; paraphrase it (at most ${pct(MAX_QUOTE_SHARE)})`
			)
		];
	});

const falseOneChange: Rule = ({ pack, generated, index }) => {
	const found: QualityProblem[] = [];
	for (const fact of pack.facts) {
		if (!fact.falsify) continue;
		const where = `fact ${fact.id}`;
		const { from, to } = fact.falsify;
		const base = fact.paraphrase ?? '';
		if (countWholeWord(base, from) !== 1)
			found.push(problem('false-one-change', where, `"${from}" must occur once in the paraphrase`));
		// the changed words must not be what the article says, or the "false" statement is true
		if (normaliseText(from) === normaliseText(to) || mentions(fact.quote, to))
			found.push(
				problem('false-one-change', where, `"${to}" is in the quote, so the change may be true`)
			);
	}
	for (const item of generated.bank.items) {
		if (item.type !== 'truefalse' || item.answer !== 'False') continue;
		const note = generated.notes.get(item.id);
		const changed =
			note?.changedFrom ?? (note?.swappedOut && index.entity.get(note.swappedOut)?.name);
		if (!changed)
			found.push(
				problem('false-one-change', `item ${item.id}`, 'a false statement needs one named change')
			);
		else if (!item.explanation.startsWith('False:') || !mentions(item.explanation, changed))
			found.push(
				problem('false-one-change', `item ${item.id}`, 'the explanation must state the correction')
			);
	}
	return found;
};

const selfContained: Rule = ({ generated }) =>
	generated.bank.items.flatMap((item) => {
		// matching and ordering prompts point at the entries shown with them ("these events")
		if (item.type === 'matching' || item.type === 'ordering') return [];
		const stem = item.prompt;
		const hit = DANGLING_REFERENTS.find((pattern) => pattern.test(stem));
		if (!hit) return [];
		const words = stem.match(hit)?.[0] ?? '';
		return [
			problem(
				'self-contained',
				`item ${item.id}`,
				`"${words}" points at something only the article shows; name it in the question`
			)
		];
	});

const cleanEnglish: Rule = ({ pack, generated }) => {
	const found: QualityProblem[] = [];
	const avoid = pack.avoid.map((phrase) => ({ phrase, folded: foldMention(phrase) }));
	for (const item of generated.bank.items) {
		const where = `item ${item.id}`;
		for (const text of texts(item)) {
			const folded = foldMention(text);
			const copied = avoid.find((a) => countWholeWord(folded, a.folded) > 0)?.phrase;
			if (copied) {
				found.push(
					problem('clean-english', where, `"${copied}" is the article's clumsy wording; reword it`)
				);
				break;
			}
			const doubled = text.match(/\b(\w+) \1\b/i);
			if (doubled) found.push(problem('clean-english', where, `"${doubled[0]}" repeats a word`));
			if (/ {2}|\s[,.?]/.test(text)) found.push(problem('clean-english', where, 'stray spacing'));
		}
		if (!/^(?:[A-Z0-9"“'‘]|_____)/.test(item.prompt))
			found.push(problem('clean-english', where, 'the prompt must start with a capital'));
	}
	return found;
};

const mcqShare: Rule = ({ generated }) => {
	// of the items a quiz can ask: self-rated cards are study only
	const items = generated.bank.items.filter((i) => !i.selfRated);
	const mcq = items.filter((i) => i.type === 'mcq').length;
	if (items.length === 0 || mcq / items.length >= MIN_MCQ_SHARE) return [];
	return [
		problem(
			'mcq-share',
			'bank',
			`${mcq} of ${items.length} quiz items (${pct(mcq / items.length)}) are multiple choice; at least ${pct(MIN_MCQ_SHARE)} are needed`
		)
	];
};

const mcqOptions: Rule = ({ pack, generated }) => {
	const found: QualityProblem[] = [];
	for (const fact of pack.facts) {
		if (!fact.choices) continue;
		const where = `fact ${fact.id}`;
		if (fact.entity !== undefined)
			found.push(problem('mcq-options', where, 'choices are for facts without an entity'));
		if (fact.choices.length !== 3)
			found.push(
				problem('mcq-options', where, `choices needs 3 wrong options, not ${fact.choices.length}`)
			);
		const right = [fact.answer ?? '', ...(fact.accept ?? [])].map(normaliseText);
		for (const choice of fact.choices)
			if (right.includes(normaliseText(choice)))
				found.push(problem('mcq-options', where, `the wrong option "${choice}" is the answer`));
	}
	for (const item of generated.bank.items) {
		if (item.type !== 'mcq' || !item.options) continue;
		const where = `item ${item.id}`;
		for (const option of item.options)
			if (NOT_AN_OPTION.test(option))
				found.push(problem('mcq-options', where, `"${option}" is not an option a key can share`));
		// a key much longer or shorter than every wrong option gives itself away
		const key = answerWords(item.answer);
		const others = item.options.filter((o) => o !== item.answer).map(answerWords);
		if (others.length > 0 && others.every((n) => n * 2 + 1 < key))
			found.push(problem('mcq-options', where, 'the key is far longer than every wrong option'));
		if (others.length > 0 && others.every((n) => key * 2 + 1 < n))
			found.push(problem('mcq-options', where, 'the key is far shorter than every wrong option'));
	}
	return found;
};

/** A key that is the longest option more often than this gives itself away across a bank. */
export const MAX_KEY_LONGEST = 0.3;

const keyPositions: Rule = ({ generated }) => {
	const found: QualityProblem[] = [];
	const mcqs = generated.bank.items.filter((i) => i.type === 'mcq' && i.options);
	const longest = mcqs.filter((i) =>
		i.options!.every((o) => o === i.answer || answerWords(o) < answerWords(i.answer))
	);
	if (mcqs.length >= 8 && longest.length / mcqs.length > MAX_KEY_LONGEST)
		found.push(
			problem(
				'key-positions',
				'mcq items',
				`the key is the longest option in ${longest.length} of ${mcqs.length} (${pct(longest.length / mcqs.length)}); keep it at most ${pct(MAX_KEY_LONGEST)} (${longest
					.slice(0, 5)
					.map((i) => i.id)
					.join(', ')}, ...)`
			)
		);
	for (const type of ['mcq', 'who-said', 'map']) {
		const items = generated.bank.items.filter((i) => i.type === type && i.options?.length === 4);
		if (items.length < 8) continue;
		const counts = [0, 0, 0, 0];
		for (const item of items) counts[item.options!.indexOf(item.answer)]!++;
		const bad = counts.findIndex((n) => n / items.length < 0.15 || n / items.length > 0.35);
		if (bad >= 0)
			found.push(
				problem(
					'key-positions',
					`${type} items`,
					`the key is option ${bad + 1} in ${counts[bad]} of ${items.length}; keep each position 15-35%`
				)
			);
	}
	return found;
};

const clozeContent: Rule = ({ generated }) =>
	generated.bank.items.flatMap((item) => {
		if (item.type !== 'cloze') return [];
		const words = contentWords(item.answer).filter((w) => !FILLER.has(w));
		if (words.length > 0) return [];
		return [
			problem(
				'cloze-content',
				`item ${item.id}`,
				`the gap "${item.answer}" is filler; gap a name, number, term or key phrase`
			)
		];
	});

/**
 * Whether a cloze prompt's gap is one member of a list ("X, _____, and Y", "X, Y and _____",
 * "_____, X and Y"): the gap then tests rote recall of the sentence, and the other members
 * or a synonym of the missing one are right answers the grader rejects.
 */
export function gapInList(prompt: string): boolean {
	const gap = prompt.indexOf('_____');
	if (gap < 0) return false;
	// the clause around the gap: up to the sentence's end or a semicolon
	const clause = (text: string) => text.split(/[.;:?!]/);
	const before = clause(prompt.slice(0, gap)).at(-1) ?? '';
	const after = clause(prompt.slice(gap + 5))[0] ?? '';
	const joiner = /^\s*(?:,?\s*(?:and|or|as well as)\s|,)/i;
	// "X, _____": a comma right before the gap with "and"/"or" or another comma after it
	if (/,\s*$/.test(before) && joiner.test(after)) return true;
	// "X, Y and _____" / "X and _____" after a comma-listed member
	if (/,[^,]+,?\s+(?:and|or|as well as)\s+$/i.test(before)) return true;
	// "_____, X and Y" / "_____, X, and Y"
	if (/^\s*,[^,]+,?\s+(?:and|or|as well as)\s/i.test(after)) return true;
	return false;
}

const clozeListMember: Rule = ({ generated }) =>
	generated.bank.items.flatMap((item) => {
		if (item.type !== 'cloze' || !gapInList(item.prompt)) return [];
		return [
			problem(
				'cloze-list-member',
				`item ${item.id}`,
				`the gap "${item.answer}" is one member of a list; gap a name, number or key concept instead`
			)
		];
	});

/** Words of the stem's frame that say nothing about which option is right. */
const CUE_STOP = new Set(['article', 'according']);

/**
 * A multiple-choice stem that shares a content word with its key but with no wrong option
 * points at the key ("which group's agents ... Wagner Group agents"): the word is a clue.
 */
export function stemCues(prompt: string, key: string, wrong: readonly string[]): string[] {
	const stem = new Set(contentWords(prompt));
	const others = new Set(wrong.flatMap((o) => contentWords(o)));
	return contentWords(key).filter((w) => stem.has(w) && !others.has(w) && !CUE_STOP.has(w));
}

const mcqStemCue: Rule = ({ generated }) =>
	generated.bank.items.flatMap((item) => {
		if (item.type !== 'mcq' || !item.options) return [];
		const cues = stemCues(
			item.prompt,
			item.answer,
			item.options.filter((o) => o !== item.answer)
		);
		if (cues.length === 0) return [];
		return [
			problem(
				'mcq-stem-cue',
				`item ${item.id}`,
				`the stem shares "${cues.join('", "')}" with the key and with no wrong option; reword the stem or the options`
			)
		];
	});

const typedShort: Rule = ({ generated }) =>
	generated.bank.items.flatMap((item) => {
		if (!(TYPED_TYPES as readonly string[]).includes(item.type)) return [];
		const where = `item ${item.id}`;
		if (item.selfRated) {
			return item.type === 'cloze'
				? [problem('typed-short', where, 'a cloze is typed in quizzes; it cannot be self-rated')]
				: [];
		}
		if (item.keyTerms) {
			// the written answer itself must pass its own key terms
			return hasKeyTerms(item.answer, item.keyTerms, item.answer)
				? []
				: [problem('typed-short', where, 'the answer does not contain its own key terms')];
		}
		const words = shortestForm(item.answer, item.accept);
		if (words <= MAX_TYPED_WORDS) return [];
		return [
			problem(
				'typed-short',
				where,
				`a typed answer of ${words} words; shorten it, accept a short form, list keyTerms or make it self-rated`
			)
		];
	});

const mapAboutArticle: Rule = ({ pack, generated }) => {
	const found: QualityProblem[] = [];
	const byName = new Map(pack.entities.map((e) => [e.name, e]));
	for (const item of generated.bank.items) {
		if (item.type !== 'map') continue;
		const where = `item ${item.id}`;
		const answer = byName.get(item.answer);
		if ((item.options?.length ?? 0) < 4)
			found.push(problem('map-about-article', where, 'a map question needs 4 labelled candidates'));
		if (answer && isMentioned(answer, [item.prompt]))
			found.push(
				problem(
					'map-about-article',
					where,
					`the question names its answer "${item.answer}": it tests geography, not the article`
				)
			);
		if (answer?.inArticle === false)
			found.push(
				problem('map-about-article', where, 'the answer is a place the article does not name')
			);
		for (const option of item.options ?? [])
			if (byName.get(option)?.map === undefined)
				found.push(problem('map-about-article', where, `"${option}" has no place on the map`));
	}
	for (const entity of pack.entities)
		if (entity.inArticle === false && pack.facts.some((f) => f.entity === entity.id))
			found.push(
				problem(
					'map-about-article',
					`entity ${entity.id}`,
					'a place outside the article answers a fact'
				)
			);
	return found;
};

const nearDuplicate: Rule = ({ generated }) => {
	const found: QualityProblem[] = [];
	const items = generated.bank.items.filter((i) => i.type !== 'matching' && i.type !== 'ordering');
	const words = items.map((i) => contentWords(i.prompt));
	for (let i = 0; i < items.length; i++) {
		for (let j = i + 1; j < items.length; j++) {
			const a = items[i]!;
			const b = items[j]!;
			if (a.type !== b.type || a.factIds.some((id) => b.factIds.includes(id))) continue;
			const similarity = wordSimilarity(words[i]!, words[j]!);
			if (similarity >= NEAR_DUPLICATE)
				found.push(
					problem(
						'near-duplicate',
						`item ${b.id}`,
						`its prompt is ${pct(similarity)} the same words as ${a.id}; test each fact once`
					)
				);
		}
	}
	return found;
};

const itemsPerFact: Rule = ({ pack, generated }) =>
	pack.facts.flatMap((fact: PackFact) => {
		const own = generated.bank.items.filter(
			(i) => i.factIds.length === 1 && i.factIds[0] === fact.id
		);
		if (own.length <= MAX_ITEMS_PER_FACT) return [];
		return [
			problem(
				'items-per-fact',
				`fact ${fact.id}`,
				`${own.length} items test this one fact (${own.map((i) => i.id.split(':')[1]).join(', ')}); at most ${MAX_ITEMS_PER_FACT}`
			)
		];
	});

export const QUALITY_RULES: Record<QualityRuleName, Rule> = {
	'tf-balance': tfBalance,
	'tf-paraphrase': tfParaphrase,
	'false-one-change': falseOneChange,
	'self-contained': selfContained,
	'clean-english': cleanEnglish,
	'mcq-share': mcqShare,
	'mcq-options': mcqOptions,
	'key-positions': keyPositions,
	'cloze-content': clozeContent,
	'cloze-list-member': clozeListMember,
	'mcq-stem-cue': mcqStemCue,
	'typed-short': typedShort,
	'map-about-article': mapAboutArticle,
	'near-duplicate': nearDuplicate,
	'items-per-fact': itemsPerFact
};

// The generator: a pure function from a pack to its bank. Item ids come from fact ids and
// the rule that made the item, never from wording, so fixing a typo keeps progress.
import { countWholeWord, normaliseText, numberWords, wholeWordPattern } from './normalise';
import type { Entity } from './pack-schema';
import { indexPack, namesOf, unsafeDistractor, type PackIndex } from './pack-index';
import { pickStable, stableHash } from './pick';
import type { PackFact, PackModel } from './read-pack';
import { answerWords } from './report';
import { BANK_SCHEMA_VERSION, type Bank, type BankItem, type Fact } from './types';

/** The gap marker of cloze prompts. */
export const GAP = '_____';
export const TRUE_FALSE_OPTIONS = ['True', 'False'];
const MCQ_WRONG_OPTIONS = 3;
/** Typed answers longer than this many words need key terms or become self-rated. */
export const MAX_TYPED_WORDS = 3;

/** What the generator knows about an item that the public JSON does not carry. */
export interface ItemNote {
	/** truefalse False: the entity written in and the one it replaced. */
	swappedIn?: string;
	swappedOut?: string;
	/** truefalse False from `falsify`: the words changed and what they became. */
	changedFrom?: string;
	changedTo?: string;
}

/** A generated bank with the notes the rules need. */
export interface Generated {
	bank: Bank;
	notes: Map<string, ItemNote>;
}

type Draft = Omit<BankItem, 'topic' | 'source' | 'factIds'>;

/** Items of one fact, built with its topic and source filled in. */
function itemsOf(fact: PackFact, drafts: Draft[]): BankItem[] {
	return drafts.map((draft) => ({
		...draft,
		factIds: [fact.id],
		topic: fact.topic,
		source: { paragraph: fact.paragraph, quote: fact.quote }
	}));
}

/** Orders an item's fields the same way every time, dropping empty optional ones. */
function ordered(item: BankItem): BankItem {
	const out: BankItem = {
		id: item.id,
		type: item.type,
		prompt: item.prompt,
		answer: item.answer
	} as BankItem;
	if (item.options) out.options = item.options;
	if (item.pairs) out.pairs = item.pairs;
	if (item.sequence) out.sequence = item.sequence;
	if (item.accept && item.accept.length > 0) out.accept = item.accept;
	if (item.keyTerms) out.keyTerms = item.keyTerms;
	if (item.selfRated) out.selfRated = true;
	out.explanation = item.explanation;
	out.factIds = item.factIds;
	out.topic = item.topic;
	out.difficulty = item.difficulty;
	out.source = item.source;
	return out;
}

/** Distinct strings, first occurrence kept, none equal to `except`. */
function distinct(values: readonly string[], except?: string): string[] {
	const seen = new Set<string>(except === undefined ? [] : [except.toLowerCase()]);
	return values.filter((value) => {
		const key = value.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** Alphabetical order, so the stored option order says nothing about the answer. */
function sortOptions(options: string[]): string[] {
	return [...options].sort((a, b) => a.localeCompare(b, 'en'));
}

/** Wrong options for a fact whose answer is `answer`: same kind, same group first. */
export function wrongEntities(
	fact: PackFact,
	answer: Entity,
	pool: readonly Entity[],
	count: number,
	rule: string
): Entity[] {
	const safe = pool.filter(
		(candidate) => candidate.kind === answer.kind && !unsafeDistractor(fact, answer, candidate)
	);
	return pickStable(
		safe,
		count,
		`${fact.id}:${rule}`,
		(e) => e.id,
		(e) => answer.group !== undefined && e.group === answer.group
	);
}

/** The accepted variants of an answer that is an entity's name. */
function entityAccept(entity: Entity | undefined, answer: string): string[] {
	return entity && entity.name === answer ? entity.aliases : [];
}

/** The fewest words any accepted form of an answer takes to type. */
export function shortestForm(answer: string, accept: readonly string[] = []): number {
	return Math.min(...[answer, ...accept].map(answerWords));
}

/**
 * A phrase card is rated by the learner in study and left out of quizzes when no typed answer
 * could be fairly graded against it (over three words, no short accepted form, no key terms),
 * or when its fact's multiple choice already asks the same question in quizzes.
 */
function withSelfRating(draft: Draft, hasMcq: boolean): Draft {
	const long = shortestForm(draft.answer, draft.accept) > MAX_TYPED_WORDS;
	if (!long) return draft;
	if (hasMcq && draft.type === 'flashcard') {
		// never typed in a quiz, so key terms would grade nothing
		const card: Draft = { ...draft, selfRated: true };
		delete card.keyTerms;
		return card;
	}
	return draft.keyTerms ? draft : { ...draft, selfRated: true };
}

/**
 * Accepted spellings of a cloze gap: `termAccept`, else the answer's `accept` when the gap is
 * the answer itself; "regime security" answers a question, it does not fill "at the expense of _____".
 */
function clozeAccept(fact: PackFact): string[] {
	if (fact.termAccept) return fact.termAccept;
	const same =
		fact.answer !== undefined && normaliseText(fact.answer) === normaliseText(fact.term ?? '');
	return same ? (fact.accept ?? []) : [];
}

/** Flashcard, reverse, numeric and cloze items of a fact. */
function recallDrafts(fact: PackFact, entity: Entity | undefined, hasMcq: boolean): Draft[] {
	return recallDraftsOf(fact, entity).map((d) =>
		d.type === 'flashcard' || d.type === 'reverse' ? withSelfRating(d, hasMcq) : d
	);
}

function recallDraftsOf(fact: PackFact, entity: Entity | undefined): Draft[] {
	const drafts: Draft[] = [];
	if (fact.number !== undefined && fact.ask) {
		const words = numberWords(fact.number);
		drafts.push({
			id: `${fact.id}:numeric`,
			type: 'numeric',
			prompt: fact.ask,
			answer: String(fact.number),
			accept: distinct(words ? [words] : []),
			explanation: fact.statement,
			difficulty: fact.difficulty ?? 2
		});
	} else if (fact.ask && fact.answer) {
		drafts.push({
			id: `${fact.id}:flashcard`,
			type: 'flashcard',
			prompt: fact.ask,
			answer: fact.answer,
			accept: distinct([...(fact.accept ?? []), ...entityAccept(entity, fact.answer)], fact.answer),
			...(fact.keyTerms ? { keyTerms: fact.keyTerms } : {}),
			explanation: fact.statement,
			difficulty: fact.difficulty ?? 2
		});
	}
	if (fact.reverse) {
		drafts.push({
			id: `${fact.id}:reverse`,
			type: 'reverse',
			prompt: fact.reverse.prompt,
			answer: fact.reverse.answer,
			...(fact.reverse.keyTerms ? { keyTerms: fact.reverse.keyTerms } : {}),
			explanation: fact.statement,
			difficulty: fact.difficulty ?? 2
		});
	}
	if (fact.term && countWholeWord(fact.statement, fact.term) === 1) {
		const numberForms =
			fact.number === undefined ? [] : [String(fact.number), numberWords(fact.number) ?? ''];
		drafts.push({
			id: `${fact.id}:cloze`,
			type: 'cloze',
			prompt: fact.statement.replace(wholeWordPattern(fact.term, 'u'), GAP),
			answer: fact.term,
			accept: distinct(
				[...clozeAccept(fact), ...entityAccept(entity, fact.term), ...numberForms].filter(Boolean),
				fact.term
			),
			explanation: fact.statement,
			difficulty: fact.difficulty ?? 2
		});
	}
	return drafts;
}

/**
 * The true/false pair of a fact: the paraphrase as the True statement, and the paraphrase
 * with one meaningful change as the False one (the authored `falsify`, else the fact's
 * entity swapped for another of its kind). No paraphrase, no true/false: a statement that
 * copies the article tests recognition, not understanding.
 */
function trueFalseDrafts(
	fact: PackFact,
	entity: Entity | undefined,
	pack: PackModel,
	notes: Map<string, ItemNote>
): Draft[] {
	const base = fact.paraphrase;
	if (base === undefined) return [];
	const drafts = trueFalsePair(fact, base, entity, pack, notes);
	const keep = fact.tf ?? 'both';
	return keep === 'both' ? drafts : drafts.filter((d) => d.answer === keep);
}

function trueFalsePair(
	fact: PackFact,
	base: string,
	entity: Entity | undefined,
	pack: PackModel,
	notes: Map<string, ItemNote>
): Draft[] {
	const drafts: Draft[] = [
		{
			id: `${fact.id}:true`,
			type: 'truefalse',
			prompt: base,
			answer: 'True',
			options: TRUE_FALSE_OPTIONS,
			explanation: `True. ${fact.statement}`,
			difficulty: 1
		}
	];
	const id = `${fact.id}:false`;
	if (fact.falsify) {
		const { from, to } = fact.falsify;
		notes.set(id, { changedFrom: from, changedTo: to });
		drafts.push({
			id,
			type: 'truefalse',
			prompt: base.replace(wholeWordPattern(from, 'u'), to),
			answer: 'False',
			options: TRUE_FALSE_OPTIONS,
			explanation: `False: “${to}” is wrong; the article supports “${from}”. ${fact.statement}`,
			difficulty: 2
		});
		return drafts;
	}
	if (!entity) return drafts;
	const written = namesOf(entity).find((name) => countWholeWord(base, name) === 1);
	const swap = written && wrongEntities(fact, entity, pack.entities, 1, 'false')[0];
	if (written && swap) {
		notes.set(id, { swappedIn: swap.id, swappedOut: entity.id });
		drafts.push({
			id,
			type: 'truefalse',
			prompt: base.replace(wholeWordPattern(written, 'u'), swap.name),
			answer: 'False',
			options: TRUE_FALSE_OPTIONS,
			explanation: `False: the article says ${written}, not ${swap.name}. ${fact.statement}`,
			difficulty: 2
		});
	}
	return drafts;
}

/** Multiple choice and map items of a fact. */
function choiceDrafts(fact: PackFact, entity: Entity | undefined, pack: PackModel): Draft[] {
	const drafts: Draft[] = [];
	const prompt = entity && (fact.mcqAsk ?? (fact.answer === entity.name ? fact.ask : undefined));
	if (entity && prompt && fact.number === undefined) {
		const wrong = wrongEntities(fact, entity, pack.entities, MCQ_WRONG_OPTIONS, 'mcq');
		if (wrong.length === MCQ_WRONG_OPTIONS) {
			drafts.push({
				id: `${fact.id}:mcq`,
				type: 'mcq',
				prompt,
				answer: entity.name,
				options: [entity.name, ...wrong.map((e) => e.name)],
				explanation: fact.statement,
				difficulty: fact.difficulty ?? 1
			});
		}
	} else if (fact.choices && fact.ask && fact.answer) {
		// a phrase answer: the author wrote wrong options of the same kind and frame
		drafts.push({
			id: `${fact.id}:mcq`,
			type: 'mcq',
			prompt: fact.mcqAsk ?? fact.ask,
			answer: fact.answer,
			options: [fact.answer, ...fact.choices],
			explanation: fact.statement,
			difficulty: fact.difficulty ?? 2
		});
	}

	if (entity && fact.mapAsk && entity.map !== undefined) {
		const mappable = pack.entities.filter((e) => e.map !== undefined);
		const wrong = wrongEntities(fact, entity, mappable, MCQ_WRONG_OPTIONS, 'map');
		drafts.push({
			id: `${fact.id}:map`,
			type: 'map',
			prompt: fact.mapAsk,
			answer: entity.name,
			options: [entity.name, ...wrong.map((e) => e.name)],
			explanation: entity.note ?? fact.statement,
			difficulty: 2
		});
	}
	return drafts;
}

/** The who-said item of a claim. */
function whoSaidDrafts(fact: PackFact, index: PackIndex): Draft[] {
	const party = fact.claimBy === undefined ? undefined : index.party.get(fact.claimBy);
	if (!fact.whoSaid || !party) return [];
	// `exclude` drops parties who could not plausibly have said it, so every option is a real rival
	const others = [...index.party.values()].filter(
		(p) => p.id !== party.id && !fact.exclude?.includes(p.id)
	);
	const wrong = pickStable(others, MCQ_WRONG_OPTIONS, `${fact.id}:who-said`, (p) => p.id);
	return [
		{
			id: `${fact.id}:who-said`,
			type: 'who-said',
			prompt: fact.whoSaid,
			answer: party.name,
			options: [party.name, ...wrong.map((p) => p.name)],
			explanation: fact.statement,
			difficulty: 2
		}
	];
}

/**
 * Map questions of places that carry a `locateAsk` (a question about what the article says
 * happened there): the candidates are other places of the same kind, all labelled on the map.
 */
function locateItems(pack: PackModel, index: PackIndex): BankItem[] {
	const mappable = pack.entities.filter((e) => e.map !== undefined);
	const items: BankItem[] = [];
	for (const entity of mappable) {
		const fact = entity.fact === undefined ? undefined : index.fact.get(entity.fact);
		if (!fact || entity.locateAsk === undefined) continue;
		const wrong = pickStable(
			mappable.filter(
				(e) => e.kind === entity.kind && !unsafeDistractor(fact, entity, e) && e.id !== entity.id
			),
			MCQ_WRONG_OPTIONS,
			`${entity.id}:locate`,
			(e) => e.id,
			(e) => entity.group !== undefined && e.group === entity.group
		);
		items.push({
			id: `${entity.id}:locate`,
			type: 'map',
			prompt: entity.locateAsk,
			answer: entity.name,
			options: [entity.name, ...wrong.map((e) => e.name)],
			explanation: entity.note ?? fact.statement,
			factIds: [fact.id],
			topic: fact.topic,
			difficulty: 2,
			source: { paragraph: fact.paragraph, quote: fact.quote }
		});
	}
	return items;
}

/**
 * Puts each choice item's key at the position used least so far by items of its type (ties
 * broken by a hash of the id), wrong options in alphabetical order around it: stored option
 * order then says nothing about the answer, and exports that keep it stay balanced.
 */
function placeKeys(items: BankItem[]): BankItem[] {
	const used = new Map<string, number[]>();
	return items.map((item) => {
		if (!['mcq', 'who-said', 'map'].includes(item.type) || !item.options) return item;
		const wrong = sortOptions(item.options.filter((o) => o !== item.answer));
		const slots = wrong.length + 1;
		const counts = used.get(item.type) ?? [];
		used.set(item.type, counts);
		while (counts.length < slots) counts.push(0);
		const fewest = Math.min(...counts.slice(0, slots));
		const free = counts
			.slice(0, slots)
			.map((n, i) => (n === fewest ? i : -1))
			.filter((i) => i >= 0);
		const position = free[stableHash(item.id) % free.length]!;
		counts[position]!++;
		return {
			...item,
			options: [...wrong.slice(0, position), item.answer, ...wrong.slice(position)]
		};
	});
}

/** Matching items, one per authored set. */
function matchingItems(pack: PackModel, index: PackIndex): BankItem[] {
	return pack.matching.flatMap((set) => {
		const first = index.fact.get(set.pairs[0]!.fact);
		if (!first) return [];
		const pairs = set.pairs.map(({ left, right }) => ({ left, right }));
		return [
			{
				id: `${set.id}:matching`,
				type: 'matching' as const,
				prompt: set.prompt,
				answer: writePairs(pairs),
				pairs,
				explanation: set.explanation,
				factIds: distinct(set.pairs.map((p) => p.fact)),
				topic: first.topic,
				difficulty: 2 as const,
				source: { paragraph: first.paragraph, quote: first.quote }
			}
		];
	});
}

/** Matching pairs written out as plain text. */
export function writePairs(pairs: readonly { left: string; right: string }[]): string {
	return pairs.map((p) => `${p.left} → ${p.right}`).join('; ');
}

/** An ordering sequence written out as plain text. */
export function writeSequence(sequence: readonly string[]): string {
	return sequence.join(' → ');
}

/** Ordering items: the set's facts sorted by their `when`. */
function orderingItems(pack: PackModel, index: PackIndex): BankItem[] {
	return pack.ordering.flatMap((set) => {
		const facts = set.facts.map((id) => index.fact.get(id));
		if (facts.some((f) => !f || f.when === undefined || f.event === undefined)) return [];
		const sorted = (facts as PackFact[]).slice().sort((a, b) => (a.when! < b.when! ? -1 : 1));
		const first = sorted[0]!;
		const sequence = sorted.map((f) => f.event!);
		const dated = sorted.map((f) => `${f.event} (${f.whenText ?? f.answer ?? f.when})`);
		return [
			{
				id: `${set.id}:ordering`,
				type: 'ordering' as const,
				prompt: set.prompt,
				answer: writeSequence(sequence),
				sequence,
				explanation: `The article dates them: ${dated.join('; ')}.`,
				factIds: sorted.map((f) => f.id),
				topic: first.topic,
				difficulty: 3 as const,
				source: { paragraph: first.paragraph, quote: first.quote }
			}
		];
	});
}

/** The public form of a fact. */
function publicFact(fact: PackFact): Fact {
	const out: Fact = {
		id: fact.id,
		statement: fact.statement,
		topic: fact.topic,
		kind: fact.kind,
		paragraph: fact.paragraph,
		quote: fact.quote
	};
	if (fact.claimBy !== undefined) out.claimBy = fact.claimBy;
	return out;
}

/** Generates the bank of a pack; the same pack always gives the same bank. */
export function generateBank(pack: PackModel): Generated {
	const index = indexPack(pack);
	const notes = new Map<string, ItemNote>();
	const items: BankItem[] = [];
	for (const fact of pack.facts) {
		const entity = fact.entity === undefined ? undefined : index.entity.get(fact.entity);
		const choices = choiceDrafts(fact, entity, pack);
		// a multiple choice asking the very question of the flashcard takes its place in quizzes
		const hasMcq = choices.some((d) => d.type === 'mcq' && d.prompt === fact.ask);
		items.push(
			...itemsOf(fact, [
				...recallDrafts(fact, entity, hasMcq),
				...trueFalseDrafts(fact, entity, pack, notes),
				...choices,
				...whoSaidDrafts(fact, index)
			])
		);
	}
	items.push(
		...locateItems(pack, index),
		...matchingItems(pack, index),
		...orderingItems(pack, index)
	);
	const { article } = pack;
	const bank: Bank = {
		schemaVersion: BANK_SCHEMA_VERSION,
		pack: {
			id: pack.id,
			title: article.title,
			version: pack.version,
			source: {
				title: article.title,
				credit: article.credit,
				sections: article.sections,
				paragraphs: article.paragraphs.map(({ id, section, text }) => ({ id, section, text }))
			}
		},
		facts: pack.facts.map(publicFact),
		items: placeKeys(items).map(ordered)
	};
	return { bank, notes };
}

/** Writes a bank as JSON: one fact or item per line keeps diffs readable and the file small. */
export function formatBank(bank: Bank): string {
	const lines = (values: unknown[]) => values.map((value) => JSON.stringify(value)).join(',\n');
	return (
		`{"schemaVersion":${JSON.stringify(bank.schemaVersion)},\n` +
		`"pack":${JSON.stringify(bank.pack)},\n` +
		`"facts":[\n${lines(bank.facts)}\n],\n` +
		`"items":[\n${lines(bank.items)}\n]}\n`
	);
}

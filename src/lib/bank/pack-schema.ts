// The authoring format of a pack (questions/<pack>/*.yaml). Strict objects, so a misspelt
// field name is an error instead of a silently missing question.
import * as v from 'valibot';

const Id = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens')
);
const Text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
/** Groups of interchangeable words; a typed answer needs one of every group. */
const KeyTerms = v.pipe(v.array(v.pipe(v.array(Text), v.minLength(1))), v.minLength(1));

const ParagraphId = v.pipe(v.string(), v.regex(/^p[1-9]\d*$/, 'paragraph ids look like p7'));

/** One atomic fact as written in facts.yaml (see questions/README.md for each field). */
export const FactInputSchema = v.strictObject({
	id: Id,
	paragraph: ParagraphId,
	kind: Id,
	statement: Text,
	quote: Text,
	topic: v.optional(Text),
	claimBy: v.optional(Text),
	ask: v.optional(Text),
	answer: v.optional(Text),
	term: v.optional(Text),
	accept: v.optional(v.array(Text)),
	// other spellings of `term` for the cloze (default: `accept` when term and answer are the same)
	termAccept: v.optional(v.array(Text)),
	entity: v.optional(Id),
	exclude: v.optional(v.array(Id)),
	mcqAsk: v.optional(Text),
	mapAsk: v.optional(Text),
	whoSaid: v.optional(Text),
	number: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
	reverse: v.optional(
		v.strictObject({ prompt: Text, answer: Text, keyTerms: v.optional(KeyTerms) })
	),
	// the true statement of the truefalse items, in other words than the quote
	paraphrase: v.optional(Text),
	// the false statement: `paraphrase` with the words `from` changed to `to`
	falsify: v.optional(v.strictObject({ from: Text, to: Text })),
	// which true/false item a fact yields; one per fact keeps each topic near half True
	tf: v.optional(v.picklist(['True', 'False', 'both'])),
	// three wrong options of the same kind for an mcq on `ask`
	choices: v.optional(v.array(Text)),
	keyTerms: v.optional(KeyTerms),
	when: v.optional(v.pipe(v.string(), v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?[a-z]?$/))),
	whenText: v.optional(Text),
	event: v.optional(Text),
	difficulty: v.optional(v.picklist([1, 2, 3]))
});
export type FactInput = v.InferOutput<typeof FactInputSchema>;

/** A matching question: pairs in their correct pairing, each resting on a fact. */
export const MatchingSetSchema = v.strictObject({
	id: Id,
	prompt: Text,
	explanation: Text,
	pairs: v.pipe(
		v.array(v.strictObject({ left: Text, right: Text, fact: Id })),
		// with two or three pairs the last one is left by elimination (seventh independent read)
		v.minLength(4, 'a matching set needs at least four pairs')
	)
});
export type MatchingSet = v.InferOutput<typeof MatchingSetSchema>;

/** An ordering question: the generator sorts the facts by their `when`. */
export const OrderingSetSchema = v.strictObject({
	id: Id,
	prompt: Text,
	facts: v.pipe(v.array(Id), v.minLength(3, 'an ordering set needs at least three events'))
});
export type OrderingSet = v.InferOutput<typeof OrderingSetSchema>;

export const FactsFileSchema = v.strictObject({
	facts: v.array(FactInputSchema),
	matching: v.optional(v.array(MatchingSetSchema), []),
	ordering: v.optional(v.array(OrderingSetSchema), []),
	// the article's clumsy wordings, which quotes keep but no prompt, answer or explanation may copy
	avoid: v.optional(v.array(Text), []),
	// published item ids no longer generated: their reviews stay stored, the app stops showing them
	retired: v.optional(v.array(Text), [])
});
export type FactsFile = v.InferOutput<typeof FactsFileSchema>;

/** A person, place, organisation, date, number or party the article names. */
export const EntitySchema = v.strictObject({
	id: Id,
	name: Text,
	kind: Id,
	group: v.optional(Id),
	aliases: v.optional(v.array(Text), []),
	// a Natural Earth country name, or [lon, lat] for a city
	map: v.optional(v.union([Text, v.tuple([v.number(), v.number()])])),
	note: v.optional(Text),
	fact: v.optional(Id),
	// the map question about the article that this place answers ("select the city near which ...")
	locateAsk: v.optional(Text),
	// false for a place the article does not name: only ever a wrong option on the map
	inArticle: v.optional(v.boolean())
});
export type Entity = v.InferOutput<typeof EntitySchema>;

export const EntitiesFileSchema = v.strictObject({ entities: v.array(EntitySchema) });

/** The front matter of article.md. */
export const ArticleMetaSchema = v.object({
	id: Id,
	version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'version looks like 1.0.0'))
});

/** Turns valibot issues into `file: path: message` lines. */
export function describeIssues(file: string, issues: v.BaseIssue<unknown>[]): string[] {
	return issues.map((issue) => {
		const path = v.getDotPath(issue) ?? '(root)';
		return `${file}: ${path}: ${issue.message}`;
	});
}

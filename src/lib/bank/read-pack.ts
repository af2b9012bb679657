// Turns the three text files of a pack into one typed model; every schema problem is
// collected, so an author sees all of them at once.
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { ArticleFormatError, parseArticle, type ParsedArticle } from './parse-article';
import {
	ArticleMetaSchema,
	EntitiesFileSchema,
	FactsFileSchema,
	describeIssues,
	type Entity,
	type FactInput,
	type MatchingSet,
	type OrderingSet
} from './pack-schema';

/** The topic of facts in paragraphs that stand before the first heading. */
export const INTRO_TOPIC = 'Background';

/** The raw text of a pack's files. */
export interface PackFiles {
	article: string;
	facts: string;
	entities: string;
}

/** A fact with its topic resolved. */
export type PackFact = FactInput & { topic: string };

/** A whole pack, parsed and schema-valid (references are checked later by the rules). */
export interface PackModel {
	id: string;
	version: string;
	article: ParsedArticle;
	facts: PackFact[];
	entities: Entity[];
	matching: MatchingSet[];
	ordering: OrderingSet[];
	/** Wordings of the article no item may copy outside its quote. */
	avoid: string[];
	/** Published item ids no longer generated (see retired.ts). */
	retired: string[];
}

/** A pack whose files cannot be read; `problems` has one line per problem. */
export class PackError extends Error {
	constructor(readonly problems: string[]) {
		super(problems.join('\n'));
		this.name = 'PackError';
	}
}

/** Parses YAML, turning a syntax error into a problem line. */
function yamlOf(file: string, text: string, problems: string[]): unknown {
	try {
		return parseYaml(text);
	} catch (error) {
		problems.push(`${file}: ${(error as Error).message.split('\n')[0]}`);
		return undefined;
	}
}

/** Reads and schema-checks a pack's files; throws PackError listing every problem. */
export function readPack(packId: string, files: PackFiles): PackModel {
	const problems: string[] = [];
	let article: ParsedArticle | undefined;
	try {
		article = parseArticle(files.article);
	} catch (error) {
		if (!(error instanceof ArticleFormatError)) throw error;
		problems.push(error.message);
	}
	const meta = article && v.safeParse(ArticleMetaSchema, article.meta);
	if (meta && !meta.success)
		problems.push(...describeIssues('article.md front matter', meta.issues));
	if (meta?.success && meta.output.id !== packId)
		problems.push(
			`article.md front matter: id "${meta.output.id}" differs from the folder "${packId}"`
		);

	const factsData = yamlOf('facts.yaml', files.facts, problems);
	const facts = factsData === undefined ? undefined : v.safeParse(FactsFileSchema, factsData);
	if (facts && !facts.success) problems.push(...describeIssues('facts.yaml', facts.issues));
	const entitiesData = yamlOf('entities.yaml', files.entities, problems);
	const entities =
		entitiesData === undefined ? undefined : v.safeParse(EntitiesFileSchema, entitiesData);
	if (entities && !entities.success)
		problems.push(...describeIssues('entities.yaml', entities.issues));

	if (problems.length > 0 || !article || !meta?.success || !facts?.success || !entities?.success) {
		throw new PackError(problems);
	}
	const sectionOf = new Map(article.paragraphs.map((p) => [p.id, p.section]));
	return {
		id: packId,
		version: meta.output.version,
		article,
		facts: facts.output.facts.map((fact) => ({
			...fact,
			topic: fact.topic ?? (sectionOf.get(fact.paragraph) || INTRO_TOPIC)
		})),
		entities: entities.output.entities,
		matching: facts.output.matching,
		ordering: facts.output.ordering,
		avoid: facts.output.avoid,
		retired: facts.output.retired
	};
}

// Lookups over a pack that both the generator and the rules need.
import { mentions } from './normalise';
import type { Entity } from './pack-schema';
import type { PackFact, PackModel } from './read-pack';

/** The pack's facts, entities and paragraphs by id. */
export interface PackIndex {
	fact: Map<string, PackFact>;
	entity: Map<string, Entity>;
	paragraph: Map<string, string>;
	party: Map<string, Entity>; // by name
}

/** Indexes a pack by id (the first of duplicate ids wins; the rules report duplicates). */
export function indexPack(pack: PackModel): PackIndex {
	const fact = new Map<string, PackFact>();
	for (const f of pack.facts) if (!fact.has(f.id)) fact.set(f.id, f);
	const entity = new Map<string, Entity>();
	for (const e of pack.entities) if (!entity.has(e.id)) entity.set(e.id, e);
	const party = new Map<string, Entity>();
	for (const e of pack.entities)
		if (e.kind === PARTY_KIND && !party.has(e.name)) party.set(e.name, e);
	return {
		fact,
		entity,
		paragraph: new Map(pack.article.paragraphs.map((p) => [p.id, p.text])),
		party
	};
}

/** The entity kind of the parties that make claims (claimBy, who-said options). */
export const PARTY_KIND = 'party';

/** Every name an entity goes by. */
export function namesOf(entity: Entity): string[] {
	return [entity.name, ...entity.aliases];
}

/** Whether any of the texts mentions the entity by name or alias. */
export function isMentioned(entity: Entity, texts: readonly string[]): boolean {
	return namesOf(entity).some((name) => texts.some((text) => mentions(text, name)));
}

/**
 * Entities that must never be a wrong option for this fact: the answer itself, the
 * ones the author excluded, a place the article does not name beside an answer of another
 * group, and any the fact's own sentence or question mentions
 * (swapping Niger for Mali in "Mali, Niger, ..." would make a true statement).
 */
export function unsafeDistractor(fact: PackFact, answer: Entity, candidate: Entity): boolean {
	if (candidate.id === answer.id) return true;
	if (fact.exclude?.includes(candidate.id)) return true;
	// a place the article does not name only stands beside answers of its own group (four towns
	// of Mali, four coastal countries): filling a list of outside powers with it would be absurd
	if (
		candidate.inArticle === false &&
		(answer.group === undefined || candidate.group !== answer.group)
	)
		return true;
	const texts = [fact.statement, fact.quote, fact.ask, fact.mcqAsk, fact.mapAsk].filter(
		(t): t is string => t !== undefined
	);
	return isMentioned(candidate, texts);
}

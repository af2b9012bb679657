// Small packs for the bank tests: one valid tiny pack, and builders that change one thing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { stringify } from 'yaml';
import type {
	Entity,
	FactInput,
	MatchingSet,
	OrderingSet
} from '../../../src/lib/bank/pack-schema';
import { readPack, type PackFiles, type PackModel } from '../../../src/lib/bank/read-pack';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const REAL_PACK = 'france-mali-2025';

/** The committed files of the real pack. */
export function realPackFiles(): PackFiles {
	const read = (name: string) => readFileSync(join(ROOT, 'questions', REAL_PACK, name), 'utf8');
	return {
		article: read('article.md'),
		facts: read('facts.yaml'),
		entities: read('entities.yaml')
	};
}

/** The world atlas the generator draws maps from. */
export function worldAtlas(): Topology {
	return createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology;
}

export const TINY_ARTICLE = `---
id: tiny
version: 1.0.0
---

# A tiny article

Credit: Someone

{#p1} In 2017, France helped to form the G5 Sahel Joint Force with Mali, Niger and Chad.

## Later

{#p2} Critics claim that Wagner Group agents worked in Mali’s north.
`;

const country = (id: string, name: string): Entity => ({ id, name, kind: 'country', aliases: [] });
const org = (id: string, name: string): Entity => ({ id, name, kind: 'organisation', aliases: [] });
const year = (name: string): Entity => ({ id: `y${name}`, name, kind: 'year', aliases: [] });
const party = (id: string, name: string): Entity => ({ id, name, kind: 'party', aliases: [] });

export const TINY_ENTITIES: Entity[] = [
	country('france', 'France'),
	country('russia', 'Russia'),
	country('mali', 'Mali'),
	country('niger', 'Niger'),
	country('chad', 'Chad'),
	country('ghana', 'Ghana'),
	country('senegal', 'Senegal'),
	country('mauritania', 'Mauritania'),
	org('g5', 'G5 Sahel Joint Force'),
	org('wagner', 'Wagner Group'),
	org('ecowas', 'ECOWAS'),
	org('aqim', 'AQIM'),
	year('2012'),
	year('2017'),
	year('2020'),
	year('2022'),
	party('critics', 'Critics'),
	party('mali-authorities', "Mali's authorities"),
	party('france-party', 'French officials'),
	party('ecowas-party', 'ECOWAS and the African Union')
];

export const TINY_FACTS: FactInput[] = [
	{
		id: 'g5-year',
		paragraph: 'p1',
		kind: 'date',
		statement: 'The G5 Sahel Joint Force was formed in 2017.',
		quote: 'In 2017, France helped to form the G5 Sahel Joint Force',
		ask: 'In which year was the G5 Sahel Joint Force formed?',
		answer: '2017',
		entity: 'y2017',
		term: '2017',
		paraphrase: 'The joint Sahel force known as G5 was set up in 2017.',
		when: '2017',
		event: 'The G5 Sahel Joint Force is formed'
	},
	{
		id: 'france-helped',
		paragraph: 'p1',
		kind: 'country',
		statement: 'France helped to form the G5 Sahel Joint Force.',
		quote: 'France helped to form the G5 Sahel Joint Force with Mali, Niger and Chad',
		ask: 'Which country helped to form the G5 Sahel Joint Force?',
		answer: 'France',
		entity: 'france',
		term: 'France',
		paraphrase: 'France assisted in setting up the joint force of the Sahel known as G5.'
	},
	{
		id: 'critics-wagner',
		paragraph: 'p2',
		kind: 'claim',
		claimBy: 'Critics',
		statement: 'Critics claim that Wagner Group agents worked in northern Mali.',
		quote: 'Critics claim that Wagner Group agents worked in Mali’s north',
		ask: 'Whose agents do critics claim worked in northern Mali?',
		answer: 'Wagner Group',
		entity: 'wagner',
		term: 'Wagner Group',
		whoSaid: 'Who claims that Wagner Group agents worked in northern Mali?'
	}
];

/** Pieces of a tiny pack; each test replaces the piece it breaks. */
export interface TinyParts {
	article: string;
	facts: FactInput[];
	entities: Entity[];
	matching: MatchingSet[];
	ordering: OrderingSet[];
	avoid: string[];
}

/** The files of a tiny pack, with `change` applied to fresh copies of its parts. */
export function tinyFiles(change: (parts: TinyParts) => void = () => {}): PackFiles {
	const parts: TinyParts = structuredClone({
		article: TINY_ARTICLE,
		facts: TINY_FACTS,
		entities: TINY_ENTITIES,
		matching: [
			{
				id: 'pairs',
				prompt: 'Match each name to what the article says.',
				explanation: 'Each pair restates the article.',
				pairs: [
					{ left: 'France', right: 'Helped to form the force', fact: 'france-helped' },
					{ left: 'Wagner Group', right: 'Its agents worked in Mali', fact: 'critics-wagner' },
					{ left: 'G5 Sahel Joint Force', right: 'Was formed in 2017', fact: 'g5-year' },
					{ left: 'Critics', right: 'Claim where the agents worked', fact: 'critics-wagner' }
				]
			}
		],
		ordering: [],
		avoid: []
	});
	change(parts);
	return {
		article: parts.article,
		facts: stringify({
			facts: parts.facts,
			matching: parts.matching,
			ordering: parts.ordering,
			avoid: parts.avoid
		}),
		entities: stringify({ entities: parts.entities })
	};
}

/** A tiny pack model, with `change` applied first. */
export function tinyPack(change?: (parts: TinyParts) => void): PackModel {
	return readPack('tiny', tinyFiles(change));
}

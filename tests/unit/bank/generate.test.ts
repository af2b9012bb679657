import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildPack } from '../../../src/lib/bank/build-pack';
import { formatBank, generateBank } from '../../../src/lib/bank/generate';
import { readPack } from '../../../src/lib/bank/read-pack';
import { ITEM_TYPES } from '../../../src/lib/bank/types';
import { REAL_PACK, ROOT, realPackFiles, tinyPack, worldAtlas } from './fixtures';

const realPack = () => readPack(REAL_PACK, realPackFiles());

describe('the generator', () => {
	// two full builds of the real pack with every check: seconds on a busy CI machine
	test('gives identical bytes when run twice', { timeout: 30_000 }, () => {
		const first = buildPack(REAL_PACK, realPackFiles(), worldAtlas());
		const second = buildPack(REAL_PACK, realPackFiles(), worldAtlas());
		expect(second.bankJson).toBe(first.bankJson);
		expect(second.mapJson).toBe(first.mapJson);
	});

	test('matches the committed static/bank files (run npm run bank if this fails)', () => {
		const built = buildPack(REAL_PACK, realPackFiles(), worldAtlas());
		const committed = (name: string) => readFileSync(join(ROOT, 'static', 'bank', name), 'utf8');
		expect(built.bankJson === committed(`${REAL_PACK}.json`)).toBe(true);
		expect(built.mapJson === committed(`${REAL_PACK}-map.json`)).toBe(true);
	});

	test('keeps every item id when every statement is reworded', () => {
		const pack = realPack();
		const reworded = {
			...pack,
			facts: pack.facts.map((f) => ({
				...f,
				statement: f.statement.replace(/\.$/, ', the article says.')
			}))
		};
		const ids = (p: typeof pack) => generateBank(p).bank.items.map((i) => i.id);
		const before = ids(pack);
		expect(ids(reworded)).toEqual(before);
		// the wording did change, so the test compares something real
		expect(formatBank(generateBank(reworded).bank)).not.toBe(formatBank(generateBank(pack).bank));
	});

	test('keeps every item id when prompts and answers are reworded', () => {
		const pack = tinyPack();
		const reworded = tinyPack((p) => {
			for (const f of p.facts) f.ask = `${f.ask} (reworded)`;
		});
		expect(generateBank(reworded).bank.items.map((i) => i.id)).toEqual(
			generateBank(pack).bank.items.map((i) => i.id)
		);
	});

	test('names every item after its fact, entity or set and its rule', () => {
		const pack = realPack();
		const owners = new Set([
			...pack.facts.map((f) => f.id),
			...pack.entities.map((e) => e.id),
			...pack.matching.map((s) => s.id),
			...pack.ordering.map((s) => s.id)
		]);
		for (const item of generateBank(pack).bank.items) {
			const [owner, rule] = item.id.split(':');
			expect(owners.has(owner!), item.id).toBe(true);
			expect(rule, item.id).toMatch(
				/^(flashcard|reverse|cloze|numeric|true|false|mcq|map|who-said|locate|matching|ordering)$/
			);
		}
	});

	test('makes 300 items or more of all ten types, every paragraph a source', () => {
		const { bank } = generateBank(realPack());
		expect(bank.items.length).toBeGreaterThanOrEqual(300);
		expect(new Set(bank.items.map((i) => i.type))).toEqual(new Set(ITEM_TYPES));
		const sources = new Set(bank.items.map((i) => i.source.paragraph));
		for (const paragraph of bank.pack.source.paragraphs)
			expect(sources.has(paragraph.id), paragraph.id).toBe(true);
	});

	test('gives quizzes every one of the ten types: each has an item a learner answers, not rates', () => {
		const asked = generateBank(realPack()).bank.items.filter((i) => !i.selfRated);
		expect(new Set(asked.map((i) => i.type))).toEqual(new Set(ITEM_TYPES));
	});

	test('writes a true/false pair per swappable fact, the correction in the explanation', () => {
		const { bank } = generateBank(tinyPack());
		const wrong = bank.items.find((i) => i.id === 'france-helped:false')!;
		expect(wrong.answer).toBe('False');
		expect(wrong.prompt).not.toContain('France');
		expect(wrong.explanation).toContain('France helped to form the G5 Sahel Joint Force.');
	});

	test('never offers a country the sentence names as a wrong option', () => {
		const { bank } = generateBank(tinyPack());
		const mcq = bank.items.find((i) => i.id === 'france-helped:mcq')!;
		expect(mcq.options).toHaveLength(4);
		for (const named of ['Mali', 'Niger', 'Chad']) expect(mcq.options).not.toContain(named);
	});

	test('offers a place the article does not name only beside an answer of its own group', () => {
		const outsider = (id: string, name: string, group: string) => ({
			id,
			name,
			kind: 'country',
			group,
			aliases: [],
			inArticle: false
		});
		const pack = tinyPack((p) => {
			for (const e of p.entities) if (e.id === 'ghana' || e.id === 'senegal') e.group = 'coastal';
			p.entities.push(outsider('togo', 'Togo', 'coastal'), outsider('benin', 'Benin', 'coastal'));
			p.facts.push({
				id: 'ghana-stable',
				paragraph: 'p1',
				kind: 'country',
				statement: 'France helped to form the G5 Sahel Joint Force.',
				quote: 'France helped to form the G5 Sahel Joint Force',
				ask: 'Which coastal country is stable?',
				answer: 'Ghana',
				entity: 'ghana'
			});
		});
		const mcq = (id: string) => generateBank(pack).bank.items.find((i) => i.id === `${id}:mcq`)!;
		// France (no group) draws from the other countries, never from the two outsiders
		expect(mcq('france-helped').options).not.toContain('Togo');
		expect(mcq('france-helped').options).not.toContain('Benin');
		// Ghana (coastal) gets both outsiders of its group before any other country
		expect(mcq('ghana-stable').options).toEqual(expect.arrayContaining(['Ghana', 'Togo', 'Benin']));
	});

	test('accepts number words for numeric answers', () => {
		const { bank } = generateBank(realPack());
		const toll = bank.items.find((i) => i.id === 'mopti-attack-toll:numeric')!;
		expect(toll.answer).toBe('14');
		expect(toll.accept).toContain('fourteen');
	});

	test('keeps the bank small enough to precache', () => {
		const built = buildPack(REAL_PACK, realPackFiles(), worldAtlas());
		expect(built.bankJson.length).toBeLessThan(250_000);
		expect(built.mapJson!.length).toBeLessThan(60_000);
	});
});

// Packs without code changes: the build indexes every pack under questions/, the app reads
// the index, and two packs never share an item id (progress is stored by item id). The
// second pack here is the tiny test fixture, never shipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildPack } from '../../../src/lib/bank/build-pack';
import {
	buildCatalog,
	formatCatalog,
	loadCatalog,
	sharedFactIds,
	sharedItemIds
} from '../../../src/lib/bank/catalog';
import { BankError } from '../../../src/lib/bank/errors';
import { REAL_PACK, ROOT, realPackFiles, tinyFiles, worldAtlas } from './fixtures';

const real = buildPack(REAL_PACK, realPackFiles(), worldAtlas());
const tiny = buildPack('tiny', tinyFiles(), worldAtlas(), { minItems: 0 });
const two = [
	{ bank: tiny.generated.bank, hasMap: tiny.mapJson !== undefined },
	{ bank: real.generated.bank, hasMap: real.mapJson !== undefined }
];

const answering = (body: string, status = 200) => {
	const urls: string[] = [];
	const fetchFn = async (url: string) => {
		urls.push(url);
		return new Response(body, { status });
	};
	return { fetchFn, urls };
};

describe('the pack index', () => {
	test('lists every pack by id, with its files and counts', () => {
		const catalog = buildCatalog(two);
		expect(catalog.packs.map((p) => p.id)).toEqual([REAL_PACK, 'tiny']);
		expect(catalog.packs[0]).toMatchObject({
			bank: `${REAL_PACK}.json`,
			map: `${REAL_PACK}-map.json`,
			items: real.generated.bank.items.length
		});
		expect(catalog.packs[1]).toMatchObject({ bank: 'tiny.json', title: 'A tiny article' });
		expect(catalog.packs[1]!.map).toBeUndefined();
	});

	test('the app reads back what the build writes', async () => {
		const { fetchFn, urls } = answering(formatCatalog(buildCatalog(two)));
		const catalog = await loadCatalog(fetchFn, { base: '/app' });
		expect(urls).toEqual(['/app/bank/index.json']);
		expect(catalog.packs.map((p) => p.title)).toEqual([
			real.generated.bank.pack.title,
			'A tiny article'
		]);
	});

	test('the committed index lists the committed pack', () => {
		const committed = readFileSync(join(ROOT, 'static', 'bank', 'index.json'), 'utf8');
		expect(committed).toBe(formatCatalog(buildCatalog([two[1]!])));
	});

	test('a missing or damaged index is a BankError the page can explain', async () => {
		for (const [body, status, code] of [
			['', 404, 'missing'],
			['{not json', 200, 'missing'],
			['{"schemaVersion":1,"packs":[{"id":3}]}', 200, 'malformed']
		] as const) {
			const error = await loadCatalog(answering(body, status).fetchFn).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(BankError);
			expect((error as BankError).code).toBe(code);
		}
	});

	test('two packs keep their progress apart: no item id is shared', () => {
		expect(sharedItemIds(two.map((p) => p.bank))).toEqual([]);
	});

	test('a pack reusing a fact id of another would share its progress, and is reported', () => {
		const clash = buildPack(
			'tiny',
			tinyFiles((p) => (p.facts[1]!.id = 'france-leading-force')),
			undefined,
			{ minItems: 0 }
		);
		const shared = sharedItemIds([real.generated.bank, clash.generated.bank]);
		expect(shared.map((s) => s.id)).toContain('france-leading-force:flashcard');
		expect(shared[0]!.packs).toEqual([REAL_PACK, 'tiny']);
		expect(sharedFactIds([real.generated.bank, clash.generated.bank])).toEqual([
			{ id: 'france-leading-force', packs: [REAL_PACK, 'tiny'] }
		]);
		expect(sharedFactIds(two.map((p) => p.bank))).toEqual([]);
	});
});

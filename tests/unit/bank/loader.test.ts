import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BankError } from '../../../src/lib/bank/errors';
import { loadBank } from '../../../src/lib/bank/loader';
import { loadBankMap } from '../../../src/lib/bank/map-loader';
import { REAL_PACK, ROOT } from './fixtures';

const committed = (name: string) => readFileSync(join(ROOT, 'static', 'bank', name), 'utf8');

/** A fetch that answers every URL with this body and status, and records the URLs. */
function fakeFetch(body: string, status = 200) {
	const urls: string[] = [];
	const fetchFn = async (url: string) => {
		urls.push(url);
		return new Response(body, { status });
	};
	return { fetchFn, urls };
}

/** The BankError a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<BankError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(BankError);
	return error as BankError;
}

describe('loadBank', () => {
	test('loads the committed bank from /bank/<pack>.json', async () => {
		const { fetchFn, urls } = fakeFetch(committed(`${REAL_PACK}.json`));
		const bank = await loadBank(REAL_PACK, fetchFn);
		expect(urls).toEqual([`/bank/${REAL_PACK}.json`]);
		expect(bank.items.length).toBeGreaterThanOrEqual(300);
	});

	test('prefixes the base path', async () => {
		const { fetchFn, urls } = fakeFetch(committed(`${REAL_PACK}.json`));
		await loadBank(REAL_PACK, fetchFn, { base: '/app' });
		expect(urls).toEqual([`/app/bank/${REAL_PACK}.json`]);
	});

	test('reports a missing file as missing', async () => {
		const error = await rejection(loadBank(REAL_PACK, fakeFetch('Not found', 404).fetchFn));
		expect(error.code).toBe('missing');
		expect(error.message).toBe(`The question bank "${REAL_PACK}" was not found (HTTP 404).`);
	});

	test('reports a network failure as missing', async () => {
		const offline = async () => {
			throw new TypeError('Failed to fetch');
		};
		expect((await rejection(loadBank(REAL_PACK, offline))).code).toBe('missing');
	});

	test('reports another schema version with both versions in the sentence', async () => {
		const bank = { ...JSON.parse(committed(`${REAL_PACK}.json`)), schemaVersion: 2 };
		const error = await rejection(loadBank(REAL_PACK, fakeFetch(JSON.stringify(bank)).fetchFn));
		expect(error.code).toBe('schema-version');
		expect(error.message).toMatch(/schema version 2, but this app reads version 1/);
	});

	test.each([
		['not JSON', '<html>', /not valid JSON/],
		['no schema version', '{"items":[]}', /no schema version/],
		['items that are not items', '{"schemaVersion":1,"pack":{},"facts":[],"items":[1]}', /damaged/]
	])('reports %s as malformed', async (_name, body, message) => {
		const error = await rejection(loadBank(REAL_PACK, fakeFetch(body).fetchFn));
		expect(error.code).toBe('malformed');
		expect(error.message).toMatch(message);
	});

	test('reports a file holding another pack as malformed', async () => {
		const error = await rejection(
			loadBank('other', fakeFetch(committed(`${REAL_PACK}.json`)).fetchFn)
		);
		expect(error.code).toBe('malformed');
	});
});

describe('loadBankMap', () => {
	test('loads the committed map with every named place drawn', async () => {
		const map = await loadBankMap(REAL_PACK, fakeFetch(committed(`${REAL_PACK}-map.json`)).fetchFn);
		const named = map.regions.filter((r) => r.entity).map((r) => r.name);
		expect(named.sort()).toEqual(
			[
				'Benin',
				'Burkina Faso',
				'Chad',
				'Ghana',
				'Guinea',
				'Ivory Coast',
				'Mali',
				'Mauritania',
				'Niger',
				'Senegal',
				'Togo'
			].sort()
		);
		// Bamako and Mopti are named by the article; the other towns of Mali are wrong options only
		expect(map.points.map((p) => p.name).sort()).toEqual(
			['Bamako', 'Gao', 'Kidal', 'Mopti', 'Ségou', 'Timbuktu'].sort()
		);
		const [, , width, height] = map.viewBox.split(' ').map(Number);
		for (const point of map.points) {
			expect(point.x).toBeGreaterThan(0);
			expect(point.x).toBeLessThan(width!);
			expect(point.y).toBeGreaterThan(0);
			expect(point.y).toBeLessThan(height!);
		}
	});

	test('reports a missing map as missing', async () => {
		const error = await rejection(loadBankMap(REAL_PACK, fakeFetch('', 404).fetchFn));
		expect(error.code).toBe('missing');
	});
});

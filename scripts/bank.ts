// `npm run bank` regenerates static/bank/<pack>.json (and <pack>-map.json) for every pack
// under questions/; `npm run bank -- --check` only compares, and fails on any problem.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { buildPack } from '../src/lib/bank/build-pack';
import { PackError } from '../src/lib/bank/read-pack';
import { bankReport } from '../src/lib/bank/report';
import { droppedIds, publishedIds } from '../src/lib/bank/retired';
import { describeItem, sampleItems } from '../src/lib/bank/sample';

const root = process.cwd();
const questionsDir = join(root, 'questions');
const outDir = join(root, 'static', 'bank');
const check = process.argv.includes('--check');
// --report prints the editor's figures (counts, balance, key positions) after the run
const report = process.argv.includes('--report');
// --sample N [--seed S] prints N seeded random items for a reader who has only the article
const option = (name: string) => {
	const at = process.argv.indexOf(name);
	return at >= 0 ? process.argv[at + 1] : undefined;
};
const sample = option('--sample');
const seed = option('--seed') ?? 'sample';
const require = createRequire(import.meta.url);
const topology = require('world-atlas/countries-50m.json') as Topology;

const packIds = readdirSync(questionsDir, { withFileTypes: true })
	.filter((d) => d.isDirectory() && existsSync(join(questionsDir, d.name, 'article.md')))
	.map((d) => d.name)
	.sort();

let failures = 0;
const fail = (line: string) => {
	failures++;
	console.error(`✗ ${line}`);
};

for (const packId of packIds) {
	const dir = join(questionsDir, packId);
	const read = (name: string) => readFileSync(join(dir, name), 'utf8');
	let built;
	try {
		built = buildPack(
			packId,
			{
				article: read('article.md'),
				facts: read('facts.yaml'),
				entities: read('entities.yaml')
			},
			topology
		);
	} catch (error) {
		if (!(error instanceof PackError)) throw error;
		for (const problem of error.problems) fail(`${packId}: ${problem}`);
		continue;
	}
	for (const problem of built.problems) fail(`${packId}: ${problem}`);
	const bankFile = join(outDir, `${packId}.json`);
	const published = publishedIds(existsSync(bankFile) ? readFileSync(bankFile, 'utf8') : undefined);
	const generatedIds = built.generated.bank.items.map((item) => item.id);
	for (const id of droppedIds(published, generatedIds, built.pack.retired))
		fail(
			`${packId}: retired: item ${id} was published and is no longer generated; list it under retired: in facts.yaml (its reviews are kept) or keep its fact and rule`
		);
	const outputs: [string, string | undefined][] = [
		[`${packId}.json`, built.bankJson],
		[`${packId}-map.json`, built.mapJson]
	];
	for (const [name, content] of outputs) {
		if (content === undefined) continue;
		const file = join(outDir, name);
		const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
		if (check) {
			if (current === undefined) fail(`static/bank/${name} is missing: run npm run bank`);
			else if (current !== content)
				fail(`static/bank/${name} is stale: run npm run bank and commit it`);
		} else if (current !== content) {
			mkdirSync(outDir, { recursive: true });
			writeFileSync(file, content);
			console.log(`wrote static/bank/${name}`);
		}
	}
	const counts = new Map<string, number>();
	for (const item of built.generated.bank.items)
		counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
	const summary = [...counts].map(([type, n]) => `${type} ${n}`).join(', ');
	console.log(
		`${packId}: ${built.generated.bank.facts.length} facts, ${built.generated.bank.items.length} items (${summary})`
	);
	if (report) console.log(bankReport(built.generated.bank).join('\n'));
	if (sample !== undefined)
		console.log(
			sampleItems(built.generated.bank, Number(sample), seed)
				.map((item, i) => describeItem(item, i + 1))
				.join('\n\n')
		);
}

if (packIds.length === 0) fail('no packs under questions/');
if (failures > 0) {
	console.error(
		`${failures} problem(s)${check ? '' : '; files were still written where they could be'}.`
	);
	process.exit(1);
}

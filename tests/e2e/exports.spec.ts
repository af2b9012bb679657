// The exports as a person gets them: downloaded from the gradebook and from Settings in
// Chromium, then opened by the independent reader each file is for (csv-parse, gift-pegjs,
// the QTI structure checks of the unit tests, sql.js).
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseGift } from 'gift-pegjs';
import initSqlJs from 'sql.js';
import { serveBuild } from '../../scripts/serve.js';
import type { Bank } from '../../src/lib/bank/types';
import { parseXml } from '../unit/assign/xml-check';
import { makeOneTapAssignment } from './answering';
import { expect, test, waitForServiceWorker } from './fixtures';

const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
const STUDY = bank.items.filter((i) => ['flashcard', 'reverse', 'cloze'].includes(i.type));
const STUDENT = 'Zoë Ñúñez-Okafor;=1+1, "the first"';

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: button, exact: true }).click();
	const file: Download = await downloading;
	return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** An assignment of five multiple-choice or true/false questions, answered by one student. */
async function gradebookWithOneReceipt(page: Page, browser: Browser, baseURL: string) {
	const link = await makeOneTapAssignment(page, 'Week 3: exports');

	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	const student = await context.newPage();
	await student.goto(link);
	await student.getByLabel('Your name').fill(STUDENT);
	await student.getByRole('button', { name: 'Start' }).click();
	// the first option every time: some right, some wrong
	for (let i = 0; i < 5; i++) {
		// each question is answered once it is on screen (Next saves before it moves on)
		await expect(student.getByText(`Question ${i + 1} of 5`)).toBeVisible();
		await student.getByRole('radio').first().check();
		await student.getByRole('button', { name: i === 4 ? 'Submit' : 'Next' }).click();
	}
	const receipt = await student.getByLabel('Your receipt', { exact: true }).inputValue();
	await context.close();

	await page.getByRole('link', { name: 'Open gradebook' }).click();
	await page.getByLabel('Paste receipts, one per line').fill(receipt);
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('status').filter({ hasText: '1 receipt imported.' })).toBeVisible();
}

test('the gradebook shows one student’s answers and exports files their readers accept', async ({
	page,
	browser,
	baseURL
}) => {
	await gradebookWithOneReceipt(page, browser, baseURL!);

	// one student's answers, question by question
	await page.getByLabel('Student', { exact: true }).selectOption({ index: 1 });
	const answers = page.getByRole('list', { name: `Answers of ${STUDENT}` });
	await expect(answers.getByRole('listitem')).toHaveCount(5);
	// exact: a statement ("Mali answered France's expulsions…") holds the word too
	await expect(answers.getByText('Answered', { exact: true })).toHaveCount(5);
	const verdicts = answers.getByText(/^(Right|Wrong)$/);
	await expect(verdicts).toHaveCount(5);
	const results = await verdicts.allTextContents();

	// results CSV: BOM, RFC 4180, the name intact and defused after ';'
	const csv = await download(page, 'Export CSV');
	expect(csv.name).toBe('week-3-exports-results.csv');
	const csvText = csv.bytes.toString('utf8');
	expect(csvText.charCodeAt(0)).toBe(0xfeff);
	const rows = parseCsv(csvText.slice(1), { record_delimiter: '\r\n' }) as string[][];
	expect(rows).toHaveLength(2);
	expect(rows[1]![0]).toBe(`Zoë Ñúñez-Okafor;'=1+1, "the first"`);

	// answers CSV: five rows, one per question, right or wrong as on screen
	const perAnswer = await download(page, 'Export answers CSV');
	const answerRows = parseCsv(perAnswer.bytes.toString('utf8').slice(1), {
		record_delimiter: '\r\n'
	}) as string[][];
	expect(answerRows).toHaveLength(6);
	expect(answerRows.slice(1).map((r) => (r[8] === 'yes' ? 'Right' : 'Wrong'))).toEqual(results);

	// GIFT: gift-pegjs reads five questions, true/false as TF
	const gift = await download(page, 'Export GIFT');
	const questions = parseGift(gift.bytes.toString('utf8')).filter((q) => q.type !== 'Category');
	expect(questions).toHaveLength(5);
	expect(questions.every((q) => q.type === 'MC' || q.type === 'TF')).toBe(true);

	// QTI: a package of five well-formed QTI 2.1 items and the manifest that lists them
	const qti = await download(page, 'Export QTI');
	const files = unzipSync(new Uint8Array(qti.bytes));
	const items = Object.keys(files).filter((n) => n.startsWith('items/'));
	expect(items).toHaveLength(5);
	for (const name of items) {
		const [root] = parseXml(strFromU8(files[name]!));
		expect(root?.name).toBe('assessmentItem');
		expect(root?.attributes.xmlns).toBe('http://www.imsglobal.org/xsd/imsqti_v2p1');
	}
	const [manifest] = parseXml(strFromU8(files['imsmanifest.xml']!));
	expect(manifest?.name).toBe('manifest');
	const listed = parseXml(strFromU8(files['imsmanifest.xml']!))
		.filter((e) => e.name === 'file')
		.map((e) => e.attributes.href);
	expect(listed.sort()).toEqual([...items].sort());
});

test('Settings exports the study deck as an .apkg Anki opens, offline too, and as text', async ({
	page,
	context
}) => {
	// our own server, so the test can take it away: the .apkg must still be made offline
	const server = await serveBuild({ root: 'build', port: 0 });
	try {
		await page.goto(`${server.url}/settings`);
		await waitForServiceWorker(page);
		await page.reload();
	} finally {
		await server.close();
	}
	await context.setOffline(true);

	const apkg = await download(page, 'Export for Anki (.apkg)');
	expect(apkg.name).toMatch(/^sahel-brief-deck-\d{4}-\d\d-\d\d\.apkg$/);
	await expect(page.getByText(`Study deck saved as ${apkg.name}.`)).toBeVisible();
	const SQL = await initSqlJs();
	const db = new SQL.Database(unzipSync(new Uint8Array(apkg.bytes))['collection.anki2']);
	const count = (sql: string) => Number(db.exec(sql)[0]?.values[0]?.[0]);
	expect(count('select count(*) from notes')).toBe(STUDY.length);
	expect(count('select count(*) from cards')).toBe(STUDY.length);
	const decks = Object.values(
		JSON.parse(String(db.exec('select decks from col')[0]!.values[0]![0])) as Record<
			string,
			{ name: string }
		>
	).map((d) => d.name);
	expect(decks).toContain(bank.pack.source.title);
	const link = String(db.exec('select flds from notes limit 1')[0]!.values[0]![0]).split('\x1f')[4];
	expect(link).toContain(`${server.url}/read#${STUDY[0]!.source.paragraph}`);
	db.close();

	const text = await download(page, 'Export Anki text');
	expect(text.bytes.toString('utf8').split('\n').slice(0, 3)).toEqual([
		'#separator:tab',
		'#html:true',
		'#notetype column:1'
	]);
	const quizlet = await download(page, 'Export for Quizlet');
	const lines = quizlet.bytes.toString('utf8').trimEnd().split('\n');
	expect(lines).toHaveLength(STUDY.length);
	expect(lines.every((l) => l.split('\t').length === 2)).toBe(true);
});

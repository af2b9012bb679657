// The CSV exports read back by csv-parse in strict RFC 4180 mode (CRLF records, quotes only
// where they belong), and read again as a ';'-locale spreadsheet splits lines.
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { answersCsv, BOM, csvCell, submissionsCsv } from '../../../src/lib/assign/export-csv';
import { importReceipts } from '../../../src/lib/assign/gradebook';
import { newDeviceKey, publicKeyText } from '../../../src/lib/assign/device-key';
import { answeredAfterSec, encodeReceipt, signReceipt } from '../../../src/lib/assign/receipt-code';
import { settingsHash } from '../../../src/lib/assign/settings-hash';
import { assignment, BANK, HOSTILE, ITEMS, receipt, RIGHT_ANSWERS } from './fixtures';

/** Rows of `csv` as a strict RFC 4180 reader sees them; throws on anything malformed. */
function readCsv(csv: string): string[][] {
	expect(csv.startsWith(BOM), 'the file starts with a UTF-8 byte-order mark').toBe(true);
	return parse(csv.slice(1), { record_delimiter: '\r\n', relax_quotes: false }) as string[][];
}

/** Each cell as a spreadsheet in a ';' locale sees it: lines split at every ';', quotes or not. */
function semicolonCells(csv: string): string[] {
	return csv
		.slice(1)
		.split(/\r\n/)
		.flatMap((line) => line.split(';'))
		.map((cell) => cell.replace(/^"/, ''));
}

const FORMULA = /^[=+\-@\t\r]/;

async function submissions(students: string[]) {
	const A = assignment({ due: '2025-10-02T09:10:00.000Z' });
	const codes = students.map((student) => encodeReceipt(receipt({ student }, A), A, BANK));
	return { A, accepted: (await importReceipts(codes, A, BANK)).accepted };
}

describe('CSV cells', () => {
	test.each([
		['plain', 'plain'],
		['=SUM(A1:A9)', "'=SUM(A1:A9)"],
		['+33 6 12', "'+33 6 12"],
		['-1+2', "'-1+2"],
		['@cmd', "'@cmd"],
		['\tTab', "'\tTab"],
		['\rCR', `"'\rCR"`],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\r\nlines', '"two\r\nlines"'],
		['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
		['Awa;=1+1', "Awa;'=1+1"],
		['a;+b;-c;@d', "a;'+b;'-c;'@d"],
		['a; =b', 'a; =b']
	])('the cell %j is written as %j', (value, written) => {
		expect(csvCell(value)).toBe(written);
	});
});

describe('results CSV', () => {
	test('one row per student, one column per question, names defused, quoted and in UTF-8', async () => {
		const names = ['=cmd|" /C calc"!A0', 'Diallo, Awa', 'Zoë Ñúñez-Okafor', 'x;=1+1', ...HOSTILE];
		const { A, accepted } = await submissions(names);
		const csv = submissionsCsv(A, accepted);
		const rows = readCsv(csv);
		expect(rows).toHaveLength(1 + accepted.length);
		expect(rows.every((r) => r.length === 9 + A.itemIds.length)).toBe(true);
		expect(rows[0]?.slice(9, 10)).toEqual(['Q1 wagner-group-arrival:mcq']);
		expect(rows[1]?.slice(0, 9)).toEqual([
			`'=cmd|" /C calc"!A0`,
			'1',
			'2025-10-02T09:00:00.000Z',
			'2025-10-02T09:12:30.000Z',
			'750',
			'yes',
			'10',
			'100',
			'yes'
		]);
		expect(rows[2]?.[0]).toBe('Diallo, Awa');
		expect(rows[3]?.[0]).toBe('Zoë Ñúñez-Okafor');
		expect(new TextDecoder().decode(new TextEncoder().encode(csv)).slice(1)).toContain('Zoë');
		expect(rows.flat().filter((cell) => FORMULA.test(cell))).toEqual([]);
		expect(semicolonCells(csv).filter((cell) => FORMULA.test(cell))).toEqual([]);
	});
});

describe('answers CSV', () => {
	test('one row per student per question: answer given, right answer, score, right or not', async () => {
		const A = assignment();
		const wrong = RIGHT_ANSWERS.map((a, i) =>
			i === 0 ? ({ kind: 'choice', choice: 'MINUSMA' } as const) : a
		);
		const unanswered = RIGHT_ANSWERS.map((a, i) => (i === 1 ? null : a));
		const codes = [
			encodeReceipt(receipt({ student: 'Awa Traoré' }, A), A, BANK),
			encodeReceipt(receipt({ student: 'Zoë;=2+2', answers: wrong }, A), A, BANK),
			encodeReceipt(receipt({ student: 'Moussa', answers: unanswered }, A), A, BANK)
		];
		const { accepted } = await importReceipts(codes, A, BANK);
		const csv = answersCsv(A, BANK, accepted);
		const rows = readCsv(csv);
		expect(rows[0]).toEqual([
			'Student',
			'Attempt',
			'Question',
			'Item id',
			'Prompt',
			'Answer given',
			'Correct answer',
			'Score',
			'Right',
			'Answered after (s)',
			'Attempt time (s)',
			'Submitted'
		]);
		expect(rows).toHaveLength(1 + 3 * ITEMS.length);
		expect(rows.every((r) => r.length === 12)).toBe(true);
		const zoe = rows.filter((r) => r[0] === "Zoë;'=2+2");
		expect(zoe).toHaveLength(ITEMS.length);
		expect(zoe[0]?.slice(2, 9)).toEqual([
			'1',
			'wagner-group-arrival:mcq',
			ITEMS[0]!.prompt,
			'MINUSMA',
			'Wagner Group',
			'0',
			'no'
		]);
		const matching = rows.find((r) => r[0] === 'Awa Traoré' && r[3] === 'operations:matching');
		expect(matching?.slice(5, 9)).toEqual([
			'Serval → 2013; Barkhane → 2014-2022; Takuba → 2020-2022',
			ITEMS.find((i) => i.type === 'matching')!.answer,
			'1',
			'yes'
		]);
		const skipped = rows.find((r) => r[0] === 'Moussa' && r[2] === '2');
		expect(skipped?.slice(5, 9)).toEqual(['', 'True', '', 'unanswered']);
		// version-1 receipts say when the attempt ran, not when each answer was given
		expect(rows.slice(1).every((r) => r[9] === '' && r[10] === '750')).toBe(true);
		expect(semicolonCells(csv).filter((cell) => FORMULA.test(cell))).toEqual([]);
	});

	test('a signed receipt gives the seconds from the start to each answer', async () => {
		const A = assignment();
		const keys = await newDeviceKey();
		const signer = { privateKey: keys.privateKey, deviceKey: await publicKeyText(keys.publicKey) };
		const answers = RIGHT_ANSWERS.map((a, i) => (i === 1 ? null : a));
		const start = new Date('2025-10-02T09:00:00.000Z');
		const at = answers.map((a, i) =>
			a ? new Date(start.getTime() + (i + 1) * 20_500) : undefined
		);
		const code = await signReceipt(
			{
				...receipt({ student: 'Awa Traoré', answers }, A),
				answeredAfterSec: answeredAfterSec(start, at, new Date(start.getTime() + 750_000)),
				settingsHash: settingsHash(A)
			},
			A,
			BANK,
			signer
		);
		const { accepted } = await importReceipts([code], A, BANK);
		const rows = readCsv(answersCsv(A, BANK, accepted)).slice(1);
		expect(rows.map((r) => r[9])).toEqual(
			answers.map((a, i) => (a ? String(Math.floor(((i + 1) * 20_500) / 1000)) : ''))
		);
	});
});

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { ankiTsv } from '../../../src/lib/assign/export-anki';
import { csvCell, submissionsCsv } from '../../../src/lib/assign/export-csv';
import { qtiItem, qtiPackage, xml } from '../../../src/lib/assign/export-qti';
import { importReceipts } from '../../../src/lib/assign/gradebook';
import { encodeReceipt } from '../../../src/lib/assign/receipt-code';
import type { BankItem } from '../../../src/lib/bank/types';
import { item } from '../quiz/fixtures';
import { assignment, BANK, HOSTILE, ITEMS, receipt } from './fixtures';
import { parseXml } from './xml-check';

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows. */
function parseCsv(csv: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < csv.length; i++) {
		const ch = csv[i];
		if (quoted && ch === '"' && csv[i + 1] === '"') {
			field += '"';
			i++;
		} else if (quoted && ch === '"') {
			quoted = false;
		} else if (quoted) {
			field += ch;
		} else if (ch === '"') {
			quoted = true;
		} else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\r' && csv[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else {
			field += ch;
		}
	}
	return rows;
}

describe('CSV export', () => {
	test.each([
		['plain', 'plain'],
		['=SUM(A1:A9)', "'=SUM(A1:A9)"],
		['+33 6 12', "'+33 6 12"],
		['-1+2', "'-1+2"],
		['@cmd', "'@cmd"],
		['\tTab', "'\tTab"],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\r\nlines', '"two\r\nlines"'],
		['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`]
	])('the cell %j is written as %j', (value, written) => {
		expect(csvCell(value)).toBe(written);
	});

	test('one row per student, one column per question, names defused and quoted', () => {
		const A = assignment({ due: '2025-10-02T09:10:00.000Z' });
		const codes = ['=cmd|" /C calc"!A0', 'Diallo, Awa', ...HOSTILE.slice(0, 3)].map((student) =>
			encodeReceipt(receipt({ student }, A), A, BANK)
		);
		const { accepted } = importReceipts(codes, A, BANK);
		const rows = parseCsv(submissionsCsv(A, accepted));
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
		expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
	});
});

describe('QTI 2.1 export', () => {
	const zip = unzipSync(qtiPackage(ITEMS, '<script>alert(1)</script> -- title'));

	test('the package holds a manifest and one item file per question, all well formed', () => {
		const names = Object.keys(zip).sort();
		expect(names).toHaveLength(ITEMS.length + 1);
		expect(names).toContain('imsmanifest.xml');
		for (const [name, bytes] of Object.entries(zip)) {
			expect(() => parseXml(strFromU8(bytes)), name).not.toThrow();
		}
		const manifest = parseXml(strFromU8(zip['imsmanifest.xml']!));
		const hrefs = manifest.filter((e) => e.name === 'file').map((e) => e.attributes.href);
		expect(hrefs.sort()).toEqual(names.filter((n) => n !== 'imsmanifest.xml'));
	});

	test.each<[BankItem['type'], string]>([
		['mcq', 'choiceInteraction'],
		['truefalse', 'choiceInteraction'],
		['who-said', 'choiceInteraction'],
		['map', 'choiceInteraction'],
		['flashcard', 'textEntryInteraction'],
		['reverse', 'textEntryInteraction'],
		['cloze', 'textEntryInteraction'],
		['numeric', 'textEntryInteraction'],
		['matching', 'matchInteraction'],
		['ordering', 'orderInteraction']
	])('a %s item becomes a %s with its correct response', (type, interaction) => {
		const it = ITEMS.find((i) => i.type === type)!;
		const elements = parseXml(qtiItem(it, 'Q1'));
		expect(elements[0]?.name).toBe('assessmentItem');
		expect(elements.filter((e) => e.name === interaction)).toHaveLength(1);
		const values = elements.filter((e) => e.name === 'value').map((e) => e.text);
		if (type === 'mcq') expect(values).toEqual(['C1']);
		if (type === 'matching') expect(values).toEqual(['L1 R1', 'L2 R2', 'L3 R3']);
		if (type === 'ordering') expect(values).toEqual(['E1', 'E2', 'E3', 'E4']);
		if (type === 'cloze') expect(values).toEqual(['2022']);
	});

	test.each(HOSTILE)('hostile text %j stays text in well-formed XML', (s) => {
		const it = item({ type: 'mcq', prompt: s, answer: s, options: [s, 'other'] });
		const elements = parseXml(qtiItem(it, 'Q1'));
		const prompt = elements.find((e) => e.name === 'prompt');
		expect(prompt?.text).toBe(xmlSafe(s));
		expect(elements.some((e) => e.name === 'img' || e.name === 'script')).toBe(false);
	});

	test('xml() escapes all five special characters', () => {
		expect(xml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'
		);
	});
});

/** `s` without the characters XML 1.0 cannot hold (what xml() drops). */
function xmlSafe(s: string): string {
	return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

describe('Anki TSV export', () => {
	test('one Basic note per study item, three tab-separated fields, markup escaped', () => {
		const hostile = item({ type: 'flashcard', id: 'x:flashcard', prompt: '<b>\tbold\nline</b>' });
		const lines = ankiTsv([...ITEMS, hostile])
			.trimEnd()
			.split('\n')
			.filter((l) => !l.startsWith('#'));
		expect(lines).toHaveLength(4); // flashcard, reverse, cloze and the hostile flashcard
		expect(lines.every((l) => l.split('\t').length === 3)).toBe(true);
		expect(lines[3]?.split('\t')[0]).toBe('&lt;b&gt; bold<br>line&lt;/b&gt;');
		expect(lines[0]?.split('\t')[2]).toBe('actors flashcard');
	});
});

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { qtiItem, qtiPackage, xml } from '../../../src/lib/assign/export-qti';
import type { BankItem } from '../../../src/lib/bank/types';
import { item } from '../quiz/fixtures';
import { HOSTILE, ITEMS } from './fixtures';
import { parseXml } from './xml-check';

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
		const values = elements
			.filter((e) => e.name === 'value' && e.parent?.name === 'correctResponse')
			.map((e) => e.text);
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countWholeWord, normaliseText, numberWords } from '../../../src/lib/bank/normalise';
import {
	ArticleFormatError,
	formatArticle,
	parseArticle,
	type ParsedArticle
} from '../../../src/lib/bank/parse-article';
import { ROOT, realPackFiles, TINY_ARTICLE } from './fixtures';

// the page as published, kept with the pack so this check always runs
const SEED = join(ROOT, 'questions', 'france-mali-2025', 'source.txt');

describe('parseArticle', () => {
	test('reads the real article: title, credit, 9 sections, 21 paragraphs', () => {
		const article = parseArticle(realPackFiles().article);
		expect(article.title).toBe(
			'France-Mali counter-terror cooperation collapse: Implications for Sahel security'
		);
		expect(article.credit).toBe('Thomas Goisque');
		expect(article.sections).toHaveLength(9);
		expect(article.paragraphs).toHaveLength(21);
		expect(article.paragraphs.map((p) => p.id)).toEqual(
			Array.from({ length: 21 }, (_, i) => `p${i + 1}`)
		);
		expect(article.paragraphs[0]!.section).toBe('');
		expect(article.meta).toEqual({ id: 'france-mali-2025', version: '1.0.0' });
	});

	test('keeps the published text exactly, up to "Share this page:"', () => {
		const body = readFileSync(SEED, 'utf8').split('Share this page:')[0]!;
		const blocks = body
			.split('\n\n')
			.map((b) => b.trim())
			.filter(Boolean);
		const article = parseArticle(realPackFiles().article);
		const expected = blocks.filter((b) => b !== 'Credit: Thomas Goisque' && b !== article.title);
		const ours = [...article.sections, ...article.paragraphs.map((p) => p.text)];
		expect(ours.sort()).toEqual(expected.sort());
	});

	test.each([
		[
			'a paragraph without an id',
			TINY_ARTICLE.replace('{#p2} ', ''),
			/line 14: a paragraph must start with its id marker/
		],
		[
			'ids out of order',
			TINY_ARTICLE.replace('{#p2}', '{#p3}'),
			/paragraph id p3 found where p2 was expected/
		],
		['a second title', TINY_ARTICLE + '\n# Another\n', /a second `# ` title/],
		['a repeated section', TINY_ARTICLE + '\n## Later\n', /section "Later" appears twice/],
		['unclosed front matter', '---\nid: x\n# T\n', /never closed/]
	])('rejects %s', (_name, markdown, message) => {
		expect(() => parseArticle(markdown)).toThrow(ArticleFormatError);
		expect(() => parseArticle(markdown)).toThrow(message);
	});

	const word = fc.stringMatching(/^[A-Za-z’'0-9,.:()-]{1,12}$/);
	const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
	const articleArb: fc.Arbitrary<ParsedArticle> = fc
		.record({
			title: line,
			credit: fc.option(line, { nil: '' }),
			intro: fc.array(line, { maxLength: 3 }),
			sections: fc.uniqueArray(
				fc.record({ heading: line, paragraphs: fc.array(line, { minLength: 1, maxLength: 3 }) }),
				{ selector: (s) => s.heading, maxLength: 4 }
			)
		})
		.filter((a) => a.intro.length + a.sections.length > 0)
		.map(({ title, credit, intro, sections }) => {
			const texts = [
				...intro.map((text) => ({ section: '', text })),
				...sections.flatMap((s) => s.paragraphs.map((text) => ({ section: s.heading, text })))
			];
			return {
				meta: {},
				title,
				credit,
				sections: sections.map((s) => s.heading),
				paragraphs: texts.map((t, i) => ({ id: `p${i + 1}`, ...t }))
			};
		})
		// a body line that looks like markup would be read as markup, which is the format
		.filter((a) =>
			[...a.paragraphs.map((p) => p.text), ...a.sections, a.credit].every(
				(t) => !/^(#|Credit:|---|\{#)/.test(t)
			)
		);

	test('reads back what formatArticle writes (property)', () => {
		fc.assert(
			fc.property(articleArb, (article) => {
				expect(parseArticle(formatArticle(article))).toEqual(article);
			})
		);
	});

	test('formats the real article back to the same file', () => {
		const text = realPackFiles().article;
		expect(parseArticle(formatArticle(parseArticle(text)))).toEqual(parseArticle(text));
	});
});

describe('text normalisation', () => {
	test('is idempotent (property)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (s) => {
				expect(normaliseText(normaliseText(s))).toBe(normaliseText(s));
			})
		);
	});

	test('treats case, accents, curly apostrophes and spacing as the same', () => {
		expect(normaliseText('  Côte d’Ivoire ')).toBe(normaliseText("cote d'ivoire"));
	});

	test('counts whole words only (property: a term glued into a longer word is not found)', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^[a-z]{2,8}$/),
				fc.stringMatching(/^[a-z]{1,4}$/),
				(term, glue) => {
					expect(countWholeWord(`${glue}${term}${glue}`, term)).toBe(0);
					expect(countWholeWord(`${glue} ${term}, ${glue}`, term)).toBe(glue === term ? 3 : 1);
				}
			)
		);
	});

	test.each([
		[2, 'two'],
		[14, 'fourteen'],
		[40, 'forty'],
		[42, 'forty-two'],
		[100, undefined]
	])('writes %i as %s', (n, words) => {
		expect(numberWords(n)).toBe(words);
	});
});

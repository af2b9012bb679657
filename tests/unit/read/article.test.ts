import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Bank } from '../../../src/lib/bank/types';
import { readingArticle } from '../../../src/lib/read/article';
import { segmentText } from '../../../src/lib/read/highlights';
import { questionsByFact } from '../../../src/lib/read/questions';

const bank = JSON.parse(
	readFileSync(new URL('../../../static/bank/france-mali-2025.json', import.meta.url), 'utf8')
) as Bank;

describe('the article as /read shows it', () => {
	const article = readingArticle(bank);
	const paragraphs = article.sections.flatMap((section) => section.paragraphs);

	test('keeps every paragraph in order, with its text exactly', () => {
		expect(paragraphs.map((paragraph) => paragraph.id)).toEqual(
			bank.pack.source.paragraphs.map((paragraph) => paragraph.id)
		);
		paragraphs.forEach((paragraph, index) => {
			expect(paragraph.segments.map(segmentText).join('')).toBe(
				bank.pack.source.paragraphs[index]!.text
			);
		});
	});

	test('groups paragraphs under the headings, the opening ones under none', () => {
		expect(article.sections.map((section) => section.heading)).toEqual([
			'',
			...bank.pack.source.sections
		]);
	});

	test('marks every fact of the bank in a passage of its paragraph', () => {
		for (const fact of bank.facts) {
			const paragraph = paragraphs.find((candidate) => candidate.id === fact.paragraph)!;
			const passages = paragraph.segments.filter(
				(segment) => segment.kind === 'highlight' && segment.factIds.includes(fact.id)
			);
			expect(passages, fact.id).toHaveLength(1);
			expect(article.facts[fact.id]?.statement).toBe(fact.statement);
		}
	});

	test('numbers paragraphs from their ids', () => {
		expect(paragraphs[6]).toMatchObject({ id: 'p7', number: 7 });
	});
});

describe('questions by fact', () => {
	test('lists each item under every fact it is made from', () => {
		const byFact = questionsByFact(bank.items);
		for (const item of bank.items) {
			for (const factId of item.factIds) {
				expect(byFact.get(factId)?.map((question) => question.id)).toContain(item.id);
			}
		}
	});
});

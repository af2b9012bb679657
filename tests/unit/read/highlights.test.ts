import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	highlightSegments,
	segmentText,
	type QuoteRef,
	type Segment
} from '../../../src/lib/read/highlights';

const joined = (segments: Segment[]) => segments.map(segmentText).join('');
const highlights = (segments: Segment[]) =>
	segments.filter((segment) => segment.kind === 'highlight');

describe('highlight segments', () => {
	test('a paragraph without quotes is one plain segment', () => {
		expect(highlightSegments('Bamako.', [])).toEqual([{ kind: 'text', text: 'Bamako.' }]);
	});

	test('a quote in the middle splits the paragraph in three', () => {
		expect(
			highlightSegments('On 15 August, Mali arrested him.', [{ id: 'a', quote: 'Mali' }])
		).toEqual([
			{ kind: 'text', text: 'On 15 August, ' },
			{ kind: 'highlight', factIds: ['a'], parts: [{ text: 'Mali', depth: 1 }] },
			{ kind: 'text', text: ' arrested him.' }
		]);
	});

	test('overlapping quotes merge into one passage, deeper where they overlap, widest first', () => {
		const text = 'France led Serval and then Barkhane in Mali.';
		const segments = highlightSegments(text, [
			{ id: 'inner', quote: 'Serval and then Barkhane' },
			{ id: 'outer', quote: 'France led Serval' }
		]);
		expect(segments).toEqual([
			{
				kind: 'highlight',
				factIds: ['outer', 'inner'],
				parts: [
					{ text: 'France led ', depth: 1 },
					{ text: 'Serval', depth: 2 },
					{ text: ' and then Barkhane', depth: 1 }
				]
			},
			{ kind: 'text', text: ' in Mali.' }
		]);
	});

	test('a quote nested in another and two identical quotes share one passage', () => {
		const segments = highlightSegments('Mali, Niger, Chad.', [
			{ id: 'all', quote: 'Mali, Niger, Chad' },
			{ id: 'same', quote: 'Mali, Niger, Chad' },
			{ id: 'niger', quote: 'Niger' }
		]);
		expect(highlights(segments)).toHaveLength(1);
		expect(segments[0]).toMatchObject({ factIds: ['all', 'same', 'niger'] });
		expect(segments[0]).toMatchObject({
			parts: [
				{ text: 'Mali, ', depth: 2 },
				{ text: 'Niger', depth: 3 },
				{ text: ', Chad', depth: 2 }
			]
		});
	});

	test('quotes that only touch stay two passages', () => {
		const segments = highlightSegments('AQIM ISGS', [
			{ id: 'a', quote: 'AQIM' },
			{ id: 'b', quote: ' ISGS' }
		]);
		expect(highlights(segments).map((segment) => segment.factIds)).toEqual([['a'], ['b']]);
	});

	test('a quote that is not in the paragraph, or is empty, is left out', () => {
		expect(
			highlightSegments('Bamako.', [
				{ id: 'x', quote: 'Paris' },
				{ id: 'y', quote: '' }
			])
		).toEqual([{ kind: 'text', text: 'Bamako.' }]);
	});
});

/** A paragraph and quotes cut from it at random places (quotes are verbatim substrings). */
const paragraphWithQuotes = fc
	.string({ minLength: 1, maxLength: 80 })
	.chain((text) =>
		fc.tuple(
			fc.constant(text),
			fc.array(
				fc
					.tuple(fc.nat(text.length), fc.nat(text.length))
					.map(([a, b]) => text.slice(Math.min(a, b), Math.max(a, b))),
				{ maxLength: 8 }
			)
		)
	)
	.map(([text, quotes]) => ({
		text,
		quotes: quotes.map((quote, index): QuoteRef => ({ id: `f${index}`, quote }))
	}));

describe('highlight segments (properties)', () => {
	test('the segments always join back to the paragraph exactly', () => {
		fc.assert(
			fc.property(paragraphWithQuotes, ({ text, quotes }) => {
				expect(joined(highlightSegments(text, quotes))).toBe(text);
			})
		);
	});

	test('every non-empty quote is in exactly one passage, which contains it', () => {
		fc.assert(
			fc.property(paragraphWithQuotes, ({ text, quotes }) => {
				const passages = highlights(highlightSegments(text, quotes));
				for (const { id, quote } of quotes) {
					const holding = passages.filter((passage) => passage.factIds.includes(id));
					expect(holding).toHaveLength(quote ? 1 : 0);
					if (quote) expect(segmentText(holding[0]!)).toContain(quote);
				}
			})
		);
	});

	test('no segment is empty, no two plain segments touch, every part is covered', () => {
		fc.assert(
			fc.property(paragraphWithQuotes, ({ text, quotes }) => {
				const segments = highlightSegments(text, quotes);
				segments.forEach((segment, index) => {
					expect(segmentText(segment)).not.toBe('');
					if (segment.kind === 'text') expect(segments[index + 1]?.kind).not.toBe('text');
					else for (const part of segment.parts) expect(part.depth).toBeGreaterThanOrEqual(1);
				});
			})
		);
	});
});

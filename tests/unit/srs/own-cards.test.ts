import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { BankItem } from '../../../src/lib/bank/types';
import {
	CARD_TEXT_MAX,
	cardTextProblem,
	checkedCardText,
	CardTextError,
	cleanCardText,
	clozeFromSelection
} from '../../../src/lib/srs/own-card-text';
import {
	deckItems,
	isOwnCardId,
	ownCardItem,
	ownCardsOf,
	withWording,
	type OwnCard
} from '../../../src/lib/srs/own-cards';

const bankItem = (id: string, paragraph: string, extra: Partial<BankItem> = {}): BankItem => ({
	id,
	type: 'flashcard',
	prompt: `Question ${id}?`,
	answer: `Answer ${id}`,
	explanation: '',
	factIds: [`fact-${id}`],
	topic: 'general',
	difficulty: 2,
	source: { paragraph, quote: 'a quote' },
	...extra
});

const own = (id: string, paragraph: string | undefined, minute = 0): OwnCard => ({
	id: `own-${id}`,
	kind: 'basic',
	front: `My question ${id}?`,
	back: `My answer ${id}`,
	...(paragraph ? { paragraph } : {}),
	createdAt: new Date(2025, 5, 1, 9, minute),
	updatedAt: new Date(2025, 5, 1, 9, minute)
});

describe('the text of a card', () => {
	test.each<[string, string, string, string | undefined]>([
		['basic', 'Who left Mali in 2022?', 'France', undefined],
		['basic', '', 'France', 'empty-front'],
		['basic', '   \n ', 'France', 'empty-front'],
		['basic', 'Who?', '  ', 'empty-back'],
		['basic', 'x'.repeat(CARD_TEXT_MAX + 1), 'France', 'too-long'],
		['basic', 'Who?', 'y'.repeat(100 * 1024), 'too-long'],
		['basic', '<script>alert(1)</script>', 'France', 'markup'],
		['basic', 'Who?', '<img src=x onerror=alert(1)>', 'markup'],
		['basic', 'Who? <!-- hidden', 'France', 'markup'],
		['basic', 'Is 3 < 4 and 5 > 2?', 'Yes', undefined],
		['cloze', 'France ended Barkhane in 2022.', 'Barkhane', 'no-gap'],
		['cloze', 'France ended _____ in 2022.', 'Barkhane', undefined],
		['basic', 'France', 'france', 'same-sides']
	])('%s card %j / %j: %s', (kind, front, back, problem) => {
		expect(cardTextProblem(kind as 'basic' | 'cloze', front, back)).toBe(problem);
	});

	test('a refused card throws a coded error whose message says what to do', () => {
		expect(() => checkedCardText('basic', '', 'x')).toThrow(CardTextError);
		try {
			checkedCardText('basic', 'Q?', '<b>bold</b>');
		} catch (error) {
			expect((error as CardTextError).code).toBe('markup');
			expect((error as Error).message).toMatch(/plain text/);
		}
	});

	test('stored text is trimmed, with control characters removed and line ends as \\n', () => {
		expect(cleanCardText('  one\r\ntwo\u0000\u0007 ')).toBe('one\ntwo');
	});

	test('any text either passes or is refused with one of the codes, never thrown otherwise', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 3000 }), (f, b) => {
				const problem = cardTextProblem('basic', f, b);
				if (problem === undefined) {
					const sides = checkedCardText('basic', f, b);
					expect(sides.front.length).toBeGreaterThan(0);
					expect(sides.front.length).toBeLessThanOrEqual(CARD_TEXT_MAX);
				} else expect(() => checkedCardText('basic', f, b)).toThrow(CardTextError);
			})
		);
	});
});

describe('a cloze made from a selection', () => {
	const paragraph =
		'France withdrew in 2022. Operation Barkhane ended after nine years. Mali turned to Russia.';

	test('gaps the selected words in their sentence, the words become the answer', () => {
		const start = paragraph.indexOf('Operation Barkhane');
		expect(
			clozeFromSelection(paragraph, { start, end: start + 'Operation Barkhane'.length })
		).toEqual({ front: '_____ ended after nine years.', back: 'Operation Barkhane' });
	});

	test('the spaces around the selection stay out of the gap', () => {
		const start = paragraph.indexOf(' nine ');
		expect(clozeFromSelection(paragraph, { start, end: start + ' nine '.length })).toEqual({
			front: 'Operation Barkhane ended after _____ years.',
			back: 'nine'
		});
	});

	test('a selection that cuts a word takes the whole word', () => {
		const start = paragraph.indexOf('eration Bark');
		expect(clozeFromSelection(paragraph, { start, end: start + 'eration Bark'.length })).toEqual({
			front: '_____ ended after nine years.',
			back: 'Operation Barkhane'
		});
	});

	test('a selection of spaces makes no cloze', () => {
		expect(clozeFromSelection(paragraph, { start: 24, end: 25 })).toBeUndefined();
	});

	test('a selection across two sentences keeps both', () => {
		const start = paragraph.indexOf('2022');
		const end = paragraph.indexOf('Barkhane') + 'Barkhane'.length;
		expect(clozeFromSelection(paragraph, { start, end })?.front).toBe(
			'France withdrew in _____ ended after nine years.'
		);
	});
});

describe('the deck', () => {
	test('an own card studies as a card of its own, with no fact to bury a bank card', () => {
		const item = ownCardItem({ ...own('a', 'p2'), kind: 'cloze', front: 'X _____ Y', back: 'Z' });
		expect(item).toMatchObject({ id: 'own-a', type: 'cloze', prompt: 'X _____ Y', answer: 'Z' });
		expect(item.factIds).toEqual([]);
		expect(isOwnCardId(item.id)).toBe(true);
		expect(isOwnCardId('fact-1-cloze')).toBe(false);
	});

	test('own cards follow the bank cards of their paragraph; those of no paragraph come last', () => {
		const bank = [
			bankItem('b1', 'p1'),
			bankItem('b2', 'p2'),
			bankItem('b3', 'p2'),
			bankItem('b4', 'p5')
		];
		const cards = [own('none', undefined), own('p5', 'p5'), own('p2', 'p2'), own('p3', 'p3')];
		expect(deckItems(bank, cards, new Map()).map((i) => i.id)).toEqual([
			'b1',
			'b2',
			'b3',
			'own-p2',
			'own-p3',
			'b4',
			'own-p5',
			'own-none'
		]);
	});

	test('each article studies its own cards; a card naming none is of the first article', () => {
		const cards = [
			{ ...own('a', 'p1'), packId: 'france-mali-2025' },
			{ ...own('b', 'p1'), packId: 'other-article' },
			own('c', undefined)
		];
		expect(ownCardsOf(cards, 'france-mali-2025', 'france-mali-2025').map((c) => c.id)).toEqual([
			'own-a',
			'own-c'
		]);
		expect(ownCardsOf(cards, 'other-article', 'france-mali-2025').map((c) => c.id)).toEqual([
			'own-b'
		]);
	});

	test("the learner's wording replaces a side, and only that side", () => {
		const item = bankItem('b1', 'p1', { accept: ['other'] });
		const now = new Date(2025, 5, 1);
		expect(withWording(item, { itemId: 'b1', front: 'Mine?', updatedAt: now })).toMatchObject({
			prompt: 'Mine?',
			answer: 'Answer b1',
			accept: ['other']
		});
		const back = withWording(item, { itemId: 'b1', back: 'My answer', updatedAt: now });
		expect(back).toMatchObject({ prompt: 'Question b1?', answer: 'My answer' });
		expect(back.accept).toBeUndefined();
		expect(withWording(item, undefined)).toBe(item);
	});

	test('a new bank version keeps the wording of the cards it still has, by item id', () => {
		const wordings = new Map([
			['b1', { itemId: 'b1', front: 'Mine?', updatedAt: new Date(2025, 5, 1) }],
			[
				'gone',
				{ itemId: 'gone', front: 'Of a card the bank dropped', updatedAt: new Date(2025, 5, 1) }
			]
		]);
		const version2 = [
			bankItem('b1', 'p1', { prompt: 'Reworded by the bank?' }),
			bankItem('b9', 'p1')
		];
		const deck = deckItems(version2, [own('x', 'p1')], wordings);
		expect(deck.map((i) => [i.id, i.prompt])).toEqual([
			['b1', 'Mine?'],
			['b9', 'Question b9?'],
			['own-x', 'My question x?']
		]);
	});
});

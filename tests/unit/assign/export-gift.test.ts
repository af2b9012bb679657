// The GIFT export read back by gift-pegjs, the parser behind the common GIFT editors: every
// question must parse, with the type, key and answer count the item calls for.
import { parse, type GIFTQuestion } from 'gift-pegjs';
import { describe, expect, test } from 'vitest';
import { escapeGift, giftQuestions } from '../../../src/lib/assign/export-gift';
import type { BankItem } from '../../../src/lib/bank/types';
import { item } from '../quiz/fixtures';
import { HOSTILE, ITEMS, realBank } from './fixtures';

const html = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const words = (t: string) => t.trim().split(/\s+/).length;
// gift-pegjs turns an escaped '=' in a matching answer into '&&061;' (its own quirk)
const subanswer = (t: string) => t.replace(/&&061;/g, '=');
const gap = (t: string) => t.replace(/\s*_____\s*/g, '_____');

/** The exported questions of `items`, parsed, keyed by title. */
function exported(items: readonly BankItem[]) {
	const text = giftQuestions(items, 'Week 3');
	const parsed = parse(text);
	const byTitle = new Map<string, GIFTQuestion>();
	for (const q of parsed) if (q.type !== 'Category') byTitle.set(q.title ?? '', q);
	return { text, parsed, byTitle };
}

/** What a question made from `it` must look like once parsed; null when it must be left out. */
function expectParsed(it: BankItem, q: GIFTQuestion | undefined) {
	// Moodle matches typed text exactly, and reads '->' in an answer as a matching pair
	const untypable =
		words(it.answer) >= 5 || [it.answer, ...(it.accept ?? [])].some((a) => a.includes('->'));
	const typedType = ['flashcard', 'reverse', 'cloze'].includes(it.type);
	if (it.type === 'map' || (typedType && untypable)) {
		expect(q, `${it.id} is left out`).toBeUndefined();
		return;
	}
	expect(q, `${it.id} is exported`).toBeDefined();
	if (!q || q.type === 'Category' || q.type === 'Description') return;
	expect(q.globalFeedback?.text).toBe(html(it.explanation));
	switch (it.type) {
		case 'truefalse':
			expect(q.type).toBe('TF');
			if (q.type === 'TF') expect(q.isTrue).toBe(it.answer === 'True');
			break;
		case 'mcq':
		case 'who-said':
			expect(q.type).toBe('MC');
			if (q.type !== 'MC') break;
			expect(q.choices).toHaveLength(it.options!.length);
			expect(q.choices.filter((c) => c.isCorrect).map((c) => c.text.text)).toEqual([
				html(it.answer)
			]);
			break;
		case 'numeric':
			expect(q.type).toBe('Numerical');
			if (q.type !== 'Numerical' || !Array.isArray(q.choices)) break;
			expect(q.choices.map((c) => c.text.number)).toEqual([Number(it.answer)]);
			break;
		case 'flashcard':
		case 'reverse':
		case 'cloze':
			expect(q.type).toBe('Short');
			if (q.type !== 'Short') break;
			// the gap (or the question) reads as the item's prompt, every spelling accepted
			// (gift-pegjs writes the gap as '_____' with spaces of its own around it)
			expect(gap(q.stem.text)).toBe(gap(html(it.prompt)));
			expect(q.choices.map((c) => [c.isCorrect, c.text.text])).toEqual(
				[...new Set([it.answer, ...(it.accept ?? [])])].map((a) => [true, a])
			);
			break;
		case 'matching':
			if (it.pairs!.length >= 3) {
				expect(q.type).toBe('Matching');
				if (q.type !== 'Matching') break;
				expect(q.matchPairs.map((p) => [p.subquestion.text, subanswer(p.subanswer)])).toEqual(
					it.pairs!.map((p) => [html(p.left), html(p.right)])
				);
			} else {
				expect(q.type).toBe('MC');
				if (q.type !== 'MC') break;
				const [a, b] = it.pairs!;
				expect(q.choices.map((c) => [c.isCorrect, c.text.text])).toEqual([
					[true, `${a!.left} → ${a!.right}; ${b!.left} → ${b!.right}`],
					[false, `${a!.left} → ${b!.right}; ${b!.left} → ${a!.right}`]
				]);
			}
			break;
		case 'ordering':
			expect(q.type).toBe(it.sequence!.length >= 3 ? 'Matching' : 'MC');
			if (q.type !== 'Matching') break;
			expect(q.matchPairs.map((p) => [p.subquestion.text, p.subanswer])).toEqual(
				it.sequence!.map((entry, i) => [html(entry), String(i + 1)])
			);
			break;
	}
}

describe('GIFT export read by gift-pegjs', () => {
	const bank = realBank();

	test.runIf(bank)('every question of the real bank parses in its proper form', () => {
		const items = bank!.items;
		const { parsed, byTitle } = exported(items);
		expect(parsed[0]).toMatchObject({ type: 'Category', title: '$course$/Week 3' });
		items.forEach((it, i) => expectParsed(it, byTitle.get(`Q${i + 1} ${it.id}`)));
		// every type the bank has that GIFT can carry is in the file
		const types = new Set([...byTitle.values()].map((q) => q.type));
		expect([...types].sort()).toEqual(['MC', 'Matching', 'Numerical', 'Short', 'TF']);
	});

	test('a cloze whose gap opens the sentence still parses', () => {
		// the bank may have none today; the exporter must still handle one
		const first = item({
			id: 'serval-first:cloze',
			type: 'cloze',
			prompt: '_____ was the French operation that began the intervention in 2013.',
			answer: 'Serval'
		});
		const { byTitle } = exported([first]);
		expectParsed(first, byTitle.get(`Q1 ${first.id}`));
	});

	test.runIf(bank)('the file opens with a comment naming each question left out and why', () => {
		const items = bank!.items;
		const { text, byTitle } = exported(items);
		const listed = [...text.matchAll(/^\/\/ {3}(Q\d+ \S+): (.+)$/gm)].map((m) => m[1]);
		const missing = items.map((it, i) => `Q${i + 1} ${it.id}`).filter((t) => !byTitle.has(t));
		expect(listed).toEqual(missing);
		expect(missing.length).toBeGreaterThan(0);
		expect(text).toMatch(new RegExp(`^// ${missing.length} of ${items.length} questions`));
		expect(text).toContain(': a map question, which needs the map');
		expect(text).not.toMatch(/On the map/);
	});

	test('every fixture type, and a two-pair matching and a two-entry ordering', () => {
		const two = [
			item({
				id: 'pair:matching',
				type: 'matching',
				pairs: [
					{ left: 'Serval', right: '2013' },
					{ left: 'Barkhane', right: '2014' }
				]
			}),
			item({ id: 'two:ordering', type: 'ordering', sequence: ['Serval', 'Barkhane'] })
		];
		const items = [...ITEMS, ...two];
		const { byTitle } = exported(items);
		items.forEach((it, i) => expectParsed(it, byTitle.get(`Q${i + 1} ${it.id}`)));
		const order = byTitle.get(`Q${items.length} two:ordering`);
		expect(order?.type === 'MC' && order.choices.map((c) => [c.isCorrect, c.text.text])).toEqual([
			[true, 'Serval → Barkhane'],
			[false, 'Barkhane → Serval']
		]);
	});

	test.each(HOSTILE)(
		'hostile text %j in a prompt, an option and an answer parses back as written',
		(s) => {
			const items = [
				item({
					id: 'h:mcq',
					type: 'mcq',
					prompt: `Q ${s}`,
					answer: `A ${s}`,
					options: [`A ${s}`, `B ${s}`]
				}),
				item({
					id: 'h:flashcard',
					type: 'flashcard',
					prompt: `P ${s}`,
					answer: `x ${s}`.slice(0, 40)
				}),
				item({ id: 'h:cloze', type: 'cloze', prompt: `Before ${s} _____ after ${s}.`, answer: 'x' })
			].filter((it) => words(it.answer) < 5);
			const { byTitle } = exported(items);
			items.forEach((it, i) => expectParsed(it, byTitle.get(`Q${i + 1} ${it.id}`)));
		}
	);

	test('escaping leaves no GIFT syntax and no line break', () => {
		for (const s of HOSTILE) {
			const escaped = escapeGift(s);
			expect(escaped.replace(/\\./g, '')).not.toMatch(/[~=#{}:]/);
			expect(escaped).not.toMatch(/[\r\n]/);
		}
	});
});

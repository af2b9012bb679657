import { describe, expect, test } from 'vitest';
import { analyseItems, latestAttempts } from '../../../src/lib/assign/item-analysis';
import { scoreSubmission, type Submission } from '../../../src/lib/assign/gradebook';
import type { Receipt } from '../../../src/lib/assign/receipt-code';
import type { Response } from '../../../src/lib/quiz/types';
import { assignment, BANK, receipt } from './fixtures';

// Worked example, counted by hand. Three questions:
//   Q1 mcq 'wagner-group-arrival:mcq' (paragraph p1, answer 'Wagner Group')
//   Q2 flashcard 'bamako-capital:flashcard' (p2, answer 'Bamako')
//   Q3 truefalse 'barkhane-ended-2022:true' (p1, answer 'True')
// Four students (a small class: upper and lower groups are halves, 2 each):
//   Awa      Wagner Group ✓  Bamako ✓    True ✓      total 3
//   Bakary   Wagner Group ✓  bamako ✓    False ✗     total 2
//   Chloé    MINUSMA ✗       Bamako ✓    True ✓      total 2
//   Dramane  minusma ✗       Timbuktu ✗  (no answer) total 0
// Ranked: Awa 3, Bakary 2, Chloé 2 (tie broken by name), Dramane 0.
// Upper group {Awa, Bakary}, lower group {Chloé, Dramane}.
//   Q1: p = 2/4 = 0.5;  D = 2/2 - 0/2 = 1;   most chosen wrong: MINUSMA (2, written as the
//       higher-ranked Chloé gave it)
//   Q2: p = 3/4 = 0.75; D = 2/2 - 1/2 = 0.5; most common wrong: Timbuktu (1)
//   Q3: p = 2/4 = 0.5;  D = 1/2 - 1/2 = 0;   most chosen wrong: False (1); answered by 3
// Paragraphs: p1 holds Q1 and Q3: 8 answers, 4 missed (0.5); p2 holds Q2: 4 answers,
// 1 missed (0.25); p3 and p4 were not asked about.
const A = assignment({
	itemIds: ['wagner-group-arrival:mcq', 'bamako-capital:flashcard', 'barkhane-ended-2022:true']
});
const choice = (c: string): Response => ({ kind: 'choice', choice: c });
const text = (t: string): Response => ({ kind: 'text', text: t });

function submission(student: string, answers: Receipt['answers'], attempt = 1): Submission {
	const r = receipt({ student, answers, attempt }, A);
	return { code: `${student}-${attempt}`, receipt: r, score: scoreSubmission(A, BANK, r) };
}

const CLASS = [
	submission('Dramane', [choice('minusma'), text('Timbuktu'), null]),
	submission('Chloé', [choice('MINUSMA'), text('Bamako'), choice('True')]),
	submission('Awa', [choice('Wagner Group'), text('Bamako'), choice('True')]),
	submission('Bakary', [choice('Wagner Group'), text('bamako'), choice('False')])
];

describe('analyseItems on the worked example', () => {
	const analysis = analyseItems(A, BANK, CLASS);

	test('uses halves for a class of four', () => {
		expect(analysis).toMatchObject({ students: 4, groupSize: 2 });
	});

	test.each([
		[0, 0.5, 1, { answer: 'MINUSMA', count: 2 }, 4],
		[1, 0.75, 0.5, { answer: 'Timbuktu', count: 1 }, 4],
		[2, 0.5, 0, { answer: 'False', count: 1 }, 3]
	])('question %i: p %f, D %f, most common wrong answer', (i, p, d, wrong, answered) => {
		expect(analysis.questions[i]).toMatchObject({
			position: i + 1,
			difficulty: p,
			discrimination: d,
			commonWrong: wrong,
			answered
		});
	});

	test('paragraphs are shaded by the share of answers missed', () => {
		expect(analysis.paragraphs).toEqual([
			{ paragraphId: 'p1', questions: 2, answers: 8, missed: 4, missRate: 0.5 },
			{ paragraphId: 'p2', questions: 1, answers: 4, missed: 1, missRate: 0.25 },
			{ paragraphId: 'p3', questions: 0, answers: 0, missed: 0, missRate: null },
			{ paragraphId: 'p4', questions: 0, answers: 0, missed: 0, missRate: null }
		]);
	});
});

describe('analyseItems edge cases', () => {
	test('with no students every share is null', () => {
		const empty = analyseItems(A, BANK, []);
		expect(empty.questions[0]).toMatchObject({
			difficulty: null,
			discrimination: null,
			commonWrong: null
		});
	});

	test('a class of 30 uses groups of round(0.27 x 30) = 8', () => {
		const many = Array.from({ length: 30 }, (_, k) =>
			submission(`S${String(k).padStart(2, '0')}`, [choice('Wagner Group'), null, null])
		);
		expect(analyseItems(A, BANK, many).groupSize).toBe(8);
	});

	test("only each student's latest attempt counts", () => {
		const retry = submission('awa', [null, null, null], 2);
		expect(latestAttempts([...CLASS, retry], A).map((s) => s.code)).toContain('awa-2');
		expect(analyseItems(A, BANK, [...CLASS, retry]).questions[0]?.difficulty).toBe(0.25);
	});
});

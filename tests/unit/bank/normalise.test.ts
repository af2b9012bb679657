import { describe, expect, test } from 'vitest';
import { normaliseText } from '../../../src/lib/bank/normalise';
import { gradeItem } from '../../../src/lib/quiz/grade';
import { item, text } from '../quiz/fixtures';

describe('the bank compares text as the grader does', () => {
	test.each([
		['U.S. forces', 'US forces'],
		['twenty-one', '21'],
		['the Wagner Group', 'Wagner Group'],
		['Ségou', 'Segou'],
		['Mali’s junta', 'Malis junta']
	])('"%s" and "%s" are one answer to both', (a, b) => {
		expect(normaliseText(a)).toBe(normaliseText(b));
		const typed = item({ type: 'flashcard', prompt: 'Which?', answer: a });
		expect(gradeItem(typed, text(b)).correct).toBe(true);
	});

	test('different answers stay different', () => {
		expect(normaliseText('Niger')).not.toBe(normaliseText('Nigeria'));
	});
});

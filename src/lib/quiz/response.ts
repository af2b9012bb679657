// Answers in the making: what a question starts with and when it counts as given.
import type { MatchPair } from '../bank/types';
import type { QuizQuestion } from './build';
import type { Response } from './types';

/** The answer a question starts with: ordering starts from its shown order, others empty. */
export function startingResponse(question: QuizQuestion): Response | undefined {
	return question.type === 'ordering'
		? { kind: 'ordering', sequence: [...(question.sequenceStart ?? [])] }
		: undefined;
}

/** True when `response` says something: an option picked, text typed, a pair made or an order. */
export function isAnswerGiven(response: Response | undefined): response is Response {
	switch (response?.kind) {
		case 'choice':
			return response.choice !== '';
		case 'text':
			return response.text.trim() !== '';
		case 'matching':
			return response.pairs.length > 0;
		case 'ordering':
			return response.sequence.length > 0;
		default:
			return false;
	}
}

/** The learner's answer as one line of text, for feedback and results. */
export function responseText(response: Response | undefined): string {
	switch (response?.kind) {
		case 'choice':
			return response.choice;
		case 'text':
			return response.text.trim();
		case 'matching':
			return response.pairs.map((pair) => `${pair.left} → ${pair.right}`).join('; ');
		case 'ordering':
			return response.sequence.join(' → ');
		default:
			return '';
	}
}

/** `pairs` with `left` paired to `right`, each taken from any pair it was in before. */
export function withPair(pairs: readonly MatchPair[], left: string, right: string): MatchPair[] {
	return [...pairs.filter((p) => p.left !== left && p.right !== right), { left, right }];
}

/** `pairs` without the pair of `left`. */
export function withoutPair(pairs: readonly MatchPair[], left: string): MatchPair[] {
	return pairs.filter((p) => p.left !== left);
}

/** `sequence` with the entry at `index` moved by `delta` places (clamped to the list). */
export function moved(sequence: readonly string[], index: number, delta: number): string[] {
	const target = Math.min(sequence.length - 1, Math.max(0, index + delta));
	if (index < 0 || index >= sequence.length || target === index) return [...sequence];
	const next = [...sequence];
	const [entry] = next.splice(index, 1);
	next.splice(target, 0, entry!);
	return next;
}

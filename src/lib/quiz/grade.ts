// Grading of one answer to one bank item. Assignments regrade receipts with this same
// function, so it must accept any decoded input: a response of the wrong shape is wrong,
// never an exception.
import type { BankItem, MatchPair } from '../bank/types';
import { hasKeyTerms } from './key-terms';
import { numberToWords } from './number-words';
import {
	matchAnswer,
	matchSpelling,
	normalizeAnswer,
	readNumericAnswer,
	type AnswerMatch
} from './normalize';
import { RESPONSE_KIND_BY_TYPE, type Grade, type Response } from './types';

const TYPO_NOTE = 'Accepted with one typo';

/**
 * Grades `response` against `item`.
 * - choice types: right when the chosen option is the answer (compared after normalisation).
 * - typed types: tolerant (see `matchAnswer`); numeric also compares the stated number,
 *   so "1,000", "1000" and "one thousand" are all 1000.
 * - matching: score = pairs matched as in the item / pairs in the item; a left entry given
 *   twice counts as unmatched, so pairing everything with everything earns nothing.
 * - ordering: score = share of the item's pairs of entries (first, second) that the learner
 *   also put first-then-second (Kendall's tau rescaled to 0..1): one swap of neighbours in
 *   four entries scores 5/6, the reversed order 0. A sequence that is not a rearrangement
 *   of the item's entries scores 0.
 * `correct` is true only for a score of 1.
 */
export function gradeItem(item: BankItem, response: Response): Grade {
	const expected = item.answer;
	const kind = RESPONSE_KIND_BY_TYPE[item.type];
	if (!isResponse(response) || response.kind !== kind) return wrong(expected);

	switch (response.kind) {
		case 'choice':
			return sameChoice(response.choice, expected) ? right(expected) : wrong(expected);
		case 'text': {
			if (item.type === 'numeric') return gradeNumeric(item, response.text);
			const match = fromMatch(matchAnswer(response.text, expected, item.accept ?? []), expected);
			// a phrase answer in other words is right when it holds every key term
			if (!match.correct && item.keyTerms && hasKeyTerms(response.text, item.keyTerms, expected))
				return right(expected);
			return match;
		}
		case 'matching':
			return gradeMatching(item.pairs ?? [], response.pairs, expected);
		case 'ordering':
			return gradeOrdering(item.sequence ?? [], response.sequence, expected);
	}
}

/** Options are picked, not typed, so only spelling noise is ignored; never a typo. */
function sameChoice(given: string, expected: string): boolean {
	const answer = normalizeAnswer(expected);
	// an option made only of punctuation can only be compared as written
	return answer === '' ? given.trim() === expected.trim() : normalizeAnswer(given) === answer;
}

function gradeNumeric(item: BankItem, text: string): Grade {
	const variants = [item.answer, ...(item.accept ?? [])];
	const stated = readNumericAnswer(text);
	if (stated !== null) {
		// a number is judged as a number only: "eight" must not pass as a typo of "eighty"
		return variants.some((v) => readNumericAnswer(v) === stated)
			? right(item.answer)
			: wrong(item.answer);
	}
	// otherwise it may be a misspelt number word ("fourten"): compare spellings with the
	// listed variants and with the numbers written out in words
	const words = variants.flatMap((v) => {
		const n = readNumericAnswer(v);
		const written = n === null ? null : numberToWords(n);
		return written ? [written] : [];
	});
	return fromMatch(matchSpelling(text, [...variants, ...words]), item.answer);
}

function gradeMatching(correct: readonly MatchPair[], given: readonly unknown[], expected: string) {
	if (correct.length === 0) return wrong(expected);
	const key = (text: string) => normalizeAnswer(text);
	const givenRight = new Map<string, string>();
	const repeated = new Set<string>();
	for (const pair of given) {
		if (!isPair(pair)) continue;
		const left = key(pair.left);
		if (givenRight.has(left)) repeated.add(left);
		givenRight.set(left, key(pair.right));
	}
	const matched = correct.filter((pair) => {
		const left = key(pair.left);
		return !repeated.has(left) && givenRight.get(left) === key(pair.right);
	}).length;
	return partial(matched, correct.length, 'pairs-matched', expected);
}

function gradeOrdering(correct: readonly string[], given: readonly unknown[], expected: string) {
	if (correct.length === 0) return wrong(expected);
	const positions = positionsIn(correct, given);
	if (!positions) return wrong(expected);
	if (correct.length === 1) return right(expected);
	let kept = 0;
	let pairs = 0;
	for (let i = 0; i < positions.length; i++) {
		for (let j = i + 1; j < positions.length; j++) {
			pairs++;
			if ((positions[i] ?? 0) < (positions[j] ?? 0)) kept++;
		}
	}
	return partial(kept, pairs, 'pairs-in-order', expected);
}

/**
 * Where each entry of `correct` sits in `given`, or null when `given` is not a rearrangement
 * of it. Repeated entries are matched first to first, so they never count as misordered.
 */
function positionsIn(correct: readonly string[], given: readonly unknown[]): number[] | null {
	if (given.length !== correct.length || !given.every((g) => typeof g === 'string')) return null;
	const slots = new Map<string, number[]>();
	(given as string[]).forEach((entry, index) => {
		const k = normalizeAnswer(entry);
		slots.set(k, [...(slots.get(k) ?? []), index]);
	});
	const positions: number[] = [];
	for (const entry of correct) {
		const position = slots.get(normalizeAnswer(entry))?.shift();
		if (position === undefined) return null;
		positions.push(position);
	}
	return positions;
}

function partial(
	hits: number,
	total: number,
	kind: 'pairs-matched' | 'pairs-in-order',
	expected: string
): Grade {
	if (hits === total) return right(expected);
	const grade = { correct: false, score: hits / total, expected };
	const what = kind === 'pairs-matched' ? 'pairs matched' : 'pairs in the right order';
	return hits > 0
		? { ...grade, note: `${hits} of ${total} ${what}`, noteDetail: { kind, hits, total } }
		: grade;
}

function fromMatch(match: AnswerMatch, expected: string): Grade {
	if (match === 'exact') return right(expected);
	if (match === 'typo')
		return { ...right(expected), note: TYPO_NOTE, noteDetail: { kind: 'typo' } };
	return wrong(expected);
}

const right = (expected: string): Grade => ({ correct: true, score: 1, expected });
const wrong = (expected: string): Grade => ({ correct: false, score: 0, expected });

function isResponse(value: unknown): value is Response {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	switch (r.kind) {
		case 'choice':
			return typeof r.choice === 'string';
		case 'text':
			return typeof r.text === 'string';
		case 'matching':
			return Array.isArray(r.pairs);
		case 'ordering':
			return Array.isArray(r.sequence);
		default:
			return false;
	}
}

function isPair(value: unknown): value is MatchPair {
	if (typeof value !== 'object' || value === null) return false;
	const p = value as Record<string, unknown>;
	return typeof p.left === 'string' && typeof p.right === 'string';
}

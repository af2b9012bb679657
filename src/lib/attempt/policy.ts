// The rules an attempt runs under. A practice quiz, an exam and an assignment are the same
// act, answering a planned set of questions; only these rules differ.
import type { FeedbackMode } from '../assign/assignment-code';
import type { QuizConfig } from '../quiz/types';

export const ATTEMPT_MODES = ['practice', 'exam', 'assignment'] as const;
export type AttemptMode = (typeof ATTEMPT_MODES)[number];

export interface AttemptPolicy {
	mode: AttemptMode;
	/** When each answer's verdict is shown: right after Check, after submitting, or never. */
	feedback: FeedbackMode;
	/** Seconds from the start; undefined without a limit. */
	timeLimitSec?: number;
	/** How many attempts may be handed in; 0 means no limit. */
	attemptsAllowed: number;
}

/** The policy of a quiz built on /quiz. */
export function quizPolicy(config: Pick<QuizConfig, 'mode' | 'timeLimitSec'>): AttemptPolicy {
	return config.mode === 'practice'
		? { mode: 'practice', feedback: 'immediately', attemptsAllowed: 0 }
		: {
				mode: 'exam',
				feedback: 'after-submitting',
				timeLimitSec: validLimit(config.timeLimitSec),
				attemptsAllowed: 0
			};
}

/** The policy an instructor set for an assignment. */
export function assignmentPolicy(assignment: {
	feedback: FeedbackMode;
	timeLimitSec?: number;
	attemptsAllowed: number;
}): AttemptPolicy {
	return {
		mode: 'assignment',
		feedback: assignment.feedback,
		timeLimitSec: validLimit(assignment.timeLimitSec),
		attemptsAllowed: assignment.attemptsAllowed
	};
}

/** True when each answer is checked (graded and locked) before moving on. */
export function checksEachAnswer(policy: AttemptPolicy): boolean {
	return policy.feedback === 'immediately';
}

/** Previous may go back to change an answer only where answers are not checked one by one. */
export function canGoBack(policy: AttemptPolicy, position: number): boolean {
	return !checksEachAnswer(policy) && position > 0;
}

/** Attempts still allowed after `used`; undefined when there is no limit. */
export function attemptsLeft(policy: AttemptPolicy, used: number): number | undefined {
	return policy.attemptsAllowed === 0 ? undefined : Math.max(0, policy.attemptsAllowed - used);
}

/** What the main button does on the question at `position` of `total`. */
export type PrimaryAction = 'check' | 'next' | 'finish';

export function primaryAction(
	policy: AttemptPolicy,
	checked: boolean,
	position: number,
	total: number
): PrimaryAction {
	if (checksEachAnswer(policy) && !checked) return 'check';
	return position + 1 >= total ? 'finish' : 'next';
}

function validLimit(seconds: number | undefined): number | undefined {
	return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

// Defaults and bounds for study settings; anything read from storage or a form goes through
// `clampStudySettings` so the scheduler never sees an out-of-range value.
import type { StepUnit } from 'ts-fsrs';
import { NEW_CARD_ORDERS, type NewCardOrder, type StudySettings } from './types';

export const DEFAULT_STUDY_SETTINGS = {
	desiredRetention: 0.9,
	newPerDay: 20,
	maxReviewsPerDay: 200,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	maximumInterval: 36500,
	newCardOrder: 'article',
	newCardSeed: 1,
	dayStartHour: 4
} as const satisfies StudySettings;

/** Below this many reviews a fit of FSRS says more about chance than about the learner. */
export const MIN_REVIEWS_TO_FIT = 1000;

/** Inclusive bounds of each numeric setting. */
export const STUDY_SETTING_LIMITS = {
	desiredRetention: { min: 0.8, max: 0.97 },
	newPerDay: { min: 0, max: 9999 },
	maxReviewsPerDay: { min: 0, max: 99999 },
	maximumInterval: { min: 1, max: 36500 },
	newCardSeed: { min: 0, max: 2 ** 31 - 1 },
	dayStartHour: { min: 0, max: 23 }
} as const;

type NumericSetting = keyof typeof STUDY_SETTING_LIMITS;

const STEP_PATTERN = /^(\d+(\.\d+)?)(m|h|d)$/;

/** Whether a string is a positive ts-fsrs step such as '1m', '10m', '1h' or '1d'. */
export function isStepUnit(value: unknown): value is StepUnit {
	if (typeof value !== 'string') return false;
	const match = STEP_PATTERN.exec(value);
	return match !== null && Number(match[1]) > 0;
}

function clampNumber(value: unknown, key: NumericSetting, integer: boolean): number {
	const { min, max } = STUDY_SETTING_LIMITS[key];
	if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_STUDY_SETTINGS[key];
	const n = integer ? Math.round(value) : value;
	return Math.min(max, Math.max(min, n));
}

function validSteps(value: unknown, fallback: readonly StepUnit[]): readonly StepUnit[] {
	// An empty list is allowed: it hands a new card straight to FSRS.
	if (!Array.isArray(value) || !value.every(isStepUnit)) return [...fallback];
	return [...value];
}

/** Complete study settings from any partial or untrusted input: missing or invalid fields take defaults, numbers are clamped to their range. */
export function clampStudySettings(
	input: Partial<Record<keyof StudySettings, unknown>> = {}
): StudySettings {
	const fitted = fittedParameters(input.fsrsParameters);
	return {
		...(fitted ? { fsrsParameters: fitted } : {}),
		desiredRetention: clampNumber(input.desiredRetention, 'desiredRetention', false),
		newPerDay: clampNumber(input.newPerDay, 'newPerDay', true),
		maxReviewsPerDay: clampNumber(input.maxReviewsPerDay, 'maxReviewsPerDay', true),
		learningSteps: validSteps(input.learningSteps, DEFAULT_STUDY_SETTINGS.learningSteps),
		relearningSteps: validSteps(input.relearningSteps, DEFAULT_STUDY_SETTINGS.relearningSteps),
		maximumInterval: clampNumber(input.maximumInterval, 'maximumInterval', true),
		newCardOrder: NEW_CARD_ORDERS.includes(input.newCardOrder as NewCardOrder)
			? (input.newCardOrder as NewCardOrder)
			: DEFAULT_STUDY_SETTINGS.newCardOrder,
		newCardSeed: clampNumber(input.newCardSeed, 'newCardSeed', true),
		dayStartHour: clampNumber(input.dayStartHour, 'dayStartHour', true)
	};
}

// FSRS-6's 21 parameters, as ts-fsrs's CLAMP_PARAMETERS bounds them (restated: importing
// ts-fsrs here would bring its scheduler into every page that reads settings)
export const PARAMETER_BOUNDS: readonly (readonly [number, number])[] = [
	[0.001, 100],
	[0.001, 100],
	[0.001, 100],
	[0.001, 100],
	[1, 10],
	[0.001, 4],
	[0.001, 4],
	[0.001, 0.75],
	[0, 4.5],
	[0, 0.8],
	[0.001, 3.5],
	[0.001, 5],
	[0.001, 0.25],
	[0.001, 0.9],
	[0, 4],
	[0, 1],
	[1, 6],
	[0, 2],
	[0, 2],
	[0.01, 0.8],
	[0.1, 0.8]
];

/** A fitted parameter set when `value` is 21 numbers in FSRS-6's ranges, else undefined. */
function fittedParameters(value: unknown): number[] | undefined {
	if (!Array.isArray(value) || value.length !== PARAMETER_BOUNDS.length) return undefined;
	const ok = value.every(
		(x, i) =>
			typeof x === 'number' &&
			Number.isFinite(x) &&
			x >= PARAMETER_BOUNDS[i]![0] &&
			x <= PARAMETER_BOUNDS[i]![1]
	);
	return ok ? [...(value as number[])] : undefined;
}

/** Steps typed as "1m 10m" or "1m, 10m, 1d"; undefined when one of them is not a step. */
export function parseSteps(text: string): StepUnit[] | undefined {
	const parts = text.split(/[\s,]+/).filter((part) => part !== '');
	return parts.every(isStepUnit) ? parts : undefined;
}

/** Steps as the form shows them. */
export function formatSteps(steps: readonly StepUnit[]): string {
	return steps.join(' ');
}

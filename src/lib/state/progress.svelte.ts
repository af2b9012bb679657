// The /progress page: every statistic, computed once from what this device stores. On a first
// visit (no database yet) neither the database code nor the statistics code is downloaded.
import type { ProgressStatistics } from '$lib/progress';
import type { FinishedAttempt } from '$lib/progress/quiz-history';
import { attemptOfItems, attemptOutcome } from '$lib/attempt';
import { ofItems } from '$lib/progress/pack-scope';
import { type AttemptRow, databaseExists, loadProgressReads } from '$lib/storage';
import { getBank } from './bank';
import { errorText } from './error-text';

/** A finished attempt with its score figures, or undefined when its plan cannot be read. */
export function finishedAttempt(row: AttemptRow): FinishedAttempt | undefined {
	const outcome = row.finishedAt ? attemptOutcome(row) : undefined;
	if (!outcome) return undefined;
	return {
		id: row.id,
		kind: row.kind,
		finishedAt: row.finishedAt,
		summary: { score: outcome.score, right: outcome.right, total: outcome.total }
	};
}

export class ProgressOverview {
	#stats = $state.raw<ProgressStatistics | undefined>();
	#reviewCount = $state(0);
	#quizCount = $state(0);
	#loaded = $state(false);
	#error = $state('');

	get stats() {
		return this.#stats;
	}
	/** Every review ever stored (the heatmap shows only six months of them). */
	get reviewCount() {
		return this.#reviewCount;
	}
	get quizCount() {
		return this.#quizCount;
	}
	get loaded() {
		return this.#loaded;
	}
	get error() {
		return this.#error;
	}
	/** Nothing studied and no quiz finished yet: the page explains what will appear. */
	get empty() {
		return this.#loaded && !this.#error && this.#reviewCount === 0 && this.#quizCount === 0;
	}

	/** Reads the stored progress and computes every statistic at `now`. */

	async load(now: Date = new Date()): Promise<void> {
		try {
			if (!(await databaseExists())) return;
			const [storage, progress, { loadStudySettings }, bank] = await Promise.all([
				loadProgressReads(),
				import('$lib/progress'),
				import('./study-settings'),
				getBank()
			]);
			const [rows, settings] = await Promise.all([storage.readProgressRows(), loadStudySettings()]);
			// the chosen article's progress; another article's stays apart (pack-scope.ts)
			const ids = new Set(bank.items.map((item) => item.id));
			const reviews = ofItems(rows.reviews, ids);
			const attempts = rows.attempts
				.filter((row) => attemptOfItems(row, ids))
				.flatMap((row) => finishedAttempt(row) ?? []);
			this.#stats = progress.progressStatistics({
				items: bank.items,
				cards: ofItems(rows.cards, ids),
				reviews,
				attempts,
				now,
				dayStartHour: settings.dayStartHour
			});
			this.#reviewCount = reviews.length;
			this.#quizCount = attempts.length;
		} catch (error) {
			this.#error = errorText(error);
		} finally {
			this.#loaded = true;
		}
	}
}

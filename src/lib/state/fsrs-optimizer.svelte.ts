// "Fit FSRS to my reviews" in Settings: offered once there are MIN_REVIEWS_TO_FIT reviews, it
// loads the optimizer (fsrs-browser, WebAssembly, about 1.7 MB, never precached) only when the
// learner asks, fits FSRS-6's parameters to their history, shows the log loss of the current
// parameters and of the fit, and changes the schedule only when the learner applies it.
// the fit's code (ts-fsrs for the log loss, the optimizer) loads with the first fit, not with Settings
import type { FsrsItems } from '$lib/srs/optimizer-data';
import { MIN_REVIEWS_TO_FIT } from '$lib/srs/settings';
import { countReviewsBetween, loadProgressReads } from '$lib/storage';
import { m } from '$lib/paraglide/messages';
import { errorText } from './error-text';
import { loadStudySettings, saveStudySettings } from './study-settings';

export type FitPhase = 'idle' | 'counting' | 'fitting' | 'fitted' | 'applied' | 'error';

/** The result of a fit, before the learner decides. */
export interface FitResult {
	parameters: number[];
	/** Log loss of the parameters in use now, and of the fit, over the same histories. */
	before: number;
	after: number;
	items: number;
}

/** Fits FSRS parameters to `items` with fsrs-browser, loaded on this first call. */
export type Fitter = (items: FsrsItems) => Promise<number[]>;

const fsrsBrowserFitter: Fitter = async (items) => {
	const [wasm, { default: wasmUrl }] = await Promise.all([
		import('fsrs-browser'),
		import('fsrs-browser/fsrs_browser_bg.wasm?url')
	]);
	await wasm.default({ module_or_path: wasmUrl });
	// computeParameters consumes the optimizer (Rust's self by value), so it is not freed after
	const optimizer = new wasm.Fsrs();
	return Array.from(
		optimizer.computeParameters(items.ratings, items.deltas, items.lengths, undefined, true)
	);
};

export class FsrsOptimizer {
	#fitter: Fitter;
	#phase = $state<FitPhase>('idle');
	#reviews = $state(0);
	#result = $state.raw<FitResult | undefined>();
	#error = $state('');
	#custom = $state(false);
	#previous: readonly number[] | undefined;

	constructor(fitter: Fitter = fsrsBrowserFitter) {
		this.#fitter = fitter;
	}

	get phase() {
		return this.#phase;
	}
	/** How many reviews this device holds. */
	get reviews() {
		return this.#reviews;
	}
	/** Whether there are enough reviews to offer a fit. */
	get canFit() {
		return this.#reviews >= MIN_REVIEWS_TO_FIT;
	}
	get result() {
		return this.#result;
	}
	get error() {
		return this.#error;
	}
	/** Whether the schedule uses fitted parameters now. */
	get usingFitted() {
		return this.#custom;
	}

	/** Counts the reviews, to know whether to offer a fit. */
	async load(): Promise<void> {
		this.#phase = 'counting';
		try {
			const [count, settings] = await Promise.all([
				countReviewsBetween(new Date(0), new Date(8.64e15)),
				loadStudySettings()
			]);
			this.#reviews = count;
			this.#custom = settings.fsrsParameters !== undefined;
			this.#phase = 'idle';
		} catch (error) {
			this.#error = errorText(error);
			this.#phase = 'error';
		}
	}

	/** Loads the optimizer, fits the parameters and measures both fits; changes nothing yet. */
	async fit(): Promise<void> {
		if (!this.canFit || this.#phase === 'fitting') return;
		this.#phase = 'fitting';
		this.#error = '';
		try {
			const [
				{ readProgressRows },
				settings,
				{ fsrsItems, isParameterSet, logLoss },
				{ default_w }
			] = await Promise.all([
				loadProgressReads(),
				loadStudySettings(),
				import('$lib/srs/optimizer-data'),
				import('ts-fsrs')
			]);
			const items = fsrsItems((await readProgressRows()).reviews, settings.dayStartHour);
			const parameters = await this.#fitter(items);
			if (!isParameterSet(parameters)) throw new Error(m.fit_no_parameters());
			const current = settings.fsrsParameters ?? default_w;
			this.#result = {
				parameters,
				before: logLoss(current, items),
				after: logLoss(parameters, items),
				items: items.count
			};
			this.#phase = 'fitted';
		} catch (error) {
			this.#error = errorText(error);
			this.#phase = 'error';
		}
	}

	/** Uses the fitted parameters from now on (the learner agreed). */
	async apply(): Promise<void> {
		const result = this.#result;
		if (!result || this.#phase !== 'fitted') return;
		try {
			const settings = await loadStudySettings();
			this.#previous = settings.fsrsParameters;
			const saved = await saveStudySettings({ ...settings, fsrsParameters: result.parameters });
			this.#custom = saved.fsrsParameters !== undefined;
			this.#phase = 'applied';
		} catch (error) {
			this.#error = errorText(error);
		}
	}

	/** Goes back to the parameters used before (Undo), or to FSRS-6's defaults. */
	async restore(): Promise<void> {
		try {
			const settings = await loadStudySettings();
			const { fsrsParameters: _, ...rest } = settings;
			void _;
			const saved = await saveStudySettings(
				this.#previous ? { ...rest, fsrsParameters: this.#previous } : rest
			);
			this.#previous = undefined;
			this.#custom = saved.fsrsParameters !== undefined;
			this.#result = undefined;
			this.#phase = 'idle';
		} catch (error) {
			this.#error = errorText(error);
		}
	}

	/** Leaves the parameters as they are. */
	dismiss(): void {
		this.#result = undefined;
		this.#phase = 'idle';
	}
}

// The /read page's state: which fact panel is open, the questions it lists, and the
// "Shade by mastery" view. The article itself is prerendered page data, so the bank, the
// database and their code are only loaded once the script runs, after the text is on screen.
import type { ReadingArticle } from '$lib/read/article';
import { m } from '$lib/paraglide/messages';
import { paragraphShades, type ParagraphShade } from '$lib/read/paragraph-shade';
import { questionsByFact, type ReadingQuestion } from '$lib/read/questions';
import { loadCardReads } from '$lib/storage';
import { errorText } from './error-text';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Remembers the shading switch between visits. */
const SHADE_SETTING = 'read.shadeByMastery';

/** The bank's items, loaded on demand so the page's own script stays small. */
async function bankItems() {
	const { getBank } = await import('./bank');
	return (await getBank()).items;
}

/** The storage code (Dexie is the largest script of the app), loaded on demand. */
const storage = () => import('$lib/storage');

export class ReadingState {
	#openFactIds = $state.raw<readonly string[]>([]);
	// replaced whole, never mutated: no SvelteMap needed
	#questions = $state.raw<ReadonlyMap<string, ReadingQuestion[]>>();
	#questionsStatus = $state<LoadStatus>('idle');
	#shading = $state(false);
	#shades = $state.raw<Record<string, ParagraphShade>>({});
	#shadeStatus = $state<LoadStatus>('idle');
	#error = $state('');
	#article = $state.raw<ReadingArticle | undefined>();

	/** The chosen article, when it is not the one the page was prerendered with. */
	get article() {
		return this.#article;
	}

	/** The facts of the open highlight, widest first; empty when no panel is open. */
	get openFactIds() {
		return this.#openFactIds;
	}
	get questionsStatus() {
		return this.#questionsStatus;
	}
	get shading() {
		return this.#shading;
	}
	get shades() {
		return this.#shades;
	}
	get shadeStatus() {
		return this.#shadeStatus;
	}
	/** The last failure, as a sentence. */
	get error() {
		return this.#error;
	}

	/** The questions made from a fact (empty until the bank has loaded). */
	questionsFor(factId: string): ReadingQuestion[] {
		return this.#questions?.get(factId) ?? [];
	}

	/** Opens the panel of a highlight and loads the questions if they are not there yet. */
	open(factIds: readonly string[]): void {
		this.#openFactIds = factIds;
		void this.#loadQuestions();
	}

	close(): void {
		this.#openFactIds = [];
	}

	/**
	 * Shows the learner's chosen article when it is not `prerendered` (the pack whose text the
	 * page's HTML holds): the page then renders it from that pack's bank.
	 */
	async showChosen(prerendered: string): Promise<void> {
		const { chosenPackId, getBank } = await import('./bank');
		if (chosenPackId() === prerendered) return;
		try {
			const bank = await getBank();
			if (bank.pack.id === prerendered) return;
			const { readingArticle } = await import('$lib/read/article');
			this.#article = readingArticle(bank);
		} catch (error) {
			this.#error = errorText(error);
		}
	}

	/** Restores the shading switch as the learner left it. */
	async restore(): Promise<void> {
		const { readSetting } = await storage();
		if (await readSetting(SHADE_SETTING, false)) await this.setShading(true);
	}

	/** Turns shading on (reading the cards afresh, another tab may have studied) or off. */
	async setShading(on: boolean): Promise<void> {
		this.#shading = on;
		void storage()
			.then(({ saveSetting }) => saveSetting(SHADE_SETTING, on))
			.catch(() => {
				// the switch still works for this visit; only remembering it failed
			});
		if (!on) return;
		this.#shadeStatus = 'loading';
		try {
			const [items, cards, { masteryReport }] = await Promise.all([
				bankItems(),
				loadCardReads().then(({ readCardMastery }) => readCardMastery()),
				import('$lib/progress/mastery')
			]);
			this.#shades = paragraphShades(masteryReport(items, cards).paragraphs);
			this.#shadeStatus = 'ready';
		} catch (error) {
			this.#shadeStatus = 'error';
			this.#error = m.reading_progress_failed({ error: errorText(error) });
		}
	}

	async #loadQuestions(): Promise<void> {
		if (this.#questionsStatus === 'ready' || this.#questionsStatus === 'loading') return;
		this.#questionsStatus = 'loading';
		try {
			this.#questions = questionsByFact(await bankItems());
			this.#questionsStatus = 'ready';
		} catch (error) {
			this.#questionsStatus = 'error';
			this.#error = m.reading_questions_failed({ error: errorText(error) });
		}
	}
}

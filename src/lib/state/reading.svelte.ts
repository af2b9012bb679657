// The /read page's state: which fact panel is open, the questions it lists, and the
// "Shade by mastery" view. The article itself is prerendered page data, so the bank, the
// database and their code are only loaded once the script runs, after the text is on screen.
import type { ReadingArticle } from '$lib/read/article';
import { m } from '$lib/paraglide/messages';
import { paragraphShades, type ParagraphShade } from '$lib/read/paragraph-shade';
import { questionsByFact, type ReadingQuestion } from '$lib/read/questions';
import { clozeFromSelection, selectedWords } from '$lib/srs/own-card-text';
import type { OwnCard, OwnCardKind } from '$lib/srs/own-cards';
import { loadCardReads, type OwnSnapshot } from '$lib/storage';
import { errorText } from './error-text';

/** Words the learner selected in one paragraph, where they sit in its text. */
export interface ReadSelection {
	paragraph: string;
	/** The paragraph's whole text, for the cloze's sentence. */
	paragraphText: string;
	start: number;
	end: number;
}

/** A card being made from a selection. */
export interface CardDraft {
	selection: ReadSelection;
	quote: string;
	kind: OwnCardKind;
	front: string;
	back: string;
}

/** The selected words, whole words only. */
function quoteOf(selection: ReadSelection): string {
	const words = selectedWords(selection.paragraphText, selection);
	return words ? selection.paragraphText.slice(words.start, words.end) : '';
}

/** The sides a draft starts with for each kind: a cloze gaps the words, a question answers with them. */
export function draftSides(
	selection: ReadSelection,
	kind: OwnCardKind
): { front: string; back: string } {
	const quote = quoteOf(selection);
	if (kind === 'cloze')
		return clozeFromSelection(selection.paragraphText, selection) ?? { front: '', back: quote };
	return { front: '', back: quote };
}

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
	#ownByParagraph = $state.raw<ReadonlyMap<string, OwnCard[]>>(new Map());
	#selection = $state.raw<ReadSelection | undefined>();
	#draft = $state.raw<CardDraft | undefined>();
	#formError = $state('');
	#announcement = $state('');
	#undo = $state.raw<{ snapshot: OwnSnapshot; label: string }[]>([]);
	#busy = false;
	#clock: () => Date;

	constructor(clock: () => Date = () => new Date()) {
		this.#clock = clock;
	}

	/** The learner's own cards made from paragraph `id`. */
	ownCardsOf(id: string): OwnCard[] {
		return this.#ownByParagraph.get(id) ?? [];
	}
	/** The words selected in the article now, when they lie in one paragraph. */
	get selection() {
		return this.#selection;
	}
	set selection(selection: ReadSelection | undefined) {
		this.#selection = selection;
	}
	/** The card being made, while its form is open. */
	get draft() {
		return this.#draft;
	}
	get formError() {
		return this.#formError;
	}
	get announcement() {
		return this.#announcement;
	}
	get canUndo() {
		return this.#undo.length > 0;
	}

	/** Opens the "Make a card" form for the selection (a cloze of it to start with). */
	startCard(kind: OwnCardKind = 'cloze'): void {
		const selection = this.#selection;
		if (!selection) return;
		const quote = quoteOf(selection);
		if (!quote) return;
		this.#formError = '';
		this.#draft = { selection, quote, kind, ...draftSides(selection, kind) };
	}

	cancelCard(): void {
		this.#draft = undefined;
		this.#formError = '';
	}

	/** Stores the card the form holds; answers whether it was stored (else `formError` says why). */
	async saveCard(card: { kind: OwnCardKind; front: string; back: string }): Promise<boolean> {
		const draft = this.#draft;
		if (!draft || this.#busy) return false;
		this.#busy = true;
		try {
			const [{ addOwnCard }, { chosenPackId }] = await Promise.all([storage(), import('./bank')]);
			const { snapshot } = await addOwnCard(
				{
					...card,
					packId: chosenPackId(),
					paragraph: draft.selection.paragraph,
					quote: draft.quote
				},
				this.#clock()
			);
			this.#undo = [...this.#undo, { snapshot, label: 'your card' }];
			this.#draft = undefined;
			this.#selection = undefined;
			this.#formError = '';
			this.#announcement = m.read_card_saved();
			await this.loadOwnCards();
			return true;
		} catch (error) {
			this.#formError = errorText(error);
			return false;
		} finally {
			this.#busy = false;
		}
	}

	/** Takes back the last card made here. */
	async undo(): Promise<void> {
		const last = this.#undo.at(-1);
		if (!last || this.#busy) return;
		this.#busy = true;
		try {
			const { restoreOwnSnapshot } = await storage();
			await restoreOwnSnapshot(last.snapshot);
			this.#undo = this.#undo.slice(0, -1);
			this.#announcement = m.read_card_undone();
			await this.loadOwnCards();
		} catch (error) {
			this.#announcement = m.read_undo_failed({ error: errorText(error) });
		} finally {
			this.#busy = false;
		}
	}

	/** Reads the learner's own cards, to mark them beside their paragraphs. */
	async loadOwnCards(): Promise<void> {
		try {
			const [{ loadOwnDeck }, { chosenPackId, DEFAULT_PACK_ID }, { ownCardsOf }] =
				await Promise.all([storage(), import('./bank'), import('$lib/srs/own-cards')]);
			const byParagraph = new Map<string, OwnCard[]>();
			const mine = ownCardsOf((await loadOwnDeck()).ownCards, chosenPackId(), DEFAULT_PACK_ID);
			for (const card of mine) {
				if (!card.paragraph) continue;
				byParagraph.set(card.paragraph, [...(byParagraph.get(card.paragraph) ?? []), card]);
			}
			this.#ownByParagraph = byParagraph;
		} catch (error) {
			this.#error = m.read_own_failed({ error: errorText(error) });
		}
	}

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
		void this.loadOwnCards();
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

// The /cards page's state: every study card with its schedule and the learner's marks, the
// search, filters, sort and selection over them, the actions on a selection (each one
// transaction, each undoable) and one card's history.
import { m } from '$lib/paraglide/messages';
import { flagName } from '$lib/i18n/flag-name';
// module by module, not the '$lib/srs' index, which brings the whole FSRS scheduler
import {
	browserRows,
	cardHistoryEntries,
	DEFAULT_QUERY,
	queryRows,
	type BrowserItem,
	type BrowserQuery,
	type BrowserRow,
	type HistoryEntry
} from '$lib/srs/card-browser';
import type { FlagColour } from '$lib/srs/card-flags';
import { studyDayBounds } from '$lib/srs/study-day';
import type { BankItem } from '$lib/bank/types';
import { isOwnCardId, type OwnCardKind } from '$lib/srs/own-cards';
import {
	addOwnCard,
	cardHistory,
	changeCardFlags,
	deleteOwnCard,
	editOwnCard,
	loadCardBrowser,
	resetCards,
	restoreCards,
	restoreOriginalWording,
	restoreOwnSnapshot,
	saveWording,
	type CardBrowserData,
	type CardsSnapshot,
	type OwnCardInput,
	type OwnSnapshot
} from '$lib/storage';
import { loadDeck } from './deck';
import { errorText } from './error-text';
import { loadStudySettings } from './study-settings';

export type CardsStatus = 'loading' | 'ready' | 'error';

/** An action on the selection, named as the page's buttons and announcements name it. */
export type CardAction =
	'suspend' | 'unsuspend' | 'bury' | 'unbury' | 'reset' | { flag: FlagColour | undefined };

type Undoable = { label: string } & (
	{ snapshot: CardsSnapshot; own?: never } | { own: OwnSnapshot; snapshot?: never }
);

/** What the editor of the open card changes: an own card's text, or a bank card's wording. */
export type EditTarget = 'own' | 'wording';

function actionLabel(action: CardAction, n: number): string {
	const cards = m.count_cards({ count: n });
	if (typeof action === 'object')
		return action.flag
			? m.cards_flagged({ cards, flag: flagName(action.flag) })
			: m.cards_unflagged({ cards });
	const labels = {
		suspend: m.cards_suspended,
		unsuspend: m.cards_unsuspended,
		bury: m.cards_buried,
		unbury: m.cards_unburied,
		reset: m.cards_reset
	} as const;
	return labels[action]({ cards });
}

export class CardBrowser {
	#clock: () => Date;
	#dayStartHour = 4;
	#items: BankItem[] = [];
	#bankItems = new Map<string, BankItem>();
	#reworded: ReadonlySet<string> = new Set();
	#data: CardBrowserData | undefined;
	#busy = false;

	#status = $state<CardsStatus>('loading');
	#error = $state('');
	#rows = $state.raw<BrowserRow[]>([]);
	#query = $state<BrowserQuery>({ ...DEFAULT_QUERY });
	#selected = $state.raw<ReadonlySet<string>>(new Set());
	#undo = $state.raw<Undoable[]>([]);
	#announcement = $state('');
	#openId = $state<string | undefined>();
	#history = $state.raw<HistoryEntry[]>([]);
	#editing = $state(false);
	#formError = $state('');
	#version = $state(0);

	#visible = $derived(queryRows(this.#rows, this.#query));

	constructor(clock: () => Date = () => new Date()) {
		this.#clock = clock;
	}

	get status() {
		return this.#status;
	}
	get error() {
		return this.#error;
	}
	/** The search, filters and sort; the page binds its controls to these fields. */
	get query() {
		return this.#query;
	}
	get rows() {
		return this.#rows;
	}
	/** The rows the query keeps, in its order. */
	get visible() {
		return this.#visible;
	}
	get topics(): string[] {
		void this.#version;
		return [...new Set(this.#items.map((i) => i.topic))];
	}
	get types(): string[] {
		void this.#version;
		return [...new Set(this.#items.map((i) => i.type))];
	}
	get selected() {
		return this.#selected;
	}
	get canUndo() {
		return this.#undo.length > 0;
	}
	/** The last thing that happened, for a live region. */
	get announcement() {
		return this.#announcement;
	}
	/** The card whose details are open. */
	get openId() {
		return this.#openId;
	}
	get openItem(): BankItem | undefined {
		void this.#version; // items are replaced on reload
		return this.#items.find((i) => i.id === this.#openId);
	}
	/** The bank's own wording of the open card, when it is a bank card. */
	get openOriginal(): BankItem | undefined {
		return this.#openId ? this.#bankItems.get(this.#openId) : undefined;
	}
	/** Whether the open card is one the learner wrote. */
	get openIsOwn(): boolean {
		return this.#openId !== undefined && isOwnCardId(this.#openId);
	}
	/** Whether the open bank card shows the learner's wording. */
	get openIsReworded(): boolean {
		void this.#version;
		return this.#openId !== undefined && this.#reworded.has(this.#openId);
	}
	/** Whether the open card's editor is showing. */
	get editing() {
		return this.#editing;
	}
	/** Why the last card or wording was not saved (empty when it was). */
	get formError() {
		return this.#formError;
	}
	get history() {
		return this.#history;
	}

	/** Loads the bank, the study day's hour and every card. */
	async load(): Promise<void> {
		try {
			const settings = await loadStudySettings();
			this.#dayStartHour = settings.dayStartHour;
			await this.#reload();
			this.#status = 'ready';
		} catch (error) {
			this.#error = errorText(error);
			this.#status = 'error';
		}
	}

	/** Uses `items` instead of the bank (the benchmark's 10,000 cards). */
	async loadItems(items: readonly BrowserItem[]): Promise<void> {
		this.#items = items as BankItem[];
		this.#fixedItems = true;
		await this.#reload();
		this.#status = 'ready';
	}

	#fixedItems = false;
	#packId: string | undefined;

	async #reload(): Promise<void> {
		if (!this.#fixedItems) {
			const deck = await loadDeck();
			this.#packId = deck.bank.pack.id;
			this.#items = deck.items;
			this.#bankItems = new Map(deck.bankItems.map((i) => [i.id, i]));
			this.#reworded = new Set(deck.own.wordings.keys());
		}
		this.#data = await loadCardBrowser();
		const { cards, flags, lastRatings } = this.#data;
		this.#rows = browserRows(this.#items, cards, flags, lastRatings, this.#clock(), this.#reworded);
		this.#version++;
	}

	/** Sorts by `key`; the same key again reverses the order. */
	sortBy(key: BrowserQuery['sort']): void {
		if (this.#query.sort === key) this.#query.descending = !this.#query.descending;
		else {
			this.#query.sort = key;
			this.#query.descending = false;
		}
	}

	toggle(itemId: string): void {
		const next = new Set(this.#selected);
		if (!next.delete(itemId)) next.add(itemId);
		this.#selected = next;
	}

	/** Selects every visible card, or clears the selection when all are selected. */
	toggleAll(): void {
		const all =
			this.#visible.length > 0 && this.#visible.every((r) => this.#selected.has(r.itemId));
		this.#selected = all ? new Set() : new Set(this.#visible.map((r) => r.itemId));
	}

	/** Applies `action` to `itemIds` (the selection by default) in one transaction. */
	async apply(action: CardAction, itemIds: readonly string[] = [...this.#selected]): Promise<void> {
		if (this.#busy || itemIds.length === 0) return;
		this.#busy = true;
		try {
			const now = this.#clock();
			const snapshot = await this.#write(action, itemIds, now);
			const label = actionLabel(action, itemIds.length);
			this.#undo = [...this.#undo, { snapshot, label }];
			await this.#reload();
			if (this.#openId && itemIds.includes(this.#openId)) await this.#loadHistory();
			this.#announcement = m.cards_done({ label });
			this.#error = '';
		} catch (error) {
			this.#error = errorText(error);
		} finally {
			this.#busy = false;
		}
	}

	#write(action: CardAction, itemIds: readonly string[], now: Date): Promise<CardsSnapshot> {
		if (typeof action === 'object') return changeCardFlags(itemIds, { flag: action.flag }, now);
		switch (action) {
			case 'suspend':
				return changeCardFlags(itemIds, { suspended: true }, now);
			case 'unsuspend':
				return changeCardFlags(itemIds, { suspended: undefined }, now);
			case 'bury':
				// until the study day ends, as Anki buries "until tomorrow"
				return changeCardFlags(
					itemIds,
					{ buriedUntil: studyDayBounds(now, this.#dayStartHour).end },
					now
				);
			case 'unbury':
				return changeCardFlags(itemIds, { buriedUntil: undefined }, now);
			case 'reset':
				return resetCards(itemIds, now);
		}
	}

	/** Takes back the latest action exactly. */
	async undo(): Promise<void> {
		const last = this.#undo.at(-1);
		if (this.#busy || !last) return;
		this.#busy = true;
		try {
			if (last.own) await restoreOwnSnapshot(last.own);
			else await restoreCards(last.snapshot, this.#clock());
			this.#undo = this.#undo.slice(0, -1);
			await this.#reload();
			if (this.#openId) await this.#loadHistory();
			this.#announcement = m.cards_undone({ label: last.label.toLowerCase() });
		} catch (error) {
			this.#error = errorText(error);
		} finally {
			this.#busy = false;
		}
	}

	/** Opens one card's details and history (undefined closes them). */
	async open(itemId: string | undefined, { edit = false } = {}): Promise<void> {
		this.#openId = itemId;
		this.#history = [];
		this.#editing = edit && itemId !== undefined;
		this.#formError = '';
		if (itemId) await this.#loadHistory();
	}

	async #loadHistory(): Promise<void> {
		const id = this.#openId;
		if (!id) return;
		try {
			const reviews = await cardHistory(id);
			if (id === this.#openId)
				this.#history = cardHistoryEntries(reviews, this.#data?.cards.get(id));
		} catch (error) {
			this.#error = errorText(error);
		}
	}

	/** Shows or hides the editor of the open card. */
	setEditing(on: boolean): void {
		this.#editing = on;
		this.#formError = '';
	}

	/** Runs one change of the learner's own text; a refused text is said in `formError`. */
	async #own(label: string, write: () => Promise<OwnSnapshot>): Promise<boolean> {
		if (this.#busy) return false;
		this.#busy = true;
		try {
			const own = await write();
			this.#undo = [...this.#undo, { own, label }];
			await this.#reload();
			if (this.#openId) await this.#loadHistory();
			this.#announcement = m.cards_done({ label });
			this.#formError = '';
			this.#error = '';
			return true;
		} catch (error) {
			this.#formError = errorText(error);
			return false;
		} finally {
			this.#busy = false;
		}
	}

	/** Writes a new card of the learner's own; answers whether it was stored. */
	async addCard(input: OwnCardInput): Promise<boolean> {
		let id = '';
		const added = await this.#own(m.own_added(), async () => {
			const { card, snapshot } = await addOwnCard(
				{ packId: this.#packId, ...input },
				this.#clock()
			);
			id = card.id;
			return snapshot;
		});
		if (added) await this.open(id);
		return added;
	}

	/**
	 * Saves the open card's new front and back: an own card is rewritten, a bank card keeps
	 * the learner's wording apart from the bank. Answers whether it was stored.
	 */
	async saveEdit(front: string, back: string): Promise<boolean> {
		const id = this.#openId;
		if (!id) return false;
		const now = this.#clock();
		let saved: boolean;
		if (isOwnCardId(id)) {
			saved = await this.#own(m.own_saved(), () => editOwnCard(id, { front, back }, now));
		} else {
			const original = this.#bankItems.get(id);
			if (!original) return false;
			const type = original.type as 'flashcard' | 'reverse' | 'cloze';
			saved = await this.#own(m.own_wording_saved(), () =>
				saveWording({ ...original, type }, { front, back }, now)
			);
		}
		if (saved) this.#editing = false;
		return saved;
	}

	/** "Restore the original": the open bank card shows the bank's wording again. */
	async restoreOriginal(): Promise<void> {
		const id = this.#openId;
		if (!id || isOwnCardId(id)) return;
		await this.#own(m.own_restored(), () => restoreOriginalWording(id));
	}

	/** Deletes the open own card, its schedule and its reviews (Undo puts all of it back). */
	async deleteOpen(): Promise<void> {
		const id = this.#openId;
		if (!id || !isOwnCardId(id)) return;
		const deleted = await this.#own(m.own_deleted(), () => deleteOwnCard(id));
		if (deleted) {
			this.#openId = undefined;
			this.#selected = new Set([...this.#selected].filter((s) => s !== id));
		}
	}
}

export type { OwnCardKind };

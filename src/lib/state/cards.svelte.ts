// The /cards page's state: every study card with its schedule and the learner's marks, the
// search, filters, sort and selection over them, the actions on a selection (each one
// transaction, each undoable) and one card's history.
import { m } from '$lib/paraglide/messages';
import { flagName } from '$lib/i18n/flag-name';
import { studyItems } from '$lib/bank/study-items';
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
import {
	cardHistory,
	changeCardFlags,
	loadCardBrowser,
	resetCards,
	restoreCards,
	type CardBrowserData,
	type CardsSnapshot
} from '$lib/storage';
import { getBank } from './bank';
import { errorText } from './error-text';
import { loadStudySettings } from './study-settings';

export type CardsStatus = 'loading' | 'ready' | 'error';

/** An action on the selection, named as the page's buttons and announcements name it. */
export type CardAction =
	'suspend' | 'unsuspend' | 'bury' | 'unbury' | 'reset' | { flag: FlagColour | undefined };

interface Undoable {
	snapshot: CardsSnapshot;
	label: string;
}

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
		return [...new Set(this.#items.map((i) => i.topic))];
	}
	get types(): string[] {
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
		return this.#items.find((i) => i.id === this.#openId);
	}
	get history() {
		return this.#history;
	}

	/** Loads the bank, the study day's hour and every card. */
	async load(): Promise<void> {
		try {
			const [bank, settings] = await Promise.all([getBank(), loadStudySettings()]);
			this.#items = studyItems(bank);
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
		await this.#reload();
		this.#status = 'ready';
	}

	async #reload(): Promise<void> {
		this.#data = await loadCardBrowser();
		const { cards, flags, lastRatings } = this.#data;
		this.#rows = browserRows(this.#items, cards, flags, lastRatings, this.#clock());
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
		if (typeof action === 'object') return changeCardFlags(itemIds, { flag: action.flag });
		switch (action) {
			case 'suspend':
				return changeCardFlags(itemIds, { suspended: true });
			case 'unsuspend':
				return changeCardFlags(itemIds, { suspended: undefined });
			case 'bury':
				// until the study day ends, as Anki buries "until tomorrow"
				return changeCardFlags(itemIds, {
					buriedUntil: studyDayBounds(now, this.#dayStartHour).end
				});
			case 'unbury':
				return changeCardFlags(itemIds, { buriedUntil: undefined });
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
			await restoreCards(last.snapshot);
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
	async open(itemId: string | undefined): Promise<void> {
		this.#openId = itemId;
		this.#history = [];
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
}

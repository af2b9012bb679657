// The .apkg for the study deck, built in the browser. sql.js and its WebAssembly load only
// here, when a learner exports, and the .wasm is one of the app's own files (never a CDN),
// precached with the rest so the export works offline too.
import type { Bank, BankItem } from '$lib/bank/types';
import { ankiNotes, type DeckSource } from '$lib/progress/anki-notes';

/** The study deck (`items`: the bank's and the learner's own) as .apkg bytes, links at `readUrl`. */
export async function ankiPackage(
	bank: Bank,
	items: readonly BankItem[],
	readUrl: string,
	now: Date
): Promise<Uint8Array> {
	const [{ default: initSqlJs }, { default: wasmUrl }, { deckApkg }] = await Promise.all([
		import('sql.js'),
		import('sql.js/dist/sql-wasm-browser.wasm?url'),
		import('$lib/progress/deck-apkg')
	]);
	const SQL = await initSqlJs({ locateFile: () => wasmUrl });
	const source = deckSource(bank, readUrl);
	return deckApkg(SQL, ankiNotes(items, source), source.title, now);
}

/** The deck source for the text export, from the same bank. */
export function deckSource(bank: Bank, readUrl: string): DeckSource {
	return { packId: bank.pack.id, title: bank.pack.source.title, readUrl };
}

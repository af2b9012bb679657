// The card browser with 10,000 cards in Chromium: each search keystroke, from the input
// event to the frame that shows the narrowed list. The bank is served with its study items
// copied until there are 9,000, and 1,000 cards of the learner's own are stored, so the page
// does its real work (the deck joined, search, sort, virtual list).
import { readFileSync } from 'node:fs';
import type { Bank, BankItem } from '../../src/lib/bank/types';
import { STUDY_TYPES } from '../../src/lib/bank/types';
import { withAppPage } from './browser';
import { summarize, type BenchResult, type Benchmark } from './measure';

const CARDS = 10_000;
const OWN_CARDS = 1_000;
const FRAME_BUDGET_MS = 50;
// words that narrow the list a little, a lot, and to nothing, typed and erased letter by letter
const WORDS = ['operation barkhane', 'mali', 'wagner group', 'zzz'];

function tenThousandCards(): Bank {
	const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
	const study = bank.items.filter((i) => (STUDY_TYPES as readonly string[]).includes(i.type));
	const items: BankItem[] = [];
	for (let i = 0; items.length < CARDS - OWN_CARDS; i++) {
		const item = study[i % study.length]!;
		const copy = Math.floor(i / study.length);
		items.push(
			copy === 0
				? item
				: { ...item, id: `${item.id}-copy${copy}`, prompt: `${item.prompt} (${copy})` }
		);
	}
	return { ...bank, items: [...bank.items.filter((i) => !study.includes(i)), ...items] };
}

// In-page code as text (see browser.ts): sets the search box, then waits for the frame after
// the update has rendered (a message posted from the next animation frame runs after paint).
const KEY_TO_FRAME = `async (text) => {
	const input = document.querySelector('input[type="search"]');
	const t0 = performance.now();
	input.value = text;
	input.dispatchEvent(new Event('input', { bubbles: true }));
	return new Promise((resolve) => requestAnimationFrame(() => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => resolve(performance.now() - t0);
		channel.port2.postMessage(0);
	}));
}`;

async function runCardsBrowser(): Promise<BenchResult[]> {
	const body = JSON.stringify(tenThousandCards());
	return withAppPage(async (page, url) => {
		await page.route('**/bank/*.json', (route) =>
			route.fulfill({ body, contentType: 'application/json' })
		);
		await page.goto(`${url}/cards`);
		// one own card through the form (which makes the database), the rest written straight in
		await page.getByRole('button', { name: 'Write a card' }).click();
		await page
			.getByRole('textbox', { name: 'Front' })
			.fill('Which operation did France end in 2022?');
		await page.getByRole('textbox', { name: 'Back' }).fill('Operation Barkhane');
		await page.getByRole('button', { name: 'Save card' }).click();
		await page.getByRole('heading', { name: 'Card details' }).waitFor();
		await page.evaluate(`new Promise((resolve, reject) => {
			const open = indexedDB.open('sahel-brief');
			open.onsuccess = () => {
				const tx = open.result.transaction('ownCards', 'readwrite');
				const at = new Date();
				for (let i = 1; i < ${OWN_CARDS}; i++) {
					tx.objectStore('ownCards').put({ id: 'own-bench-' + i, kind: 'basic',
						front: 'My question ' + i + ' about Mali and the Wagner Group?',
						back: 'My answer ' + i, paragraph: 'p' + (1 + (i % 40)), createdAt: at, updatedAt: at });
				}
				tx.oncomplete = () => { open.result.close(); resolve(); };
				tx.onerror = () => reject(tx.error);
			};
		})`);
		await page.reload();
		await page.getByText(`of ${CARDS.toLocaleString('en-US')} cards shown`).waitFor();
		const times: number[] = [];
		for (const word of WORDS) {
			for (let n = 1; n <= word.length; n++) {
				times.push(await page.evaluate(`(${KEY_TO_FRAME})(${JSON.stringify(word.slice(0, n))})`));
			}
			for (let n = word.length - 1; n >= 0; n--) {
				times.push(await page.evaluate(`(${KEY_TO_FRAME})(${JSON.stringify(word.slice(0, n))})`));
			}
		}
		return [
			summarize(
				`cards: search keystroke -> frame (${CARDS} cards, ${OWN_CARDS} own)`,
				times,
				FRAME_BUDGET_MS
			)
		];
	});
}

export const cardsBrowserBenchmarks: Benchmark[] = [
	{ name: 'browser-cards', run: runCardsBrowser }
];

import { test as base, expect, type Page } from '@playwright/test';

/** Every page in the app, with the heading it must show. */
export const PAGES = [
	{ path: '/', heading: 'Today' },
	{ path: '/study', heading: 'Study' },
	{ path: '/quiz', heading: 'Quiz' },
	{ path: '/read', heading: 'Read the article' },
	{ path: '/progress', heading: 'Your progress' },
	{ path: '/assign', heading: 'Assign a quiz' },
	{ path: '/gradebook', heading: 'Gradebook' },
	{ path: '/settings', heading: 'Settings' },
	{ path: '/cards', heading: 'Your cards' },
	{ path: '/a', heading: 'My assignments' },
	// reached from Settings ("Set up sync"), not from the navigation
	{ path: '/sync', heading: 'Sync between devices', via: '/settings' }
] as const;

/** Every page again in French, under /fr, with its French heading. */
export const FRENCH_PAGES = [
	{ path: '/fr', heading: 'Accueil' },
	{ path: '/fr/study', heading: 'Réviser' },
	{ path: '/fr/quiz', heading: 'Quiz' },
	{ path: '/fr/read', heading: 'Lire l’article' },
	{ path: '/fr/progress', heading: 'Vos progrès' },
	{ path: '/fr/assign', heading: 'Donner un quiz en devoir' },
	{ path: '/fr/gradebook', heading: 'Carnet de notes' },
	{ path: '/fr/settings', heading: 'Réglages' },
	{ path: '/fr/cards', heading: 'Vos cartes' },
	{ path: '/fr/a', heading: 'Mes devoirs' }
] as const;

/** Fails the test on any console error or uncaught exception the page produced. */
export const test = base.extend<{ consoleErrors: string[] }>({
	consoleErrors: async ({ page }, use) => {
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		page.on('pageerror', (error) => errors.push(error.message));
		await use(errors);
		expect(errors, 'console errors').toEqual([]);
	}
});

export { expect };

/** Waits until the service worker has installed and precached the app. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		if (registration.active?.state !== 'activated') {
			await new Promise<void>((resolve) =>
				registration.active?.addEventListener('statechange', () => resolve())
			);
		}
	});
}

/**
 * How many rows a table of the app's database holds, read straight from IndexedDB; for
 * 'reviews', how many ratings its cards' logs hold (one row per card: see review-log.ts).
 */
export async function countRows(page: Page, table: string): Promise<number> {
	return page.evaluate(
		(table) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('sahel-brief');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const name = table === 'reviews' ? 'reviewLogs' : table;
					if (!db.objectStoreNames.contains(name)) {
						db.close();
						resolve(0);
						return;
					}
					const store = db.transaction(name).objectStore(name);
					const request = name === 'reviewLogs' ? store.getAll() : store.count();
					request.onsuccess = () => {
						db.close();
						const result = request.result as
							number | { reviews: unknown[]; packed?: { uids: string[] } }[];
						// a log's ratings: its packed ones (review-pack.ts) and its rows
						resolve(
							typeof result === 'number'
								? result
								: result.reduce(
										(sum, log) =>
											sum +
											(log.packed?.uids.length ?? 0) +
											(Array.isArray(log.reviews) ? log.reviews.length : 0),
										0
									)
						);
					};
					request.onerror = () => reject(request.error);
				};
			}),
		table
	);
}

// Registers the service worker and says when a new version waits, in a few lines of the
// platform's API: workbox-window (what vite-plugin-pwa's registerSW loads) cost every page
// 3 KB of gzipped script on its first visit for the same three events.

export interface WorkerEvents {
	/** A new version is installed and waits for the learner's word. */
	onNeedRefresh: () => void;
	/** The new version took control of this tab (after a prompt in this or another tab). */
	onNeedReload: () => void;
}

/** The worker's URL and scope: absolute, so a page under /fr/ registers the same worker. */
export const WORKER_URL = '/sw.js';

/** Registers the worker once the page has loaded; the function returned activates a waiting version. */
export function registerSW({ onNeedRefresh, onNeedReload }: WorkerEvents): () => Promise<void> {
	const container = navigator.serviceWorker;
	let prompted = false;
	const prompt = () => {
		if (prompted) return;
		prompted = true;
		// the worker that asked to take over (clients.claim) now controls this tab
		container.addEventListener('controllerchange', () => onNeedReload(), { once: true });
		onNeedRefresh();
	};
	// a worker is a new version only when another one already controls the page
	const watch = (worker: ServiceWorker | null) =>
		worker?.addEventListener('statechange', () => {
			if (worker.state === 'installed' && container.controller) prompt();
		});

	const registering = (async () => {
		// the worker's downloads wait until the page itself has finished loading
		if (document.readyState !== 'complete') {
			await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
		}
		const registration = await container.register(WORKER_URL, { scope: '/' });
		if (registration.waiting && container.controller) prompt();
		watch(registration.installing);
		registration.addEventListener('updatefound', () => watch(registration.installing));
		return registration;
	})().catch(() => undefined); // no worker (private mode, blocked): the page works online

	return async () => {
		const registration = await registering;
		// sw.js listens for this message and calls skipWaiting()
		registration?.waiting?.postMessage({ type: 'SKIP_WAITING' });
	};
}

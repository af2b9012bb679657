// Receipts queued for a class inbox leave from whichever page is open, not only from /a: a
// student who handed in on the bus and later opens the home page delivers them there. This
// part loads on every page of a device that stored anything (see outbox-start), so it only
// peeks at the outbox without the database code (hasQueuedDeliveries); the database code and
// the sender load once something is queued, the channel's code once the server answers too.
import { hasQueuedDeliveries, queuedDeliveries } from '$lib/storage';
import type { OutboxSender } from './outbox-sender';

/** How long a page waits before looking again for a server it could not reach. */
const RETRY_MS = 5_000;

let retry: ReturnType<typeof setTimeout> | undefined;
let listening = false;

/**
 * Whether this page's server answers now. `navigator.onLine` is only a hint: a page opened
 * with no network can read it as true (seen in Chromium), and loading the channel's code
 * then fails for good; a request that no cache answers tells.
 */
async function serverAnswers(): Promise<boolean> {
	if (globalThis.navigator?.onLine === false) return false;
	// outside a page (unit tests in Node) there is nothing to load
	if (typeof location === 'undefined' || typeof fetch !== 'function') return true;
	try {
		const reply = await fetch(`/_app/version.json?reach=${Date.now()}`, { cache: 'no-store' });
		return reply.ok;
	} catch {
		return false;
	}
}

const tryQuietly = () => void deliverQueued().catch(() => undefined);

/** Looks again in a while: 'online' may never fire when the browser thought it was online. */
function tryAgainLater(): void {
	if (retry !== undefined) return;
	retry = setTimeout(() => {
		retry = undefined;
		tryQuietly();
	}, RETRY_MS);
}

/**
 * Sends every queued receipt through this page's sender (or `sender`, in tests) once the
 * server answers; until then looks again every few seconds and when the device comes online.
 */
export async function deliverQueued(sender?: OutboxSender): Promise<void> {
	if (!(await hasQueuedDeliveries())) return;
	if (!listening) {
		// back online: try again at once (a delivery that could not even start waits for this)
		listening = true;
		globalThis.addEventListener?.('online', tryQuietly);
	}
	// offline, the channel's module cannot load (it is not precached), and Chromium keeps a
	// failed dynamic import failed for the page's life: ask for it only once the server answers
	if (!(await serverAnswers())) {
		tryAgainLater();
		return;
	}
	const rows = await queuedDeliveries();
	if (rows.length === 0) return;
	await (sender ?? (await import('./outbox-sender')).outboxSender).send(rows);
}

/** Starts delivering what an earlier visit queued; once per page load, from outbox-start. */
export function watchOutbox(): void {
	tryQuietly();
}

// The layout's first look at the outbox, on every page load. A first visit (no database) must
// load nothing for it (the home page's budget), so the watch itself loads only where a
// database exists, and it peeks at the queue before anything heavier.
import { databaseExists } from '$lib/storage';

/** Starts delivering what an earlier visit queued, from whichever page is open. */
export function startOutboxWatch(): void {
	void databaseExists().then(async (exists) => {
		if (exists) (await import('./outbox-watch')).watchOutbox();
	});
}

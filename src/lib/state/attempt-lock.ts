// One tab runs an attempt at a time. A Web Lock named for the attempt is held while a tab
// runs it; a second tab is told, and may take the attempt over ("Continue here"), which tells
// the first. Without Web Locks (old browsers, Node tests) every tab may run it.

export interface AttemptLock {
	/** Lets go of the attempt (the page is leaving it). */
	release(): void;
}

interface LockManagerLike {
	request(
		name: string,
		options: { ifAvailable?: boolean; steal?: boolean },
		callback: (lock: unknown) => Promise<void>
	): Promise<void>;
}

function lockManager(): LockManagerLike | undefined {
	const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
	return nav?.locks;
}

/**
 * Holds the lock of attempt `id`; undefined when another tab holds it (unless `steal`).
 * `onLost` runs when another tab takes the attempt over.
 */
export function lockAttempt(
	id: string,
	{ steal = false, onLost }: { steal?: boolean; onLost: () => void }
): Promise<AttemptLock | undefined> {
	const locks = lockManager();
	if (!locks) return Promise.resolve({ release() {} });
	return new Promise((resolve) => {
		let release = () => {};
		const held = new Promise<void>((done) => (release = done));
		let released = false;
		locks
			.request(
				`sahel-brief:attempt:${id}`,
				steal ? { steal: true } : { ifAvailable: true },
				(lock) => {
					if (!lock) {
						resolve(undefined);
						return Promise.resolve();
					}
					resolve({
						release() {
							released = true;
							release();
						}
					});
					return held;
				}
			)
			// a stolen lock rejects its request: another tab runs the attempt now
			.catch(() => {
				if (!released) onLost();
			});
	});
}

// A hint for the app shell, kept beside the queue of sealed receipts (the database stays the
// truth): set when a receipt is queued, taken off when a look at the queue finds it empty.
// Every page reads it without loading the database or the channel's code, and only then sends
// what waits, so a student who handed in offline need not open /a again for it to leave.
const KEY = 'sahel-brief:receipts-waiting';

export function setReceiptsWaiting(waiting: boolean): void {
	try {
		if (waiting) globalThis.localStorage?.setItem(KEY, '1');
		else globalThis.localStorage?.removeItem(KEY);
	} catch {
		// storage refused: /a still sends the queue whenever it opens
	}
}

/** Whether a receipt may be waiting to be sent. */
export function receiptsMayWait(): boolean {
	try {
		return globalThis.localStorage?.getItem(KEY) === '1';
	} catch {
		return false;
	}
}

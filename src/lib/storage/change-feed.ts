// Who wants to know that this tab stored something the learner owns (sync mirrors it). A plain
// in-tab list: another tab that syncs sees the change when it next compares (on its own start,
// and every time it reconnects), so no message between tabs is needed.

/**
 * What changed: a rating or its Undo, a setting (by key), an attempt, a receipt, a card's
 * marks, or the learner's own cards and wordings.
 */
export type LocalChange =
	| { kind: 'reviews' }
	| { kind: 'setting'; key: string }
	| { kind: 'attempts' }
	| { kind: 'receipts' }
	| { kind: 'marks' }
	| { kind: 'cards' };

type Listener = (change: LocalChange) => void;
const listeners = new Set<Listener>();

/** Calls `listener` after each local change; answers the function that stops it. */
export function onLocalChange(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Tells the listeners; a failing listener never fails the write that already happened. */
export function noteLocalChange(change: LocalChange): void {
	for (const listener of listeners) {
		try {
			listener(change);
		} catch {
			// a listener's own error is its own: the learner's data is stored
		}
	}
}

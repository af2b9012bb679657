// The rules for a class inbox (see src/lib/sync/class-space.ts): an append-only list of
// sealed receipts. A student's connection may only add envelopes to the end of the one list:
// no deletion (a Yjs update's delete set), no other name, no nested type, nothing but one
// envelope-shaped string per item, none oversized. Items are never overwritten in a Y.Array
// (each has its own id), so with deletions refused, what arrived stays. The instructor's
// connection is read-only (set at authentication): it reads, and nobody removes anything.
import * as Y from 'yjs';
import { ENVELOPE_PATTERN, MAX_ENVELOPE_CHARS } from '../../src/lib/assign/receipt-envelope';
import { INBOX_ARRAY, type InboxRefusal } from '../../src/lib/sync/class-space';

/** Most envelopes one update may add: a phone delivers its own few receipts at a time. */
export const MAX_ENVELOPES_PER_UPDATE = 20;

/**
 * Most envelopes, and characters, one inbox holds: a class of a few hundred handing in a few
 * attempts each fits many times over, while a flood (nothing can ever be removed from an
 * inbox) stops here instead of filling the disk and the instructor's download.
 */
export const MAX_INBOX_ENVELOPES = 5000;
export const MAX_INBOX_CHARS = 40_000_000;

/**
 * Why a student's update to an inbox cannot be accepted, or undefined when it can. `doc` is
 * the inbox as the server holds it: an item placed after (or before) another names that item
 * instead of its list, so the list is found through the item it names, here or in the update.
 */
export function inboxUpdateProblem(
	update: Uint8Array,
	doc: Y.Doc = new Y.Doc()
): InboxRefusal | undefined {
	let decoded: ReturnType<typeof Y.decodeUpdate>;
	try {
		decoded = Y.decodeUpdate(update);
	} catch {
		return 'malformed-update';
	}
	if (decoded.ds.clients.size > 0) return 'delete-refused';
	const items: Y.Item[] = [];
	for (const struct of decoded.structs) {
		// GC and Skip structs stand for content removed or missing: nothing a new receipt needs
		if (!(struct instanceof Y.Item)) return 'unexpected-content';
		items.push(struct);
	}
	const inbox = doc.share.get(INBOX_ARRAY);
	const inUpdate = (id: Y.ID) =>
		items.find(
			(item) =>
				item.id.client === id.client &&
				item.id.clock <= id.clock &&
				id.clock < item.id.clock + item.length
		);
	const checked = new Map<Y.Item, boolean>();
	/** Whether `item` sits directly in the inbox list, following what it is placed beside. */
	const inInbox = (item: Y.Item, depth = 0): boolean => {
		const known = checked.get(item);
		if (known !== undefined) return known;
		let ok = false;
		if (item.parentSub !== null) ok = false;
		else if (typeof item.parent === 'string') ok = item.parent === INBOX_ARRAY;
		else if (item.parent === null && depth < items.length + 1) {
			const beside = item.origin;
			const local = beside && inUpdate(beside);
			if (local) ok = inInbox(local, depth + 1);
			else if (beside && inbox && Y.getState(doc.store, beside.client) > beside.clock) {
				const held = Y.getItem(doc.store, beside);
				ok = held instanceof Y.Item && held.parent === inbox && held.parentSub === null;
			}
		}
		checked.set(item, ok);
		return ok;
	};
	let envelopes = 0;
	let chars = 0;
	for (const item of items) {
		// appended at the end, or refused: an item placed before another (a right origin) could
		// put a forged receipt ahead of the real one it names
		if (item.rightOrigin !== null) return 'not-at-end';
		if (!inInbox(item)) return 'unknown-map';
		const content = item.content;
		if (!(content instanceof Y.ContentAny)) return 'unexpected-content';
		for (const value of content.arr) {
			if (
				typeof value !== 'string' ||
				value.length > MAX_ENVELOPE_CHARS ||
				!ENVELOPE_PATTERN.test(value)
			) {
				return 'not-an-envelope';
			}
			envelopes++;
			chars += value.length;
		}
	}
	if (envelopes > MAX_ENVELOPES_PER_UPDATE) return 'too-many';
	// an inbox loaded from the store (or made by a client's update) is a plain shared type until
	// read as an array: read it as one, or its receipts would not count toward the limits
	let held: unknown[] = [];
	if (inbox) {
		try {
			held = doc.getArray(INBOX_ARRAY).toArray();
		} catch {
			return 'unexpected-content'; // the name holds another kind of type
		}
	}
	const heldChars = held.reduce<number>(
		(sum, value) => sum + (typeof value === 'string' ? value.length : 0),
		0
	);
	if (held.length + envelopes > MAX_INBOX_ENVELOPES || heldChars + chars > MAX_INBOX_CHARS) {
		return 'inbox-full';
	}
	return undefined;
}

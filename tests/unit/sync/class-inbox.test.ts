// The class inbox against the real sync server (Hocuspocus on 127.0.0.1, on a port the system picks):
// students' devices deliver sealed receipts that the instructor reads live, and every way a
// drop token (or no token) could read, remove or replace another student's receipt is tried
// and fails, while the server goes on serving the class.
import { afterEach, describe, expect, test } from 'vitest';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
	instructorKeyText,
	MAX_ENVELOPE_CHARS,
	newInstructorKey,
	openReceipt,
	sealReceipt
} from '$lib/assign/receipt-envelope';
import { deliverToInbox, readInbox } from '$lib/sync/class-channel';
import { classDocFor, dropTokenFor, INBOX_ARRAY, newClassSecret } from '$lib/sync/class-space';
import { newSpaceSecret, spaceIdFor } from '$lib/sync/space-code';
import { startSyncServer } from '../../../scripts/sync-server/server';
import { inboxUpdateProblem, MAX_INBOX_ENVELOPES } from '../../../scripts/sync-server/class-inbox';
import { tempDir, waitFor } from './live';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
	for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function server() {
	const dir = await tempDir();
	const lines: string[] = [];
	const s = await startSyncServer({
		port: 0, // the system picks: no other test can take it first
		dataDir: dir.path,
		log: (l) => lines.push(l)
	});
	cleanups.push(() => dir.remove());
	cleanups.push(() => s.stop());
	return { ...s, lines };
}

/** A class: the instructor's secret and key, the drop token, the inbox's name. */
async function aClass() {
	const secret = newClassSecret();
	const dropToken = await dropTokenFor(secret);
	const pair = await newInstructorKey();
	return {
		secret,
		dropToken,
		doc: await classDocFor(dropToken),
		keys: { privateKey: pair.privateKey, publicKey: await instructorKeyText(pair.publicKey) }
	};
}
type Class = Awaited<ReturnType<typeof aClass>>;

const seal = (c: Class, text: string) => sealReceipt(text, c.keys.publicKey, c.doc);

async function deliver(url: string, c: Class, envelopes: string[]) {
	const delivery = deliverToInbox({
		origin: url,
		dropToken: c.dropToken,
		envelopes,
		WebSocketPolyfill: WebSocket
	});
	cleanups.push(() => delivery.stop());
	await delivery.done;
}

/** The instructor's live reading: every receipt code opened so far. */
async function instructor(url: string, c: Class, secret = c.secret) {
	const codes: string[] = [];
	const failures: string[] = [];
	const stop = await readInbox({
		origin: url,
		secret,
		WebSocketPolyfill: WebSocket,
		onEnvelopes: (envelopes) =>
			void Promise.all(envelopes.map((e) => openReceipt(e, c.keys, c.doc))).then((opened) =>
				codes.push(...opened)
			),
		onFailure: (f) => failures.push(f)
	});
	cleanups.push(stop);
	return { codes, failures };
}

/** A client that holds a token and sends what it likes through the real provider. */
function rogue(url: string, name: string, token: string) {
	const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
	const doc = new Y.Doc();
	const closes: string[] = [];
	let refused = false;
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name,
		token,
		document: doc,
		onClose: ({ event }) => void closes.push(event.reason),
		onAuthenticationFailed: () => void (refused = true)
	});
	provider.attach();
	cleanups.push(() => {
		provider.destroy();
		socket.destroy();
	});
	return {
		provider,
		doc,
		inbox: doc.getArray<unknown>(INBOX_ARRAY),
		closes,
		refused: () => refused
	};
}

/** What the server itself holds in the inbox. */
function held(s: Awaited<ReturnType<typeof server>>, c: Class): unknown[] {
	return s.server.hocuspocus.documents.get(c.doc)?.getArray(INBOX_ARRAY).toArray() ?? [];
}

describe('a class inbox on the real server', () => {
	test('students deliver sealed receipts; the instructor reads each as it arrives', async () => {
		const s = await server();
		const c = await aClass();
		const reading = await instructor(s.url, c);
		await deliver(s.url, c, [await seal(c, 'receipt-of-ada')]);
		await waitFor('the instructor to read Ada’s receipt', () => reading.codes.length === 1);
		await deliver(s.url, c, [await seal(c, 'receipt-of-ben'), await seal(c, 'receipt-of-cy')]);
		await waitFor('the instructor to read three', () => reading.codes.length === 3);
		expect(reading.codes.sort()).toEqual(['receipt-of-ada', 'receipt-of-ben', 'receipt-of-cy']);
		// what the server keeps is sealed: no receipt's text is in it
		expect(JSON.stringify(held(s, c))).not.toContain('receipt-of');

		// delivering the same envelope again (an acknowledgement lost) adds nothing
		const again = held(s, c)[0] as string;
		await deliver(s.url, c, [again]);
		expect(held(s, c)).toHaveLength(3);

		// a reader opened later gets every receipt
		const later = await instructor(s.url, c);
		await waitFor('a later reader to read three', () => later.codes.length === 3);
	}, 30_000);

	test('a student’s drop token cannot delete, replace or add beside the receipts', async () => {
		const s = await server();
		const c = await aClass();
		await deliver(s.url, c, [await seal(c, 'receipt-of-ada'), await seal(c, 'receipt-of-ben')]);
		const before = held(s, c);
		expect(before).toHaveLength(2);

		// delete another student's receipt
		const deleter = rogue(s.url, c.doc, c.dropToken);
		await waitFor('the deleter to sync', () => deleter.inbox.length === 2);
		deleter.inbox.delete(0, 1);
		await waitFor('the server to refuse the deletion', () =>
			s.lines.some((l) => l.includes('refused delete-refused'))
		);

		// replace one: delete and insert in one update
		const replacer = rogue(s.url, c.doc, c.dropToken);
		await waitFor('the replacer to sync', () => replacer.inbox.length === 2);
		replacer.doc.transact(() => {
			replacer.inbox.delete(1, 1);
			replacer.inbox.insert(1, ['E1.forged']);
		});
		await waitFor(
			'the server to refuse the replacement',
			() => s.lines.filter((l) => l.includes('refused delete-refused')).length >= 2
		);

		// the same name as a map (a key that could be overwritten), and another name
		const mapper = rogue(s.url, c.doc, c.dropToken);
		mapper.doc.getMap('others').set('x', 'E1.AAAA');
		await waitFor('the server to refuse another name', () =>
			s.lines.some((l) => l.includes('refused unknown-map'))
		);

		// ask the server to delete the whole inbox, as a personal space's device may
		const ender = rogue(s.url, c.doc, c.dropToken);
		await waitFor('the ender to sync', () => ender.provider.isSynced);
		ender.provider.sendStateless(JSON.stringify({ type: 'delete' }));

		// malformed and oversized entries
		const junk = rogue(s.url, c.doc, c.dropToken);
		await waitFor('the junk sender to sync', () => junk.provider.isSynced);
		junk.inbox.push(['not an envelope']);
		await waitFor('the server to refuse a non-envelope', () =>
			s.lines.some((l) => l.includes('refused not-an-envelope'))
		);
		const big = rogue(s.url, c.doc, c.dropToken);
		await waitFor('the big sender to sync', () => big.provider.isSynced);
		big.inbox.push([`E1.${'A'.repeat(MAX_ENVELOPE_CHARS)}`]);
		const bigRefused = () => s.lines.filter((l) => l.includes('refused not-an-envelope')).length;
		await waitFor('the server to refuse an oversized envelope', () => bigRefused() >= 2);

		// the instructor's own connection is read only: even the secret removes nothing
		const teacher = rogue(s.url, c.doc, c.secret);
		await waitFor('the instructor to sync', () => teacher.inbox.length === 2);
		teacher.inbox.delete(0, 2);
		await new Promise((r) => setTimeout(r, 300));

		// nothing changed, the inbox is still there, and a student can still hand in
		expect(held(s, c)).toEqual(before);
		await deliver(s.url, c, [await seal(c, 'receipt-of-cy')]);
		const reading = await instructor(s.url, c);
		await waitFor('the instructor to read three', () => reading.codes.length === 3);
		expect(reading.codes.sort()).toEqual(['receipt-of-ada', 'receipt-of-ben', 'receipt-of-cy']);
	}, 40_000);

	test('a wrong token is refused, and class and personal keys open nothing of each other', async () => {
		const s = await server();
		const c = await aClass();
		await deliver(s.url, c, [await seal(c, 'receipt-of-ada')]);

		const stranger = rogue(s.url, c.doc, newClassSecret());
		await waitFor('a stranger to be refused', () => stranger.refused());
		expect(stranger.inbox.length).toBe(0);

		// a personal space's secret is no class key, and a drop token opens no personal space
		const personal = newSpaceSecret();
		const mixed = rogue(s.url, c.doc, personal);
		await waitFor('a personal secret to be refused', () => mixed.refused());
		const intoSpace = rogue(s.url, await spaceIdFor(c.secret), c.dropToken);
		await waitFor('a drop token on the secret’s personal space to be refused', () =>
			intoSpace.refused()
		);

		// and the receipt is still there, as the instructor reads it
		const reading = await instructor(s.url, c);
		await waitFor('the instructor to read it', () => reading.codes.length === 1);
		expect(reading.codes).toEqual(['receipt-of-ada']);
	}, 30_000);
});

describe('the inbox rule', () => {
	const update = (change: (doc: Y.Doc) => void) => {
		const doc = new Y.Doc();
		change(doc);
		return Y.encodeStateAsUpdate(doc);
	};

	test.each<[string, (doc: Y.Doc) => void, string | undefined]>([
		['one envelope', (d) => d.getArray(INBOX_ARRAY).push(['E1.AAAA']), undefined],
		['twenty envelopes', (d) => d.getArray(INBOX_ARRAY).push(Array(20).fill('E1.AAAA')), undefined],
		['twenty-one', (d) => d.getArray(INBOX_ARRAY).push(Array(21).fill('E1.AAAA')), 'too-many'],
		['a number', (d) => d.getArray(INBOX_ARRAY).push([7]), 'not-an-envelope'],
		['a nested map', (d) => d.getArray(INBOX_ARRAY).push([new Y.Map()]), 'unexpected-content'],
		['text', (d) => d.getText(INBOX_ARRAY).insert(0, 'E1.AAAA'), 'unexpected-content'],
		['another name', (d) => d.getArray('other').push(['E1.AAAA']), 'unknown-map'],
		[
			'a deletion',
			(d) => {
				d.getArray(INBOX_ARRAY).push(['E1.AAAA']);
				d.getArray(INBOX_ARRAY).delete(0, 1);
			},
			'delete-refused'
		]
	])('%s', (_name, change, problem) => {
		expect(inboxUpdateProblem(update(change))).toBe(problem);
	});

	test('an envelope placed after one the server holds is found in the inbox through it', () => {
		const held = new Y.Doc();
		held.getArray(INBOX_ARRAY).push(['E1.AAAA']);
		held.getArray('elsewhere').push(['E1.CCCC']);
		const phone = new Y.Doc();
		Y.applyUpdate(phone, Y.encodeStateAsUpdate(held));
		const after = (change: () => void) => {
			const before = Y.encodeStateVector(phone);
			change();
			return Y.encodeStateAsUpdate(phone, before);
		};
		expect(
			inboxUpdateProblem(
				after(() => phone.getArray(INBOX_ARRAY).push(['E1.BBBB'])),
				held
			)
		).toBe(undefined);
		// placed after an item of another list, it is in that list: refused
		expect(
			inboxUpdateProblem(
				after(() => phone.getArray('elsewhere').push(['E1.DDDD'])),
				held
			)
		).toBe('unknown-map');
		// placed beside an item the server does not have: refused, never left pending
		expect(
			inboxUpdateProblem(
				after(() => phone.getArray(INBOX_ARRAY).push(['E1.EEEE'])),
				new Y.Doc()
			)
		).toBe('unknown-map');
	});

	test('an envelope put before one the server holds is refused: only the end takes new ones', () => {
		const held = new Y.Doc();
		held.getArray(INBOX_ARRAY).push(['E1.AAAA']);
		const classmate = new Y.Doc();
		Y.applyUpdate(classmate, Y.encodeStateAsUpdate(held));
		const before = Y.encodeStateVector(classmate);
		// a forged receipt ahead of the real one, so that it would be read first
		classmate.getArray(INBOX_ARRAY).insert(0, ['E1.FORGED']);
		expect(inboxUpdateProblem(Y.encodeStateAsUpdate(classmate, before), held)).toBe('not-at-end');
	});

	test('a full inbox takes nothing more', () => {
		const held = new Y.Doc();
		const inbox = held.getArray(INBOX_ARRAY);
		for (let i = 0; i < MAX_INBOX_ENVELOPES; i += 500) inbox.push(Array(500).fill('E1.AAAA'));
		const phone = new Y.Doc();
		Y.applyUpdate(phone, Y.encodeStateAsUpdate(held));
		const before = Y.encodeStateVector(phone);
		phone.getArray(INBOX_ARRAY).push(['E1.BBBB']);
		expect(inboxUpdateProblem(Y.encodeStateAsUpdate(phone, before), held)).toBe('inbox-full');
		// one fewer held, and the same envelope goes in
		inbox.delete(0, 1);
		expect(inboxUpdateProblem(Y.encodeStateAsUpdate(phone, before), held)).toBe(undefined);
	});

	test('bytes that are no update are refused as malformed', () => {
		expect(inboxUpdateProblem(new Uint8Array([9, 9, 9, 250, 250]))).toBe('malformed-update');
	});
});

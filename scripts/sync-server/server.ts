// The sync server: Hocuspocus with its Database extension writing each space's document to a
// file under the data folder (one file per random space id: nothing names a person), Redis for
// several instances. It refuses a connection whose secret does not derive the space's id, and
// an update that is too big, malformed, or writes anything but the app's own maps; a refused
// connection is closed alone, every other client goes on being served.
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import { createDecoder, readVarString, readVarUint, readVarUint8Array } from 'lib0/decoding';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { classRoleOf, isClassDoc } from '../../src/lib/sync/class-space';
import { isSpaceId, spaceIdFor } from '../../src/lib/sync/space-code';
import { SYNC_MAPS } from '../../src/lib/sync/sync-doc';
import { inboxUpdateProblem } from './class-inbox';

export interface SyncServerOptions {
	port: number;
	host?: string;
	/** Where documents are kept (created when missing). */
	dataDir: string;
	/** `redis://host:port`: share documents with other instances through Redis. */
	redisUrl?: string;
	/** The largest message (and update) a client may send, in bytes. */
	maxMessageBytes?: number;
	/** A name for this instance (logs, Redis). */
	name?: string;
	log?: (line: string) => void;
}

/** 64 MiB: a device that synced 100,000 reviews offline sends them in one first message. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const ALLOWED_MAPS: ReadonlySet<string> = new Set(SYNC_MAPS);
/** The kinds of item content the app writes (and a deletion's). */
const ALLOWED_CONTENT = [Y.ContentAny, Y.ContentString, Y.ContentDeleted];

/** A refusal Hocuspocus passes on to the client as the reason. */
function refusal(reason: string): Error {
	return Object.assign(new Error(reason), { reason });
}

/**
 * Why a Yjs update cannot be accepted, or undefined when it can: it must decode, and every
 * item it adds must sit in one of the app's top-level maps (or inside an item that does).
 */
export function updateProblem(update: Uint8Array): string | undefined {
	let decoded: ReturnType<typeof Y.decodeUpdate>;
	try {
		decoded = Y.decodeUpdate(update);
	} catch {
		return 'malformed-update';
	}
	for (const struct of decoded.structs) {
		if (!(struct instanceof Y.Item)) continue;
		const parent = struct.parent as unknown;
		if (typeof parent === 'string' && !ALLOWED_MAPS.has(parent)) return 'unknown-map';
		// the app writes plain values (maps, lists) and text (the ratings' lines), never nested
		// shared types, embeds, formatting, binary or subdocuments. (An item's parent is named
		// only when it has no neighbour, so the rule is the same whatever type it goes into.)
		if (!ALLOWED_CONTENT.some((kind) => struct.content instanceof kind))
			return 'unexpected-content';
	}
	return undefined;
}

// Hocuspocus's message types (MessageType in @hocuspocus/server) that carry Yjs sync steps
const SYNC_MESSAGE = 0;
const SYNC_REPLY_MESSAGE = 4;

/**
 * What a class inbox's connections may send: sync, awareness (the provider sends its own; it is
 * never stored), auth, stateless requests, closing. Anything else is refused.
 */
const CLASS_MESSAGE_TYPES: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 5, 7, 8]);

/** The Hocuspocus message type of a message (after the document's name); -1 when unreadable. */
function messageType(message: Uint8Array): number {
	try {
		const decoder = createDecoder(message);
		readVarString(decoder);
		return readVarUint(decoder);
	} catch {
		return -1;
	}
}

/** The Yjs update a sync message carries, if it carries one. */
function updateIn(message: Uint8Array): Uint8Array | undefined {
	const decoder = createDecoder(message);
	readVarString(decoder); // the document's name
	const type = readVarUint(decoder);
	// Hocuspocus applies a SyncReply exactly as a Sync message, so both are checked: a client
	// could otherwise send any update as a "reply" and skip every rule below
	if (type !== SYNC_MESSAGE && type !== SYNC_REPLY_MESSAGE) return undefined;
	const step = readVarUint(decoder);
	// y-protocols: 0 is SyncStep1 (a state vector), 1 SyncStep2 and 2 Update (both carry structs)
	return step === 1 || step === 2 ? readVarUint8Array(decoder) : undefined;
}

/** Starts the server; answers it with its port and a stop function. */
export async function startSyncServer(options: SyncServerOptions) {
	const log = options.log ?? ((line: string) => console.log(line));
	const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
	const docs = join(options.dataDir, 'docs');
	const deleted = join(options.dataDir, 'deleted');
	await mkdir(docs, { recursive: true });
	await mkdir(deleted, { recursive: true });
	const docFile = (id: string) => join(docs, `${id}.ydoc`);
	const deletedMark = (id: string) => join(deleted, id);
	const isDeleted = (id: string) =>
		stat(deletedMark(id)).then(
			() => true,
			() => false
		);

	const extensions: Extension[] = [
		new Database({
			fetch: async ({ documentName }) => {
				try {
					return new Uint8Array(await readFile(docFile(documentName)));
				} catch (error) {
					if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
					throw error;
				}
			},
			store: async ({ documentName, state }) => {
				if (await isDeleted(documentName)) return;
				// written whole, then renamed: a crash leaves the old file or the new, never half
				const file = docFile(documentName);
				const partial = `${file}.${process.pid}.partial`;
				await writeFile(partial, state);
				await rename(partial, file);
			}
		})
	];
	if (options.redisUrl) {
		const url = new URL(options.redisUrl);
		extensions.push(
			new Redis({
				host: url.hostname,
				port: Number(url.port || 6379),
				identifier: options.name ?? `sync-${process.pid}`,
				prefix: 'sahel-brief'
			})
		);
	}

	const server = new Server(
		{
			port: options.port,
			address: options.host ?? '127.0.0.1',
			name: options.name ?? null,
			quiet: true,
			stopOnSignals: false,
			// persist soon after a change: a server killed a few seconds later loses nothing acked
			debounce: 200,
			maxDebounce: 1000,
			extensions,
			async onAuthenticate({ documentName, token, connectionConfig }) {
				if (isClassDoc(documentName)) {
					// a class inbox: students add receipts, the instructor only reads them
					const role = await classRoleOf(documentName, token);
					if (!role) throw refusal('wrong-secret');
					if (role === 'instructor') connectionConfig.readOnly = true;
					return { classRole: role };
				}
				if (!isSpaceId(documentName)) throw refusal('unknown-space');
				if (await isDeleted(documentName)) throw refusal('deleted');
				if (typeof token !== 'string' || (await spaceIdFor(token)) !== documentName) {
					throw refusal('wrong-secret');
				}
			},
			async beforeHandleMessage({ update, socketId, documentName, document }) {
				// the whole message, as ws received it (ws itself closes larger ones: maxPayload)
				if (update.byteLength > maxBytes) throw refusal('too-large');
				if (isClassDoc(documentName) && !CLASS_MESSAGE_TYPES.has(messageType(update))) {
					log(`refused message-type from ${socketId} on ${documentName}`);
					throw refusal('message-type');
				}
				let carried: Uint8Array | undefined;
				try {
					carried = updateIn(update);
				} catch {
					carried = new Uint8Array([255]);
				}
				const problem =
					carried &&
					(isClassDoc(documentName)
						? inboxUpdateProblem(carried, document)
						: updateProblem(carried));
				if (problem) {
					log(`refused ${problem} from ${socketId} on ${documentName}`);
					throw refusal(problem);
				}
			},
			async onStateless({ payload, document, documentName, connection }) {
				let request: { type?: unknown };
				try {
					request = JSON.parse(payload) as { type?: unknown };
				} catch {
					return;
				}
				if (request.type === 'state-vector?') {
					// what the server holds, so a device can tell that everything it has arrived
					const sv = Buffer.from(Y.encodeStateVector(document)).toString('base64');
					connection.sendStateless(JSON.stringify({ type: 'state-vector', sv }));
					return;
				}
				// a class inbox is never deleted through a connection: a drop token must not end it
				if (request.type !== 'delete' || connection.readOnly || isClassDoc(documentName)) return;
				// only an authenticated connection reaches here: it knows the secret
				await writeFile(deletedMark(documentName), new Date().toISOString());
				await rm(docFile(documentName), { force: true });
				document.broadcastStateless(JSON.stringify({ type: 'deleted' }));
				log(`deleted space ${documentName}`);
				setTimeout(() => server.hocuspocus.closeConnections(documentName), 50);
			}
		},
		{ maxPayload: maxBytes }
	);
	// Hocuspocus 3 passes `address` where Node's listen() reads `host`, so it would listen on
	// every interface: translate, so the server is on 127.0.0.1 unless told otherwise
	const http = server.httpServer;
	const listen = http.listen.bind(http) as (options: object, done: () => void) => typeof http;
	(http as unknown as { listen: unknown }).listen = (
		options: { port: number; address?: string },
		done: () => void
	) => listen({ port: options.port, host: options.address }, done);
	await new Promise<void>((resolve, reject) => {
		http.once('error', reject); // a port in use fails the start instead of the process
		server.listen().then(() => {
			http.off('error', reject);
			resolve();
		}, reject);
	});
	const port = server.address.port;
	log(
		`sync server listening on ws://${options.host ?? '127.0.0.1'}:${port}, data in ${options.dataDir}`
	);
	return {
		server,
		port,
		url: `ws://${options.host ?? '127.0.0.1'}:${port}`,
		stop: () => server.destroy()
	};
}

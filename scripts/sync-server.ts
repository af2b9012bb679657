// npm run sync-server: the Hocuspocus sync server on 127.0.0.1 (PORT, default 4190), documents
// under ./data (SYNC_DATA_DIR), several instances sharing documents through Redis when
// SYNC_REDIS_URL is set, messages up to SYNC_MAX_MESSAGE_BYTES. Put it behind a TLS proxy
// (see the README, "Sync server") to serve it as wss://.
import { DEFAULT_MAX_MESSAGE_BYTES, startSyncServer } from './sync-server/server';

const port = Number(process.env.PORT ?? 4190);
const running = await startSyncServer({
	port,
	host: process.env.HOST ?? '127.0.0.1',
	dataDir: process.env.SYNC_DATA_DIR ?? 'data',
	redisUrl: process.env.SYNC_REDIS_URL || undefined,
	maxMessageBytes: Number(process.env.SYNC_MAX_MESSAGE_BYTES ?? DEFAULT_MAX_MESSAGE_BYTES),
	name: process.env.SYNC_NAME
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		// stores every document still in memory before leaving
		void running.stop().then(() => process.exit(0));
	});
}

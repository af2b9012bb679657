// SYNC_ORIGIN, read once for the build: the sync server the app may connect to. The pages'
// Content Security Policy (svelte.config.js) allows exactly this origin in connect-src, and
// the app offers only it; without it, the build has no sync (the /sync page says so).

/**
 * The build's sync origin (`wss://host[:port]`, or `ws://` for this computer), or ''.
 * @returns {string}
 */
export function syncOrigin() {
	const raw = (process.env.SYNC_ORIGIN ?? '').trim();
	if (!raw) return '';
	let url;
	try {
		url = new URL(raw);
	} catch {
		throw new Error(`SYNC_ORIGIN must look like wss://sync.example.org, not "${raw}"`);
	}
	const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
	if (!(url.protocol === 'wss:' || (url.protocol === 'ws:' && local))) {
		throw new Error('SYNC_ORIGIN must start with wss:// (ws:// only for 127.0.0.1 or localhost)');
	}
	if (url.pathname !== '/' || url.search || url.hash || url.username) {
		throw new Error('SYNC_ORIGIN is an origin only: wss://host or wss://host:port, no path');
	}
	return `${url.protocol}//${url.host}`;
}

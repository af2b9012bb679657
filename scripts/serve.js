// A small static server for the production build, as any static host would serve it:
// clean URLs (/study -> study.html), gzip when asked, no caching of the pages and the service
// worker, and the security headers every host is asked to send (scripts/security-headers.js).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import { headersFor } from './security-headers.js';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8'
};
const COMPRESSIBLE = new Set([
	'.html',
	'.js',
	'.css',
	'.json',
	'.webmanifest',
	'.svg',
	'.txt',
	'.xml'
]);

/**
 * The file a request path maps to inside `root`, or undefined.
 * @param {string} root
 * @param {string} pathname
 */
function fileFor(root, pathname) {
	let path;
	try {
		path = decodeURIComponent(pathname);
	} catch {
		return undefined;
	}
	const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
	const candidates = safe.endsWith('/')
		? [join(safe, 'index.html')]
		: [safe, `${safe}.html`, join(safe, 'index.html')];
	for (const candidate of candidates) {
		const full = join(root, candidate);
		if (!full.startsWith(root)) continue;
		if (existsSync(full) && statSync(full).isFile()) return full;
	}
	return undefined;
}

/**
 * Serves `root` on host:port; resolves to { url, close } once listening.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveBuild({ root = 'build', host = '127.0.0.1', port = 4173, gzip = true } = {}) {
	const base = resolve(root);
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		// the pages' URLs have no trailing slash (trailingSlash: 'never'): /fr/ and /study/ move
		// to /fr and /study, as static hosts do, rather than answering 404
		const bare = url.pathname.replace(/\/+$/, '');
		if (bare && bare !== url.pathname && fileFor(base, bare)) {
			response.writeHead(308, { ...headersFor(bare), location: `${bare}${url.search}` });
			response.end();
			return;
		}
		const file = fileFor(base, url.pathname);
		if (!file) {
			response.writeHead(404, {
				...headersFor(url.pathname),
				'content-type': 'text/plain; charset=utf-8'
			});
			response.end('Not found');
			return;
		}
		const ext = extname(file);
		/** @type {Record<string, string>} */
		const headers = {
			...headersFor(url.pathname),
			'content-type': TYPES[ext] ?? 'application/octet-stream'
		};
		const wantsGzip =
			gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
		if (wantsGzip) {
			headers['content-encoding'] = 'gzip';
			headers.vary = 'accept-encoding';
		}
		response.writeHead(200, headers);
		if (request.method === 'HEAD') {
			response.end();
			return;
		}
		const stream = createReadStream(file);
		(wantsGzip ? stream.pipe(createGzip()) : stream).pipe(response);
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const address = server.address();
			const actualPort = typeof address === 'object' && address ? address.port : port;
			resolvePromise({
				url: `http://${host}:${actualPort}`,
				close: () =>
					new Promise(
						/** @param {(value?: void) => void} done */ (done) => {
							server.closeAllConnections();
							server.close(() => done());
						}
					)
			});
		});
	});
}

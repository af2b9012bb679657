// The response headers every host must send with the app, in one place: `npm start`'s server
// sends them, and a test checks that static/_headers (Netlify, Cloudflare Pages) and
// docs/deploy/nginx.conf say the same. A <meta> CSP cannot forbid framing (browsers ignore
// frame-ancestors there), so only a header stops another site embedding the app.

/** Sent with every response. */
export const SECURITY_HEADERS = {
	'Content-Security-Policy': "frame-ancestors 'none'",
	'X-Frame-Options': 'DENY',
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer'
};

/** Hashed build files: they never change under one name. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Pages, sw.js and everything unhashed: revalidated on each visit so updates are seen. */
export const REVALIDATE_CACHE = 'no-cache';

/**
 * The headers for one path of the build, content type aside.
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
export function headersFor(pathname) {
	return {
		...SECURITY_HEADERS,
		'Cache-Control': pathname.startsWith('/_app/immutable/') ? IMMUTABLE_CACHE : REVALIDATE_CACHE
	};
}

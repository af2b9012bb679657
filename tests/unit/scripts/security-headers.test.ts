// The headers `npm start` sends are the ones the README, static/_headers (Netlify, Cloudflare
// Pages) and the nginx snippet tell a host to send: one list, checked everywhere it is written.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	headersFor,
	IMMUTABLE_CACHE,
	REVALIDATE_CACHE,
	SECURITY_HEADERS
} from '../../../scripts/security-headers.js';

const read = (path: string) => readFileSync(path, 'utf8');

describe('security headers', () => {
	test('framing is refused by both the CSP and X-Frame-Options', () => {
		expect(SECURITY_HEADERS['Content-Security-Policy']).toBe("frame-ancestors 'none'");
		expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
	});

	test('hashed files are cached for a year, everything else revalidated', () => {
		expect(headersFor('/_app/immutable/entry/app.js')['Cache-Control']).toBe(IMMUTABLE_CACHE);
		for (const path of ['/', '/study', '/sw.js', '/bank/sahel.json'])
			expect(headersFor(path)['Cache-Control']).toBe(REVALIDATE_CACHE);
	});

	test.each([
		['static/_headers', (name: string, value: string) => `  ${name}: ${value}`],
		[
			'docs/deploy/nginx.conf',
			(name: string, value: string) => `add_header ${name} "${value}" always;`
		],
		['README.md', (name: string, value: string) => `${name}: ${value}`]
	])('%s lists every header with its value', (path, line) => {
		const text = read(path);
		for (const [name, value] of Object.entries(SECURITY_HEADERS))
			expect(text, `${name} in ${path}`).toContain(line(name, value));
		expect(text).toContain(IMMUTABLE_CACHE);
	});
});

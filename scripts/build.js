// `npm run build`: one client build per language, merged into build/ under one service worker.
// Paraglide compiles each message as a function holding both languages; built with a static
// locale, the bundler keeps only the page's language, so a French page carries no English
// strings and an English page no French ones. The French build runs first into .build-fr/;
// the English build writes build/, and its service worker also precaches the French files
// (vite.config.ts reads .build-fr/), which are then copied beside the English ones.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifySync } from 'rolldown/experimental';

export const FRENCH_BUILD = '.build-fr';

/** What the French build adds to build/: its pages, its manifest and its scripts. */
export const FRENCH_FILES = ['fr', 'fr.html', 'manifest-fr.webmanifest', '_app/immutable'];

/** @param {Record<string, string>} env */
function viteBuild(env) {
	const result = spawnSync('npx', ['vite', 'build'], {
		stdio: 'inherit',
		env: { ...process.env, ...env }
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const PRECACHE = /precacheAndRoute\((\[[^\]]*\])/;

/**
 * The precache list of a service worker written by Workbox, as its source text's entries.
 * @param {string} worker
 * @returns {Map<string, string>} url -> the entry's text
 */
export function precacheEntries(worker) {
	const list = PRECACHE.exec(worker)?.[1];
	if (!list) throw new Error('No precache list found in the service worker');
	return new Map(
		[...list.matchAll(/\{url:"([^"]+)",revision:[^}]*\}/g)].map((m) => [String(m[1]), m[0]])
	);
}

/**
 * The English worker with the French worker's entries added: its pages, manifest and every
 * script only the French build has, each with the revision the French build gave it.
 * @param {string} english
 * @param {string} french
 */
export function mergedWorker(english, french) {
	const entries = precacheEntries(english);
	for (const [url, entry] of precacheEntries(french))
		if (!entries.has(url)) entries.set(url, entry);
	return english.replace(PRECACHE, `precacheAndRoute([${[...entries.values()].join(',')}]`);
}

const FIRST_PAINT_TAG = /<script src="(?:\.\.?\/)*first-paint\.js"><\/script>/;

/**
 * A built page with first-paint.js inline, and its hash in the page's policy (the script runs
 * before the policy's <meta>, which does not cover it; a host sending the policy as a header
 * needs the hash).
 * @param {string} html
 * @param {string} code the minified script
 */
export function withInlineFirstPaint(html, code) {
	if (!FIRST_PAINT_TAG.test(html)) throw new Error('A page lost its first-paint.js tag');
	const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
	return html
		.replace(FIRST_PAINT_TAG, () => `<script>${code}</script>`)
		.replace("script-src 'self'", `script-src 'self' ${hash}`);
}

/** @param {string} dir */
function htmlFiles(dir) {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.html'))
		.map((name) => join(dir, name));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	// both builds must name the same version, or each would see the other as an update
	const version = `${Date.now()}`;
	rmSync(FRENCH_BUILD, { recursive: true, force: true });
	viteBuild({ STATIC_LOCALE: 'fr', BUILD_VERSION: version });
	viteBuild({ STATIC_LOCALE: 'en', BUILD_VERSION: version });
	for (const file of FRENCH_FILES) {
		const from = join(FRENCH_BUILD, file);
		if (!existsSync(from)) throw new Error(`The French build has no ${file}`);
		// immutable files are named by their content: one both builds share is the same file
		cpSync(from, join('build', file), { recursive: true, force: false, errorOnExist: false });
	}
	writeFileSync(
		'build/sw.js',
		mergedWorker(
			readFileSync('build/sw.js', 'utf8'),
			readFileSync(join(FRENCH_BUILD, 'sw.js'), 'utf8')
		)
	);
	// the one script every page runs before its first paint goes inline, minified: as a file it
	// cost a blocking round trip before anything else was even requested
	const minified = minifySync('first-paint.js', readFileSync('static/first-paint.js', 'utf8'));
	if (minified.errors.length) throw new Error(`first-paint.js: ${minified.errors[0]?.message}`);
	writeFileSync(join('build', 'first-paint.js'), minified.code);
	for (const file of htmlFiles('build')) {
		writeFileSync(file, withInlineFirstPaint(readFileSync(file, 'utf8'), minified.code));
	}
	const pages = readdirSync(join('build', 'fr')).length;
	console.log(`Merged the French build into build/ (${pages} entries under fr/)`);
}

// `npm run build`: one client build per language, merged into build/ under one service worker.
// Paraglide compiles each message as a function holding both languages; built with a static
// locale, the bundler keeps only the page's language, so a French page carries no English
// strings and an English page no French ones. The French build runs first into .build-fr/;
// the English build writes build/, and its service worker also precaches the French files
// (vite.config.ts reads .build-fr/), which are then copied beside the English ones.
import { spawnSync } from 'node:child_process';
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
	// static/ is copied as written, comments included; the one script every page loads before
	// its first paint is sent minified (half its gzipped size)
	const firstPaint = join('build', 'first-paint.js');
	const minified = minifySync('first-paint.js', readFileSync(firstPaint, 'utf8'));
	if (minified.errors.length) throw new Error(`first-paint.js: ${minified.errors[0]?.message}`);
	writeFileSync(firstPaint, minified.code);
	const pages = readdirSync(join('build', 'fr')).length;
	console.log(`Merged the French build into build/ (${pages} entries under fr/)`);
}

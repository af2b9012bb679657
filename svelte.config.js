import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { syncOrigin } from './scripts/sync-origin.js';

// a static site's policy is fixed when it is built: sync may reach exactly SYNC_ORIGIN
const SYNC = syncOrigin();

// every page again under /fr: the French pages, prerendered beside the English ones
export const FRENCH_PAGES = [
	'',
	'/study',
	'/cards',
	'/quiz',
	'/read',
	'/progress',
	'/assign',
	'/a',
	'/gradebook',
	'/settings',
	'/sync'
].map((path) => `/fr${path}`);

// `npm run build` (scripts/build.js) builds each language apart, with its messages only: the
// French build prerenders the French pages into .build-fr/, the English one the English pages
// into build/. Without STATIC_LOCALE (vite dev, a plain `vite build`) one build holds both.
const STATIC_LOCALE = process.env.STATIC_LOCALE;
const OUT = STATIC_LOCALE === 'fr' ? '.build-fr' : 'build';
const ENTRIES =
	STATIC_LOCALE === 'fr' ? FRENCH_PAGES : STATIC_LOCALE === 'en' ? ['*'] : ['*', ...FRENCH_PAGES];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: OUT, assets: OUT, fallback: undefined, strict: true }),
		// both builds name one version, so neither takes the other for an update
		...(process.env.BUILD_VERSION ? { version: { name: process.env.BUILD_VERSION } } : {}),
		prerender: {
			entries: ENTRIES,
			// a built language follows no link into the other, which it would render in its own
			crawl: !STATIC_LOCALE,
			handleHttpError: 'fail',
			handleMissingId: 'ignore'
		},
		serviceWorker: { register: false },
		// small stylesheets go inline: one render-blocking request fewer on a slow network
		inlineStyleThreshold: 12_000,
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': SYNC ? ['self', SYNC] : ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;

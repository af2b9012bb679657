import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// every page again under /fr: the French pages, prerendered beside the English ones
const FRENCH_PAGES = [
	'',
	'/study',
	'/cards',
	'/quiz',
	'/read',
	'/progress',
	'/assign',
	'/a',
	'/gradebook',
	'/settings'
].map((path) => `/fr${path}`);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: {
			entries: ['*', ...FRENCH_PAGES],
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
				'connect-src': ['self'],
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

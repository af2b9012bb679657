import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import type { ManifestOptions } from 'vite-plugin-pwa';
import { syncOrigin } from './scripts/sync-origin.js';

/** The web app manifest: what a phone shows when the app is installed. */
const manifest: Partial<ManifestOptions> = {
	name: 'Sahel Brief',
	short_name: 'Sahel Brief',
	description:
		'Study one analysis of the France-Mali counter-terror collapse: flashcards with spaced repetition, quizzes and class assignments, all offline.',
	start_url: '/',
	scope: '/',
	id: '/',
	display: 'standalone',
	orientation: 'any',
	lang: 'en',
	theme_color: '#1f4e5f',
	background_color: '#f7f4ee',
	categories: ['education'],
	icons: [
		{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
		{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
		{
			src: '/icons/icon-maskable-512.png',
			sizes: '512x512',
			type: 'image/png',
			purpose: 'maskable'
		}
	]
};

/**
 * Chunks left out of the precache: the sync engine (Yjs, Hocuspocus, y-indexeddb) is needed
 * only on a device that turned sync on, which it does online; the service worker caches it
 * the first time it loads (see runtimeCaching), so it works offline after that.
 */
// shared through globalThis: SvelteKit loads this config again for its client build, and the
// service worker is written by the first load's plugin
const shared = globalThis as { sahelOutsidePrecache?: string[] };
// the FSRS optimizer (1.7 MB of WebAssembly) loads only when a learner asks for a fit
const outsidePrecache: string[] = (shared.sahelOutsidePrecache ??= ['**/fsrs_browser_bg*.wasm']);
const SYNC_PACKAGES = [
	'/node_modules/yjs/',
	'/node_modules/@hocuspocus/',
	'/node_modules/y-indexeddb/'
];

function syncOutsidePrecache(): Plugin {
	return {
		name: 'sahel-sync-outside-precache',
		apply: 'build',
		generateBundle(_options, bundle) {
			for (const [file, chunk] of Object.entries(bundle)) {
				if (chunk.type !== 'chunk') continue;
				if (chunk.moduleIds.some((id) => SYNC_PACKAGES.some((p) => id.includes(p)))) {
					outsidePrecache.push(`client/${file}`);
				}
			}
		}
	};
}

const paraglide = paraglideVitePlugin({
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['url', 'baseLocale'],
	// lets the bundler drop the server half of the runtime from the pages' script; outside Vite
	// (Playwright specs import a few modules) the window decides
	isServer: "import.meta.env ? import.meta.env.SSR : typeof window === 'undefined'",
	emitGitIgnore: false,
	emitReadme: false
});

export default defineConfig({
	// the one sync server this build may reach: the pages' connect-src allows it and nothing else
	define: { __SYNC_ORIGIN__: JSON.stringify(syncOrigin()) },
	plugins: [
		syncOutsidePrecache(),
		// the URL names the language (English at /..., French at /fr/...), so both prerender;
		// the learner's choice and the device's languages pick the URL on the client. Unit tests
		// use the output of `npm run i18n` (the plugin's watcher would keep vitest from exiting).
		...(process.env.VITEST ? [] : [paraglide]),
		sveltekit(),
		SvelteKitPWA({
			registerType: 'prompt',
			injectRegister: false,
			manifest,
			workbox: {
				// every page, script, style, icon and bank file, so the whole app opens offline
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,webmanifest,json,wasm}',
					'prerendered/**/*.{html,json}'
				],
				globIgnores: outsidePrecache,
				// what is not precached (the sync engine) is kept the first time it is fetched
				runtimeCaching: [
					{
						urlPattern: ({ url }) => url.pathname.startsWith('/_app/immutable/'),
						handler: 'CacheFirst',
						options: { cacheName: 'sahel-brief-on-demand', expiration: { maxEntries: 40 } }
					}
				],
				navigateFallback: null,
				// every page is static, so a query string (a shared /study?topic=..., a tracker's
				// ?utm_source=...) never changes what the server would send: match the precached
				// page without it, or a reload offline shows the browser's offline page
				ignoreURLParametersMatching: [/.*/],
				cleanupOutdatedCaches: true
			}
		})
	],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/unit/setup.ts'],
		// CI adds a JSON report so .ci/run can print the real counts
		reporters: process.env.CI ? ['default', 'json'] : ['default'],
		outputFile: process.env.CI ? { json: 'reports/unit.json' } : undefined
	}
});

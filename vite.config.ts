import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import type { ManifestOptions } from 'vite-plugin-pwa';
import { syncOrigin } from './scripts/sync-origin.js';
import { bundleReport } from './scripts/bundle-report.js';

/** The language this build is for (scripts/build.js); undefined when one build holds both. */
const STATIC_LOCALE = process.env.STATIC_LOCALE as 'en' | 'fr' | undefined;
// Paraglide's own expression for a locale-specialized bundle (its experimentalPerLocaleBuild
// uses it too); anything else is wrapped in a call the minifier cannot fold
const STATIC_LOCALE_GLOBAL = '/** @type {any} */ (globalThis).__PARAGLIDE_STATIC_LOCALE__';

// The manifest is written when the app is built, not rendered, so its words sit here rather
// than in messages/. French pages link the French one (the platform reads the linked manifest).
const MANIFEST_TEXT = {
	en: {
		description:
			'Study one analysis of the France-Mali counter-terror collapse: flashcards with spaced repetition, quizzes and class assignments, all offline.',
		start: '/'
	},
	fr: {
		description:
			'Étudiez une analyse de la rupture de la coopération antiterroriste entre la France et le Mali\u00a0: cartes mémoire à répétition espacée, quiz et devoirs de classe, le tout hors ligne.',
		start: '/fr'
	}
} as const;
const manifestLocale = STATIC_LOCALE ?? 'en';

/** The web app manifest: what a phone shows when the app is installed. */
const manifest: Partial<ManifestOptions> = {
	name: 'Sahel Brief',
	short_name: 'Sahel Brief',
	description: MANIFEST_TEXT[manifestLocale].description,
	start_url: MANIFEST_TEXT[manifestLocale].start,
	scope: '/',
	// one app in both languages: the same id whichever manifest installed it
	id: '/',
	display: 'standalone',
	orientation: 'any',
	lang: manifestLocale,
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
// the FSRS optimizer (1.7 MB of WebAssembly) loads only when a learner asks for a fit, which
// it does online, and is kept once used (runtimeCaching). SQLite (sql.js) stays precached:
// the Anki export is promised offline after the first visit, and left out, its first use
// offline failed (issue 14 stays open on the precache budget this costs)
const outsidePrecache: string[] = (shared.sahelOutsidePrecache ??= ['**/fsrs_browser_bg*.wasm']);
const SYNC_PACKAGES = [
	'/node_modules/yjs/',
	'/node_modules/@hocuspocus/',
	'/node_modules/y-indexeddb/'
];

/**
 * The runtime stays the same in both language builds: the URL tells it the language anyway, and
 * a runtime specialized to one language would change the name of every chunk that imports it,
 * so that the precache held two copies of Dexie and of the other chunks that carry no words.
 * Only the messages are specialized; they read the constant `define` puts in their place.
 */
function sharedParaglideRuntime(): Plugin {
	return {
		name: 'sahel-shared-paraglide-runtime',
		enforce: 'pre',
		transform(code, id) {
			if (!STATIC_LOCALE || !id.endsWith('/src/lib/paraglide/runtime.js')) return;
			return code.replaceAll('(globalThis).__PARAGLIDE_STATIC_LOCALE__', '(void 0)');
		}
	};
}

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
	emitReadme: false,
	// the per-language build (scripts/build.js) names its language through this global, which
	// `define` replaces by a constant, so the other language's texts are dropped from the bundle
	...(STATIC_LOCALE ? { experimentalStaticLocale: STATIC_LOCALE_GLOBAL } : {})
});

export default defineConfig({
	build: {
		modulePreload: false,
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env|clsx)[\\/]/,
							priority: 10
						}
					]
				}
			}
		}
	},
	// the one sync server this build may reach: the pages' connect-src allows it and nothing else
	define: {
		__SYNC_ORIGIN__: JSON.stringify(syncOrigin()),
		...(STATIC_LOCALE
			? { 'globalThis.__PARAGLIDE_STATIC_LOCALE__': JSON.stringify(STATIC_LOCALE) }
			: {})
	},
	plugins: [
		...(process.env.BUNDLE_REPORT ? [bundleReport()] : []),
		sharedParaglideRuntime(),
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
			manifestFilename:
				manifestLocale === 'fr' ? 'manifest-fr.webmanifest' : 'manifest.webmanifest',
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

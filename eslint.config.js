import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// the app is always served from the site root (its manifest scope is '/'), so plain
		// hrefs are exact and resolve() would add noise to every link
		rules: {
			'svelte/no-navigation-without-resolve': 'off',
			// state classes build Maps and Dates as local values or immutable snapshots kept in
			// $state.raw; making them reactive (SvelteMap, SvelteDate) would only add cost
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	// the layers (see README "Layout"): a rule in the linter outlives a sentence in a README
	{
		files: [
			'src/lib/{bank,srs,quiz,attempt,assign,progress,read,pwa}/**/*.ts',
			'src/lib/storage/**/*.ts'
		],
		ignores: ['**/*.svelte.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*'],
							message: 'Domain and storage code never imports Svelte or SvelteKit.'
						},
						{
							group: ['$lib/state', '$lib/state/*', '$lib/ui/*', '**/state/*', '**/ui/*'],
							message: 'Domain and storage code never imports state classes or components.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/{bank,srs,quiz,attempt,assign,progress,read,pwa}/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', 'dexie'],
							message: 'Domain code never imports Svelte, SvelteKit or Dexie.'
						},
						{
							group: [
								'$lib/state',
								'$lib/state/*',
								'$lib/ui/*',
								'$lib/storage',
								'$lib/storage/*',
								'**/state/*',
								'**/ui/*',
								'**/storage',
								'**/storage/*'
							],
							message: 'Domain code is pure: it never imports state, storage or components.'
						},
						{
							group: ['$lib/paraglide', '$lib/paraglide/*', '**/paraglide/*', '$lib/i18n/*'],
							message:
								'Domain code speaks in codes and numbers; state, ui and routes put them into words.'
						}
					]
				}
			]
		}
	},
	{
		// sync: the Yjs model, the engine and the provider; storage reaches it only as a port
		files: ['src/lib/sync/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', 'dexie'],
							message: 'Sync code never imports Svelte, SvelteKit or Dexie.'
						},
						{
							group: [
								'$lib/state',
								'$lib/state/*',
								'$lib/ui/*',
								'$lib/storage',
								'$lib/storage/*',
								'**/state/*',
								'**/ui/*',
								'**/storage',
								'**/storage/*'
							],
							message:
								'Sync code never imports state, storage or components: storage is given to it as a port.'
						}
					]
				}
			]
		}
	},
	{
		// storage knows sync only by its types (the port it implements), never its Yjs code
		files: ['src/lib/storage/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['yjs', 'y-indexeddb', '@hocuspocus/*'],
							message: 'Storage never loads the sync engine.'
						},
						{
							// but for the merge rules: pure code (no Yjs) that storage checks again inside
							// its own transaction, in case another tab wrote since the engine looked
							group: ['../sync/*', '$lib/sync/*', '!../sync/owned-rows', '!$lib/sync/owned-rows'],
							allowTypeImports: true,
							message: 'Storage imports only the types of sync (the port it implements).'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/state/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['dexie'], message: 'Only src/lib/storage touches Dexie.' },
						{
							group: ['$lib/storage/*', '**/storage/*'],
							message:
								"State classes reach storage through its one door: import from '$lib/storage'."
						},
						{ group: ['$lib/ui/*'], message: 'State classes never import components.' }
					]
				}
			]
		}
	},
	{
		files: ['src/routes/**', 'src/lib/ui/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['dexie', '$lib/storage', '$lib/storage/*', '**/storage/*'],
							message: 'Pages and components never touch storage: go through a state class.'
						},
						{
							group: ['$lib/sync/*', '**/sync/*', 'yjs', 'y-indexeddb', '@hocuspocus/*'],
							message: 'Pages and components reach sync through its state class (loaded on demand).'
						}
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.build-fr/',
			'src/lib/paraglide/',
			'.svelte-kit/',
			'node_modules/',
			'static/',
			'test-results/',
			'playwright-report/',
			'reports/',
			'src/lib/storage/generated/'
		]
	}
);

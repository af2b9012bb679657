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
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'static/',
			'test-results/',
			'playwright-report/',
			'reports/'
		]
	}
);

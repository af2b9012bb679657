// BUNDLE_REPORT=file.json npm run build: writes file-en.json and file-fr.json with, for each client chunk, its imports and the code of
// each module in it, so scripts/message-bytes.js can say what a page's script is made of.
import { writeFileSync } from 'node:fs';

/** @returns {import('vite').Plugin} */
export function bundleReport() {
	return {
		name: 'sahel-bundle-report',
		apply: 'build',
		generateBundle(_options, bundle) {
			if (this.environment?.name !== 'client' || !process.env.BUNDLE_REPORT) return;
			/** @type {Record<string, { imports: string[], modules: Record<string, string> }>} */
			const report = {};
			for (const [file, chunk] of Object.entries(bundle)) {
				if (chunk.type !== 'chunk') continue;
				report[file] = {
					imports: chunk.imports,
					modules: Object.fromEntries(
						Object.entries(chunk.modules).map(([id, module]) => [id, module.code ?? ''])
					)
				};
			}
			// one report per language build
			const file = process.env.BUNDLE_REPORT.replace(/\.json$/, '');
			writeFileSync(`${file}-${process.env.STATIC_LOCALE ?? 'both'}.json`, JSON.stringify(report));
		}
	};
}

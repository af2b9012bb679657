// `npm start`: builds when the sources are newer than build/, then serves the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveBuild } from './serve.js';

const SOURCES = [
	'src',
	'static',
	'questions',
	'svelte.config.js',
	'vite.config.ts',
	'package.json'
];

/**
 * The newest modification time under `path`.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce(
		(latest, name) => Math.max(latest, newest(join(path, name))),
		stat.mtimeMs
	);
}

const built = existsSync('build/index.html') ? statSync('build/index.html').mtimeMs : 0;
// a build made for another sync server (SYNC_ORIGIN) has another Content Security Policy
const policy = built
	? /connect-src ([^;"]*)/.exec(readFileSync('build/index.html', 'utf8'))?.[1]
	: '';
const syncOrigin = (process.env.SYNC_ORIGIN ?? '').trim().replace(/\/$/, '');
const otherSync =
	built > 0 && (policy ?? '').trim() !== ["'self'", syncOrigin].filter(Boolean).join(' ');
if (otherSync || built < Math.max(...SOURCES.map(newest))) {
	console.log('Building the production app…');
	const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4173);
try {
	await serveBuild({ root: 'build', host, port });
} catch (error) {
	console.error(
		error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
			? `Port ${port} is already in use: stop the other server or run PORT=4174 npm start.`
			: error
	);
	process.exit(1);
}
console.log(`Sahel Brief is being served on http://localhost:${port} (Ctrl+C to stop)`);

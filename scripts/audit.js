// `npm run audit`: Lighthouse 12 (mobile) on the production build, served on 127.0.0.1 with
// gzip as a static host would. Outside `npm test`: its timings vary with the machine's load.
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { chromiumPath } from './chromium-path.js';
import { serveBuild } from './serve.js';

const ALL_PAGES = ['/', '/study', '/quiz', '/read', '/progress', '/assign'];
// `npm run audit -- /study /quiz` audits only those pages
const PAGES = process.argv.length > 2 ? process.argv.slice(2) : ALL_PAGES;
const AIMS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 90 };
const LCP_AIM_MS = 1500;
const PORT = 9333;

/**
 * The node Lighthouse took as the largest contentful paint, as a short snippet.
 * @param {any} audit
 */
function lcpElement(audit) {
	const node = audit?.details?.items?.[0]?.items?.[0]?.node;
	return node ? String(node.snippet ?? node.selector).slice(0, 60) : '-';
}

const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = await serveBuild({ root: 'build', port: 0, gzip: true });
const browser = await chromium.launch({
	executablePath: chromiumPath(),
	args: [
		`--remote-debugging-port=${PORT}`,
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
});

const rows = [];
let missed = 0;
try {
	for (const path of PAGES) {
		const result = await lighthouse(`${server.url}${path}`, {
			port: PORT,
			output: 'json',
			logLevel: 'error',
			onlyCategories: Object.keys(AIMS)
		});
		if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
		const { categories, audits } = result.lhr;
		/** @param {string} id */
		const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
		const lcp = audits['largest-contentful-paint']?.numericValue ?? NaN;
		const misses = Object.entries(AIMS)
			.filter(([id, aim]) => score(id) < aim)
			.map(([id]) => id);
		if (!(lcp < LCP_AIM_MS)) misses.push('lcp');
		// name the failing audits, so a miss says what to fix
		const failing = Object.values(audits)
			.filter(
				(audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary'
			)
			.map((audit) => audit.id);
		if (misses.length) missed++;
		rows.push({
			page: path,
			performance: score('performance'),
			accessibility: score('accessibility'),
			'best-practices': score('best-practices'),
			seo: score('seo'),
			'FCP ms': Math.round(audits['first-contentful-paint']?.numericValue ?? NaN),
			'LCP ms': Math.round(lcp),
			'TBT ms': Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
			CLS: Number((audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
			misses: misses.join(' ') || '-',
			'LCP element': lcpElement(audits['largest-contentful-paint-element']),
			'failing audits': failing.join(' ') || '-'
		});
	}
} finally {
	await browser.close();
	await server.close();
}

console.log(
	`\nLighthouse 12 mobile (simulated slow 4G, 4x CPU slowdown). Aims: performance >= ${AIMS.performance}, accessibility ${AIMS.accessibility}, best practices ${AIMS['best-practices']}, SEO >= ${AIMS.seo}, LCP < ${LCP_AIM_MS} ms`
);
console.table(rows);
process.exit(missed ? 1 : 0);

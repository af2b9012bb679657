// Writes the IMS QTI 2.1 and content-packaging XSDs (with the W3C schemas they import) that
// the QTI validation test uses to tests/fixtures/qti-schemas, unchanged (each keeps IMS's
// licence notice), from oat-sa/qti-sdk at a pinned commit. They are committed because CI
// cannot download them; this script is how they were obtained and how to refresh them.
// Usage: node scripts/qti-schemas.js [--from-git <path to a clone's .git>]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const QTI_SCHEMA_DIR = 'tests/fixtures/qti-schemas';
const COMMIT = '634a9b89f3c58e37722be0906898d3da2459a2df';
const BASE = 'src/qtism/data/storage/xml/schemes';
const MATHML = [
	'mathml2.xsd',
	...['common-attribs', 'math', 'xlink-href'].map((f) => `common/${f}.xsd`),
	...[
		'arith',
		'calculus',
		'common-attrib',
		'constants',
		'constructs',
		'elementary-functions',
		'functions',
		'linear-algebra',
		'logic',
		'relations',
		'semantics',
		'sets',
		'statistics',
		'tokens',
		'vector-calculus'
	].map((f) => `content/${f}.xsd`),
	...[
		'action',
		'characters',
		'common-attribs',
		'common-types',
		'error',
		'layout',
		'scripts',
		'space',
		'style',
		'table',
		'tokens'
	].map((f) => `presentation/${f}.xsd`)
].map((f) => `w3/mathml2/${f}`);
export const QTI_SCHEMA_FILES = [
	'qtiv2p1/imsqti_v2p1.xsd',
	'imscp_v1p1.xsd',
	'imsmd_v1p2p4.xsd',
	'apipv1p0/apipv1p0_qtiextv2p1_v1p0.xsd',
	'w3/xml.xsd',
	'w3/XInclude.xsd',
	...MATHML
];

async function main() {
	const args = process.argv.slice(2);
	const gitDir = args[0] === '--from-git' ? args[1] : undefined;
	for (const file of QTI_SCHEMA_FILES) {
		const target = join(QTI_SCHEMA_DIR, file);
		if (existsSync(target)) continue;
		let text;
		if (gitDir) {
			text = execFileSync('git', ['--git-dir', gitDir, 'show', `${COMMIT}:${BASE}/${file}`]);
		} else {
			const url = `https://raw.githubusercontent.com/oat-sa/qti-sdk/${COMMIT}/${BASE}/${file}`;
			const response = await fetch(url);
			if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
			text = Buffer.from(await response.arrayBuffer());
		}
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, text);
	}
	console.log(`QTI 2.1 schemas in ${QTI_SCHEMA_DIR} (${QTI_SCHEMA_FILES.length} files)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().catch((error) => {
		console.error(`Could not get the QTI schemas: ${error.message}`);
		process.exit(1);
	});
}

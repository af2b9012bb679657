// xmllint against the IMS QTI 2.1 and content-packaging XSDs, for the unit and browser tests.
// The schemas are IMS's own files, unchanged, in tests/fixtures/qti-schemas (see
// scripts/qti-schemas.js for where they come from).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const QTI_SCHEMAS = 'tests/fixtures/qti-schemas';
export const ITEM_XSD = join(QTI_SCHEMAS, 'qtiv2p1/imsqti_v2p1.xsd');
export const MANIFEST_XSD = join(QTI_SCHEMAS, 'imscp_v1p1.xsd');

/** Throws, saying how to fix it, when xmllint or the schemas are missing. */
export function requireXmllintAndSchemas(): void {
	const probe = spawnSync('xmllint', ['--version']);
	if (probe.error || probe.status !== 0) {
		throw new Error(
			'xmllint is not installed: it validates the QTI export. Install it with `apt-get install -y libxml2-utils`.'
		);
	}
	if (!existsSync(ITEM_XSD) || !existsSync(MANIFEST_XSD)) {
		throw new Error(
			`The IMS QTI 2.1 schemas are not in ${QTI_SCHEMAS}: restore them from git, or run \`node scripts/qti-schemas.js\` to fetch them again from oat-sa/qti-sdk.`
		);
	}
}

/** xmllint's verdict on `paths` against `schema`: its status and every line not saying "validates". */
export function xmllintValidate(schema: string, paths: string[]) {
	requireXmllintAndSchemas();
	const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...paths], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	return {
		status: result.status,
		validated: result.stderr.match(/ validates$/gm)?.length ?? 0,
		problems: result.stderr.split('\n').filter((line) => line && !line.endsWith(' validates'))
	};
}

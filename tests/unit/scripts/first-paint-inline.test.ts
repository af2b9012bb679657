// The build puts first-paint.js inline in every page (one blocking request fewer before
// anything paints) and names its hash in the page's policy, so a host that sends the policy as
// a header still runs it.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { withInlineFirstPaint } from '../../../scripts/build.js';

const CODE = 'try{document.documentElement.dataset.theme="dark"}catch(e){}';
const page = (src: string) =>
	`<html><head><script src="${src}"></script><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-kit='; style-src 'self'"></head></html>`;

describe('first-paint.js inline', () => {
	test.each(['./first-paint.js', '../first-paint.js', '../../first-paint.js'])(
		'a page that loads it from %s carries it inline, hashed in its policy',
		(src) => {
			const html = withInlineFirstPaint(page(src), CODE);
			expect(html).not.toContain('first-paint.js');
			expect(html).toContain(`<script>${CODE}</script>`);
			const hash = createHash('sha256').update(CODE).digest('base64');
			expect(html).toContain(`script-src 'self' 'sha256-${hash}' 'wasm-unsafe-eval' 'sha256-kit='`);
		}
	);

	test('code with $ signs goes in as written', () => {
		const code = 'var a="$&$1$$";';
		expect(withInlineFirstPaint(page('./first-paint.js'), code)).toContain(
			`<script>${code}</script>`
		);
	});

	test('a page without the tag is an error, not a page without its script', () => {
		expect(() => withInlineFirstPaint('<html><head></head></html>', CODE)).toThrow(/first-paint/);
	});
});

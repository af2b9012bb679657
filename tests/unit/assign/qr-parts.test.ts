import fc from 'fast-check';
import jsQR from 'jsqr';
import { encode } from 'uqr';
import { describe, expect, test } from 'vitest';
import { isAssignError } from '../../../src/lib/assign/errors';
import {
	isQrPart,
	QR_PART_CHARS,
	qrParts,
	QrPartCollector
} from '../../../src/lib/assign/qr-parts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const codeArb = fc
	.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 6000 })
	.map((chars) => chars.join(''));

/** Draws `text` as a QR code (4 pixels a module) and reads it back with jsQR. */
function scan(text: string): string | undefined {
	const { data, size } = encode(text, { ecc: 'L', border: 2 });
	const scale = 4;
	const width = size * scale;
	const pixels = new Uint8ClampedArray(width * width * 4);
	for (let y = 0; y < width; y++)
		for (let x = 0; x < width; x++) {
			const dark = data[Math.floor(y / scale)]![Math.floor(x / scale)];
			pixels.fill(dark ? 0 : 255, (y * width + x) * 4, (y * width + x) * 4 + 3);
			pixels[(y * width + x) * 4 + 3] = 255;
		}
	return jsQR(pixels, width, width)?.data;
}

describe('receipts split over QR codes', () => {
	test('a code that fits stays one code, itself', () => {
		const code = 'A'.repeat(QR_PART_CHARS);
		expect(qrParts(code)).toEqual([code]);
		expect(isQrPart(code)).toBe(false);
	});

	test('parts scanned in any order, with repeats, give back the code', () => {
		fc.assert(
			fc.property(
				codeArb,
				fc.integer({ min: 20, max: 900 }),
				fc.infiniteStream(fc.nat()),
				(code, max, picks) => {
					const parts = qrParts(code, max);
					if (parts.length === 1) {
						expect(parts[0]).toBe(code);
						return;
					}
					expect(parts.every(isQrPart)).toBe(true);
					const collector = new QrPartCollector();
					const order = [...parts, ...parts.slice(0, 2)]
						.map((part) => ({ part, key: picks.next().value }))
						.sort((a, b) => a.key - b.key);
					const joined = order.map(({ part }) => collector.add(part).code).filter(Boolean);
					expect(joined[0]).toBe(code);
				}
			)
		);
	});

	test('parts of two receipts are never joined together', () => {
		const a = qrParts('a'.repeat(30), 10);
		const b = qrParts('b'.repeat(30), 10);
		const collector = new QrPartCollector();
		expect(collector.add(a[0]!).code).toBeUndefined();
		expect(collector.add(b[1]!).code).toBeUndefined();
		expect(collector.add(b[0]!).code).toBeUndefined();
		expect(collector.add(a[1]!).code).toBeUndefined();
		expect(collector.add(b[2]!).code).toBe('b'.repeat(30));
		expect(collector.add(a[2]!).code).toBe('a'.repeat(30));
	});

	test.each([
		['a whole code', 'ABCDEF'],
		['part 0', 'SBR.0.2.abc.AAAA'],
		['part past the count', 'SBR.3.2.abc.AAAA'],
		['a count of one', 'SBR.1.1.abc.AAAA'],
		['a chunk with a foreign character', 'SBR.1.2.abc.AA=A']
	])('%s is refused as a part', (_, text) => {
		expect(() => new QrPartCollector().add(text)).toThrow(
			expect.objectContaining({ code: 'corrupt' })
		);
	});

	test('a part whose chunk was changed is refused once the receipt is whole', () => {
		const [first, second] = qrParts('c'.repeat(20), 10);
		const collector = new QrPartCollector();
		collector.add(first!);
		const changed = second!.replace(/c$/, 'd');
		let error: unknown;
		try {
			collector.add(changed);
		} catch (caught) {
			error = caught;
		}
		expect(isAssignError(error, 'corrupt')).toBe(true);
	});

	test('every part of a long receipt is a QR code that a reader decodes exactly', () => {
		const code = Array.from({ length: 5000 }, (_, i) => ALPHABET[(i * 7919) % 64]).join('');
		const parts = qrParts(code);
		expect(parts.length).toBe(Math.ceil(5000 / QR_PART_CHARS));
		for (const part of parts) expect(scan(part)).toBe(part);
	});
});

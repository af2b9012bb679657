import { describe, expect, test } from 'vitest';
import { formatInterval, formatIntervalUntil } from '../../../src/lib/srs/interval-label';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('formatInterval', () => {
	test.each([
		[0, '<1m'],
		[20 * s, '<1m'],
		[1 * m, '1m'],
		[6 * m, '6m'],
		[10 * m, '10m'],
		[59 * m, '59m'],
		[59.6 * m, '1h'],
		[1 * h, '1h'],
		[90 * m, '2h'],
		[23 * h, '23h'],
		[23.6 * h, '1d'],
		[1 * d, '1d'],
		[4 * d, '4d'],
		[29 * d, '29d'],
		[30 * d, '1mo'],
		[91 * d, '3mo'],
		[340 * d, '11mo'],
		[360 * d, '1y'],
		[365 * d, '1y'],
		[548 * d, '1.5y'],
		[3650 * d, '10y'],
		[36500 * d, '100y']
	])('%d ms reads %s', (ms, label) => {
		expect(formatInterval(ms)).toBe(label);
	});

	test('formatIntervalUntil measures from now to the due date', () => {
		const now = new Date(2025, 5, 10, 12);
		expect(formatIntervalUntil(new Date(2025, 5, 14, 12), now)).toBe('4d');
	});
});

import { State } from 'ts-fsrs';
import { expect, test } from 'vitest';
import { dueForecast } from '../../../src/lib/progress/forecast';
import { cardOf, NOW, on } from './fixtures';

test('due cards per day for 30 days: overdue counts today, new cards and day 31 do not', () => {
	const cards = [
		cardOf('new', State.New, { due: on(6, 1) }), // New: never in the forecast
		cardOf('overdue', State.Review, { due: on(6, 1) }), // today (overdue)
		cardOf('tonight', State.Review, { due: on(6, 10, 18) }), // today
		cardOf('step', State.Learning, { due: on(6, 11, 2) }), // 2 am: still today's study day
		cardOf('tomorrow', State.Review, { due: on(6, 11, 10) }), // day 1
		cardOf('relearn', State.Relearning, { due: on(6, 12, 9) }), // day 2
		cardOf('last', State.Review, { due: on(7, 9, 12) }), // 10 June + 29 days: the last day
		cardOf('beyond', State.Review, { due: on(7, 10, 12) }) // day 30: outside
	];
	const forecast = dueForecast(cards, NOW);
	expect(forecast.days).toHaveLength(30);
	expect(forecast.days[0]).toEqual({ key: '2025-06-10', due: 3 });
	expect(forecast.days[1]).toEqual({ key: '2025-06-11', due: 1 });
	expect(forecast.days[2]).toEqual({ key: '2025-06-12', due: 1 });
	expect(forecast.days[29]).toEqual({ key: '2025-07-09', due: 1 });
	expect(forecast.overdue).toBe(1);
	expect(forecast.total).toBe(6);
	expect(forecast.days.slice(3, 29).every((d) => d.due === 0)).toBe(true);
});

test('a shorter horizon and no cards', () => {
	expect(dueForecast([], NOW, { days: 3 })).toEqual({
		days: [
			{ key: '2025-06-10', due: 0 },
			{ key: '2025-06-11', due: 0 },
			{ key: '2025-06-12', due: 0 }
		],
		overdue: 0,
		total: 0
	});
});

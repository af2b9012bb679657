import { describe, expect, test } from 'vitest';
import { resolveTheme } from '$lib/state/theme-choice';

describe('the theme to show', () => {
	test('is the stored choice when no save is pending', () => {
		expect(resolveTheme(null, 'dark')).toEqual({ choice: 'dark', unsaved: false });
		expect(resolveTheme(null, undefined)).toEqual({ choice: 'system', unsaved: false });
	});

	test('is a pending choice that a reload cut off before the database stored it', () => {
		expect(resolveTheme('dark', undefined)).toEqual({ choice: 'dark', unsaved: true });
		expect(resolveTheme('dark', 'light')).toEqual({ choice: 'dark', unsaved: true });
	});

	test('needs no save once the database holds the pending choice', () => {
		expect(resolveTheme('light', 'light')).toEqual({ choice: 'light', unsaved: false });
	});

	test('ignores values it does not know, from either place', () => {
		expect(resolveTheme('purple', 'dark')).toEqual({ choice: 'dark', unsaved: false });
		expect(resolveTheme(null, 42)).toEqual({ choice: 'system', unsaved: false });
	});
});

import { expect, test } from 'vitest';
import { PRIMARY_LINKS, SECONDARY_LINKS, isCurrent } from '$lib/ui/navigation';

test.each([
	['/', '/', true],
	['/', '/study', false],
	['/study', '/study', true],
	['/a', '/assign', false],
	['/assign', '/assign', true],
	['/quiz', '/quiz/results', true]
])('link %s is current on %s: %s', (href, pathname, expected) => {
	expect(isCurrent(href, pathname)).toBe(expected);
});

test('the tab bar holds the five learner sections, in order', () => {
	expect(PRIMARY_LINKS.map((link) => link.label())).toEqual([
		'Today',
		'Study',
		'Quiz',
		'Read',
		'Progress'
	]);
});

test('every page of the app is in the navigation exactly once', () => {
	const hrefs = [...PRIMARY_LINKS, ...SECONDARY_LINKS].map((link) => link.href).sort();
	expect(hrefs).toEqual([
		'/',
		'/a',
		'/assign',
		'/cards',
		'/gradebook',
		'/progress',
		'/quiz',
		'/read',
		'/settings',
		'/study'
	]);
});

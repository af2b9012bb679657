// The own cards' topic is the app's words, in the page's language; the article's topics stay
// its own (English) words.
import { afterEach, describe, expect, test } from 'vitest';
import { topicLabel, topicLang } from '$lib/i18n/topic';
import { overwriteGetLocale, baseLocale, type Locale } from '$lib/paraglide/runtime';
import { OWN_TOPIC } from '$lib/srs/own-cards';

const speak = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => speak(baseLocale));

describe('topic names', () => {
	test('the own cards are named in the page’s language', () => {
		speak('fr');
		expect(topicLabel(OWN_TOPIC)).toBe('Vos propres cartes');
		expect(topicLang(OWN_TOPIC)).toBe('fr');
		speak('en');
		expect(topicLabel(OWN_TOPIC)).toBe('Your own cards');
		expect(topicLang(OWN_TOPIC)).toBe('en');
	});

	test('an article topic keeps its words and stays marked English on French pages', () => {
		speak('fr');
		expect(topicLabel('Military operations')).toBe('Military operations');
		expect(topicLang('Military operations')).toBe('en');
	});
});

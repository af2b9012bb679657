// Every message exists in both languages, takes the same inputs in both, and is used
// somewhere in src/: a key missing in French, or left behind after a change, fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

type Message = string | { declarations: string[]; match: Record<string, string> }[];

const read = (locale: string): Record<string, Message> => {
	const messages = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'));
	delete messages.$schema;
	return messages;
};
const en = read('en');
const fr = read('fr');

/** The {placeholders} a message's texts use, whatever the plural branch. */
function inputs(message: Message): string[] {
	const texts = typeof message === 'string' ? [message] : Object.values(message[0]!.match);
	const names = texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
	// a plural's count is written through its formatted local (countText)
	return [...new Set(names.map((name) => name.replace(/Text$/, '')))].sort();
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (path === join('src', 'lib', 'paraglide')) return [];
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(svelte|ts|js)$/.test(name) ? [path] : [];
	});
}
const source = sourceFiles('src')
	.map((file) => readFileSync(file, 'utf8'))
	.join('\n');

describe('messages', () => {
	test('English and French hold the same keys', () => {
		expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
	});

	test.each(Object.keys(en))('%s takes the same inputs in both languages', (key) => {
		expect(fr[key], `${key} is missing in French`).toBeDefined();
		expect(inputs(fr[key]!)).toEqual(inputs(en[key]!));
	});

	test.each(Object.keys(en))('%s is used in src/', (key) => {
		// m.key( for a call, m.key for a message passed as a function, m['key'] or m["key"]
		const used = new RegExp(`\\bm\\.${key}\\b|\\bm\\[['"]${key}['"]\\]`).test(source);
		expect(used, `${key} is never used: remove it from messages/`).toBe(true);
	});

	test('no French text is still the English one, unless it is the same word in both', () => {
		const same = Object.keys(en).filter(
			(key) =>
				typeof en[key] === 'string' &&
				en[key] === fr[key] &&
				/[a-z]{4,}/i.test(en[key].replace(/\{\w+\}/g, ''))
		);
		// words French writes the same way (Quiz, Question, Mode, Date, Score, Total, ...)
		const alike =
			/^(quiz|questions?|mode|date|score|total|discrimination|type|menu|orange|article|\{\w+\} · Sahel Brief|\{\w+\} min)$/i;
		expect(same.filter((key) => !alike.test(en[key] as string))).toEqual([]);
	});

	test('French puts a no-break space before ; : ! ? and inside guillemets', () => {
		const texts = Object.values(fr).flatMap((message) =>
			typeof message === 'string' ? [message] : Object.values(message[0]!.match)
		);
		for (const text of texts) {
			expect(text, text).not.toMatch(/ [;:!?]|[^\u00a0\u202f\s(][;!?](\s|$)|«[^\u00a0]|[^\u00a0]»/);
		}
	});
});

// The .apkg opened as Anki opens it: unzip, then read collection.anki2 with sql.js and check
// the tables, note types, decks, notes and cards against Anki's schema 11 (the keys Anki's
// rslib requires when it reads col's JSON: notetype/schema11.rs, decks/schema11.rs,
// deckconfig/schema11.rs).
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { ankiNotes } from '../../../src/lib/progress/anki-notes';
import { ANKI_IDS, deckApkg } from '../../../src/lib/progress/deck-apkg';
import type { BankItem } from '../../../src/lib/bank/types';
import { realBank, HOSTILE } from '../assign/fixtures';
import { item } from '../quiz/fixtures';

const NOW = new Date('2025-10-02T09:00:00.000Z');
const SOURCE = {
	packId: 'france-mali-2025',
	title: 'France-Mali counter-terror cooperation collapse',
	readUrl: 'https://sahel.example/read'
};
const bank = realBank();
const hostile = HOSTILE.map((s, i) =>
	item({
		id: `hostile-${i}:cloze`,
		type: 'cloze',
		prompt: `${s} before _____ after {{c2::x}}`,
		answer: `${s}}}::`,
		topic: `Topic ${s}`
	})
);
const ITEMS: BankItem[] = [...(bank?.items ?? []), ...hostile];
const STUDY = ITEMS.filter((i) => ['flashcard', 'reverse', 'cloze'].includes(i.type));

let SQL: SqlJsStatic;
let db: Database;
let zip: Record<string, Uint8Array>;

beforeAll(async () => {
	SQL = await initSqlJs();
	const bytes = await deckApkg(SQL, ankiNotes(ITEMS, SOURCE), SOURCE.title, NOW);
	zip = unzipSync(bytes);
	db = new SQL.Database(zip['collection.anki2']);
});

const rows = (sql: string) => {
	const [result] = db.exec(sql);
	if (!result) return [];
	return result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]])));
};

describe('Anki package opened with sql.js', () => {
	test('the zip holds collection.anki2 and an empty media map', () => {
		expect(Object.keys(zip).sort()).toEqual(['collection.anki2', 'media']);
		expect(JSON.parse(strFromU8(zip.media!))).toEqual({});
	});

	test("the database has Anki's five tables and one col row of schema version 11", () => {
		const tables = rows("select name from sqlite_master where type = 'table' order by name");
		expect(tables.map((t) => t.name)).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
		const col = rows('select * from col');
		expect(col).toHaveLength(1);
		expect(col[0]).toMatchObject({ id: 1, ver: 11 });
		expect(JSON.parse(String(col[0]!.conf))).toMatchObject({ curDeck: ANKI_IDS.deck });
	});

	test('the note types are Basic and Cloze with the fields and keys Anki requires', () => {
		const models = JSON.parse(String(rows('select models from col')[0]!.models)) as Record<
			string,
			Record<string, unknown>
		>;
		const types = Object.values(models);
		expect(types.map((m) => [m.name, m.type])).toEqual([
			['Sahel Brief Basic', 0],
			['Sahel Brief Cloze', 1]
		]);
		for (const [id, m] of Object.entries(models)) {
			expect(String(m.id)).toBe(id);
			for (const key of [
				'id',
				'name',
				'type',
				'mod',
				'usn',
				'sortf',
				'did',
				'tmpls',
				'flds',
				'css'
			]) {
				expect(m, `note type key ${key}`).toHaveProperty(key);
			}
			const flds = m.flds as Record<string, unknown>[];
			expect(flds.map((f) => f.ord)).toEqual([0, 1, 2, 3, 4]);
			for (const f of flds) {
				for (const key of ['name', 'ord', 'sticky', 'rtl', 'font', 'size'])
					expect(f).toHaveProperty(key);
			}
			const [tmpl] = m.tmpls as Record<string, string>[];
			for (const key of ['name', 'ord', 'qfmt']) expect(tmpl).toHaveProperty(key);
			// every field a template names exists
			const names = new Set(flds.map((f) => String(f.name)));
			for (const ref of `${tmpl!.qfmt}${tmpl!.afmt}`.matchAll(/\{\{(?:cloze:)?([^}#/]+)\}\}/g)) {
				if (ref[1] !== 'FrontSide') expect(names).toContain(ref[1]);
			}
		}
		expect(types[0]!.flds).toMatchObject([
			{ name: 'Front' },
			{ name: 'Back' },
			{ name: 'Source' },
			{ name: 'Explanation' },
			{ name: 'Link' }
		]);
		expect((types[1]!.tmpls as { qfmt: string }[])[0]!.qfmt).toBe('{{cloze:Text}}');
	});

	test('one deck named after the article, with deck options Anki can read', () => {
		const col = rows('select decks, dconf from col')[0]!;
		const decks = Object.values(JSON.parse(String(col.decks))) as Record<string, unknown>[];
		expect(decks.map((d) => d.name).sort()).toEqual(['Default', SOURCE.title].sort());
		for (const d of decks) {
			for (const key of [
				'id',
				'name',
				'usn',
				'lrnToday',
				'revToday',
				'newToday',
				'timeToday',
				'collapsed',
				'dyn',
				'conf'
			]) {
				expect(d, `deck key ${key}`).toHaveProperty(key);
			}
		}
		const dconf = JSON.parse(String(col.dconf)) as Record<
			string,
			Record<string, Record<string, unknown>>
		>;
		const options = dconf[String(decks[0]!.conf)]!;
		for (const key of [
			'id',
			'mod',
			'name',
			'usn',
			'maxTaken',
			'autoplay',
			'timer',
			'new',
			'rev',
			'lapse'
		]) {
			expect(options, `deck option ${key}`).toHaveProperty(key);
		}
		for (const key of ['delays', 'initialFactor', 'ints', 'order', 'perDay'])
			expect(options.new).toHaveProperty(key);
		for (const key of ['ease4', 'ivlFct', 'maxIvl', 'perDay'])
			expect(options.rev).toHaveProperty(key);
		for (const key of ['delays', 'leechAction', 'leechFails', 'minInt', 'mult'])
			expect(options.lapse).toHaveProperty(key);
	});

	test('one note per study item: Cloze with {{c1::answer}} for a cloze, Basic otherwise', () => {
		const notes = rows('select * from notes order by id');
		expect(notes).toHaveLength(STUDY.length);
		expect(new Set(notes.map((n) => n.guid)).size).toBe(notes.length);
		STUDY.forEach((it, i) => {
			const note = notes[i]!;
			const fields = String(note.flds).split('\x1f');
			expect(fields).toHaveLength(5);
			expect(note.guid).toBe(`${SOURCE.packId}:${it.id}`);
			const cloze = it.type === 'cloze' && it.prompt.includes('_____');
			expect(note.mid).toBe(cloze ? ANKI_IDS.cloze : ANKI_IDS.basic);
			if (cloze) {
				// exactly one deletion, holding the answer
				expect(fields[0]!.match(/\{\{c\d+::/g)).toEqual(['{{c1::']);
				expect(fields[0]).toMatch(/\{\{c1::[^]*?\}\}/);
				expect(fields[1]).toBe(esc(it.answer));
			} else {
				expect(fields[0]).toBe(esc(it.prompt));
				expect(fields[1]).toBe(esc(it.answer));
			}
			expect(fields[2]).toBe(esc(it.source.quote));
			expect(fields[3]).toBe(esc(it.explanation));
			expect(fields[4]).toContain(`href='${SOURCE.readUrl}#${it.source.paragraph}'`);
			const tags = String(note.tags).trim().split(' ');
			expect(tags).toContain(it.type);
			expect(tags).toContain(clean(it.topic).trim().replace(/\s+/g, '_'));
			// Anki's duplicate checksum: first 8 hex digits of SHA-1 of the stripped sort field
			const sha1 = createHash('sha1').update(String(note.sfld)).digest('hex');
			expect(note.csum).toBe(parseInt(sha1.slice(0, 8), 16));
		});
		if (bank) expect(notes.some((n) => n.mid === ANKI_IDS.cloze)).toBe(true);
	});

	test('one new card per note, in the deck, in bank order', () => {
		const cards = rows(
			'select c.*, n.id as note from cards c join notes n on n.id = c.nid order by c.due'
		);
		expect(cards).toHaveLength(STUDY.length);
		for (const [i, c] of cards.entries()) {
			expect(c).toMatchObject({
				did: ANKI_IDS.deck,
				ord: 0,
				type: 0,
				queue: 0,
				due: i + 1,
				reps: 0
			});
		}
		expect(rows('select count(*) as n from revlog')[0]!.n).toBe(0);
	});
});

/** HTML as the fields hold it: control characters dropped, a lone surrogate as U+FFFD. */
const clean = (t: string) =>
	t
		// eslint-disable-next-line no-control-regex -- control characters are what this looks for
		.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
		.replace(/\uD800(?![\uDC00-\uDFFF])/g, '\uFFFD');
const esc = (t: string) =>
	clean(t)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\t/g, ' ')
		.replace(/\r\n|\r|\n/g, '<br>');

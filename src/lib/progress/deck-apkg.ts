// The study deck as an Anki package (.apkg): a zip holding `collection.anki2`, a SQLite
// database in Anki's schema 11 (tables col, notes, cards, revlog, graves; note types, decks
// and deck options as JSON in col), and an empty `media` map. Schema 11 is the format every
// Anki since 2.1 (desktop, AnkiDroid, AnkiMobile) imports. SQLite is written by sql.js,
// which the caller passes in so it loads only when a learner exports.
// Cards are new (never studied): Anki schedules them itself, so our FSRS state is not copied.
import { strToU8, zipSync } from 'fflate';
import type { Database, SqlJsStatic } from 'sql.js';
import type { AnkiNote, AnkiNoteKind } from './anki-notes';

/** Fixed ids: the same note types and deck on every export, so a re-import merges into them. */
export const ANKI_IDS = {
	basic: 1_700_000_000_001,
	cloze: 1_700_000_000_002,
	deck: 1_700_000_000_100
} as const;

export const NOTE_TYPE_NAMES: Record<AnkiNoteKind, string> = {
	basic: 'Sahel Brief Basic',
	cloze: 'Sahel Brief Cloze'
};

const FIELD_NAMES: Record<AnkiNoteKind, string[]> = {
	basic: ['Front', 'Back', 'Source', 'Explanation', 'Link'],
	cloze: ['Text', 'Back Extra', 'Source', 'Explanation', 'Link']
};

const DETAILS =
	'<div class="source">{{Source}}</div><div class="explanation">{{Explanation}}</div><div class="link">{{Link}}</div>';
const TEMPLATES: Record<AnkiNoteKind, { name: string; qfmt: string; afmt: string }> = {
	basic: {
		name: 'Card 1',
		qfmt: '{{Front}}',
		afmt: `{{FrontSide}}<hr id="answer">{{Back}}${DETAILS}`
	},
	cloze: { name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: `{{cloze:Text}}${DETAILS}` }
};

const CSS = `.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left; color: black; background-color: white; }
.cloze { font-weight: bold; color: #1f4e5f; }
.source { margin-top: 1em; font-style: italic; }
.explanation, .link { margin-top: 0.5em; font-size: 16px; }`;

// Anki's schema 11 (rslib/src/storage/schema11.sql), which older and newer Ankis both open
const SCHEMA = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** Fields are stored joined by the unit separator. */
const FIELD_SEPARATOR = '\x1f';

/** The .apkg bytes for `notes` in one deck named `deckName`, made at `now`. */
export async function deckApkg(
	SQL: SqlJsStatic,
	notes: readonly AnkiNote[],
	deckName: string,
	now: Date
): Promise<Uint8Array> {
	const db = new SQL.Database();
	try {
		db.exec(SCHEMA);
		writeCollection(db, deckName, notes.length, now);
		await writeNotes(db, notes, now);
		const collection = db.export();
		return zipSync(
			{ 'collection.anki2': collection, media: strToU8('{}') },
			{ level: 6, mtime: now }
		);
	} finally {
		db.close();
	}
}

function writeCollection(db: Database, deckName: string, noteCount: number, now: Date) {
	const ms = now.getTime();
	const secs = Math.floor(ms / 1000);
	const dayStart = new Date(now);
	dayStart.setUTCHours(4, 0, 0, 0); // Anki's day starts at 4 am
	const models = Object.fromEntries(
		(['basic', 'cloze'] as const).map((kind) => [String(ANKI_IDS[kind]), noteType(kind, secs)])
	);
	const decks = {
		'1': deck(1, 'Default', secs),
		[String(ANKI_IDS.deck)]: deck(ANKI_IDS.deck, deckName, secs)
	};
	const conf = {
		activeDecks: [ANKI_IDS.deck],
		curDeck: ANKI_IDS.deck,
		newSpread: 0,
		collapseTime: 1200,
		timeLim: 0,
		estTimes: true,
		dueCounts: true,
		curModel: ANKI_IDS.basic,
		nextPos: noteCount + 1,
		sortType: 'noteFld',
		sortBackwards: false,
		addToCur: true
	};
	db.run('insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
		Math.floor(dayStart.getTime() / 1000),
		ms,
		ms,
		JSON.stringify(conf),
		JSON.stringify(models),
		JSON.stringify(decks),
		JSON.stringify({ '1': deckOptions(secs) }),
		'{}'
	]);
}

async function writeNotes(db: Database, notes: readonly AnkiNote[], now: Date) {
	const ms = now.getTime();
	const secs = Math.floor(ms / 1000);
	const insertNote = db.prepare('insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
	const insertCard = db.prepare(
		'insert into cards values (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)'
	);
	try {
		for (const [i, note] of notes.entries()) {
			const fields = [note.first, note.second, note.source, note.explanation, note.link];
			const sortField = stripHtml(note.first);
			// ids are creation times in ms in Anki; consecutive ones keep them unique
			insertNote.run([
				ms + i,
				note.guid,
				ANKI_IDS[note.kind],
				secs,
				` ${note.tags.join(' ')} `,
				fields.join(FIELD_SEPARATOR),
				sortField,
				await checksum(sortField),
				''
			]);
			// new cards: type 0, queue 0, due = position in the new queue
			insertCard.run([ms + i, ms + i, ANKI_IDS.deck, secs, i + 1, '']);
		}
	} finally {
		insertNote.free();
		insertCard.free();
	}
}

function noteType(kind: AnkiNoteKind, secs: number) {
	const template = TEMPLATES[kind];
	return {
		id: ANKI_IDS[kind],
		name: NOTE_TYPE_NAMES[kind],
		type: kind === 'cloze' ? 1 : 0,
		mod: secs,
		usn: -1,
		sortf: 0,
		did: ANKI_IDS.deck,
		tmpls: [
			{
				name: template.name,
				ord: 0,
				qfmt: template.qfmt,
				afmt: template.afmt,
				bqfmt: '',
				bafmt: '',
				did: null,
				bfont: '',
				bsize: 0
			}
		],
		flds: FIELD_NAMES[kind].map((name, ord) => ({
			name,
			ord,
			sticky: false,
			rtl: false,
			font: 'Arial',
			size: 20,
			media: []
		})),
		css: CSS,
		latexPre:
			'\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
		latexPost: '\\end{document}',
		latexsvg: false,
		// a card is made when its first field is not empty
		req: [[0, 'any', [0]]],
		tags: [],
		vers: []
	};
}

function deck(id: number, name: string, secs: number) {
	return {
		id,
		name,
		mod: secs,
		usn: -1,
		lrnToday: [0, 0],
		revToday: [0, 0],
		newToday: [0, 0],
		timeToday: [0, 0],
		collapsed: false,
		browserCollapsed: false,
		desc: id === 1 ? '' : 'Made by Sahel Brief from the article of the same name.',
		dyn: 0,
		conf: 1,
		extendNew: 0,
		extendRev: 0
	};
}

/** Anki's default deck options, with every key schema 11 requires. */
function deckOptions(secs: number) {
	return {
		id: 1,
		mod: secs,
		name: 'Default',
		usn: -1,
		maxTaken: 60,
		autoplay: true,
		timer: 0,
		replayq: true,
		dyn: false,
		new: {
			bury: false,
			delays: [1, 10],
			initialFactor: 2500,
			ints: [1, 4, 0],
			order: 1,
			perDay: 20
		},
		rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
		lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 }
	};
}

/** A field's text as Anki sorts and checksums it: tags removed, entities decoded. */
export function stripHtml(fieldHtml: string): string {
	return fieldHtml
		.replace(/<br\s*\/?>/gi, ' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.trim();
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the stripped first field. */
export async function checksum(text: string): Promise<number> {
	const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
	return new DataView(digest).getUint32(0);
}

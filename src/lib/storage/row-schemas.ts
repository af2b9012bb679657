// What a stored row must look like, with ranges and not only types: one set of valibot
// schemas checks a backup file's rows on import and the database's own rows on every read,
// so a row no valid version of the app could have written is refused or skipped, never used.
// Schemas see rows as the file has them (dates as ISO strings); `asFileRow` turns a stored
// row's top-level Dates into that form.
import * as v from 'valibot';

import { EARLIEST_DATE, latestDate } from './date-range';
import { CARD_MARK_FIELDS } from '../srs/card-flags';
import { CARD_TEXT_MAX, OWN_CARD_KINDS, OWN_ID_PREFIX } from '../srs/own-cards';

export { EARLIEST_DATE, latestDate };

/** Whether an ISO string names a real moment: engines quietly roll 31 February into March. */
function isRealDate(iso: string): boolean {
	if (Number.isNaN(Date.parse(iso))) return false;
	const [, year, month, day] = /^([+-]?\d+)-(\d\d)-(\d\d)/.exec(iso) ?? [];
	const m = Number(month);
	const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
	return m >= 1 && m <= 12 && Number(day) >= 1 && Number(day) <= daysInMonth;
}

const ISO_DATE = /^[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/;

/** An ISO date string of a real moment (any year), as the file header's `exportedAt`. */
export const anyIsoDate = v.pipe(
	v.string('expected a date'),
	v.regex(ISO_DATE, 'expected a date'),
	v.check(isRealDate, 'expected a date')
);

/** Every table's row schema, for a clock reading `now`. */
export function rowSchemas(now: Date) {
	const earliest = EARLIEST_DATE.getTime();
	const latest = latestDate(now).getTime();
	const isoDate = v.pipe(
		anyIsoDate,
		v.check(
			(iso) => {
				const t = Date.parse(iso);
				return t >= earliest && t <= latest;
			},
			`expected a date from 2000 to ${new Date(latest).getUTCFullYear()}`
		)
	);
	const optionalDate = v.nullish(isoDate);
	// finite numbers only: a NaN or Infinity in a scheduling field poisons every later
	// replay and export, so none is accepted (valibot's number() already refuses NaN)
	const range = (min: number, max: number) =>
		v.pipe(
			v.number('expected a number'),
			v.finite('expected a finite number'),
			v.minValue(min, `expected at least ${min}`),
			v.maxValue(max, `expected at most ${max}`)
		);
	const count = v.pipe(range(0, 1_000_000), v.integer('expected a whole number'));
	const days = range(0, 1_000_000);
	const key = v.pipe(v.string('expected text'), v.minLength(1, 'expected a non-empty key'));
	const text = v.string('expected text');
	const state = v.picklist([0, 1, 2, 3], 'expected a card state (0 to 3)');
	const scheduling = {
		due: isoDate,
		stability: range(0, 1_000_000),
		difficulty: range(0, 10),
		elapsed_days: days,
		scheduled_days: days,
		learning_steps: count,
		state
	};

	const card = v.looseObject({
		...scheduling,
		itemId: key,
		factIds: v.array(text, 'expected a list of fact ids'),
		reps: count,
		lapses: count,
		last_review: optionalDate
	});

	const review = v.looseObject({
		...scheduling,
		id: v.optional(v.pipe(v.number('expected a whole number key'), v.integer(), v.minValue(1))),
		uid: v.optional(
			v.pipe(key, v.maxLength(200, 'expected a review id of at most 200 characters'))
		),
		itemId: key,
		rating: v.picklist([0, 1, 2, 3, 4], 'expected a rating (0 to 4)'),
		last_elapsed_days: days,
		review: isoDate,
		previousDue: optionalDate,
		durationMs: v.optional(range(0, 1e10))
	});

	const attempt = v.looseObject({
		id: key,
		kind: v.picklist(['quiz', 'assignment'], 'expected "quiz" or "assignment"'),
		assignmentId: v.optional(text),
		startedAt: isoDate,
		finishedAt: optionalDate,
		plan: v.unknown(),
		answers: v.record(v.string(), v.unknown(), 'expected the answers'),
		position: count
	});

	// the fields of an assignment every page relies on (see Assignment in assign/assignment-code)
	const assignmentData = v.looseObject(
		{
			id: key,
			title: text,
			itemIds: v.array(key, 'expected the question ids'),
			seed: v.optional(text)
		},
		'expected the assignment'
	);
	const assignment = v.looseObject({
		id: key,
		role: v.picklist(['instructor', 'student'], 'expected "instructor" or "student"'),
		code: text,
		title: text,
		createdAt: isoDate,
		data: assignmentData
	});

	const submission = v.looseObject({
		id: key,
		assignmentId: text,
		studentName: text,
		importedAt: isoDate,
		receipt: v.looseObject(
			{
				code: text,
				receipt: v.looseObject({
					student: text,
					attempt: v.pipe(count, v.minValue(1)),
					answers: v.array(v.unknown())
				})
			},
			'expected a receipt'
		)
	});

	const setting = v.looseObject({ key, value: v.unknown() });

	const tombstone = v.looseObject({
		uid: v.pipe(key, v.maxLength(200, 'expected a review id of at most 200 characters')),
		at: isoDate
	});

	const markTime = range(0, latest);
	// the learner's marks on a card (the card browser), apart from its FSRS row
	const cardFlag = v.looseObject({
		itemId: key,
		suspended: v.optional(v.boolean('expected true or false')),
		buriedUntil: optionalDate,
		flag: v.optional(v.picklist(['red', 'orange', 'green', 'blue'], 'expected a flag colour')),
		resetAt: optionalDate,
		// when each mark was last set or taken off (epoch ms), for sync's last-change-wins
		markedAt: v.optional(
			v.object(
				Object.fromEntries(CARD_MARK_FIELDS.map((field) => [field, v.optional(markTime)])),
				'expected the times of the marks'
			)
		)
	});

	// the learner's own text: plain, bounded, never markup (checked again by own-cards.ts
	// before a card is stored, so a file can hold nothing the form would refuse)
	const cardText = v.pipe(
		v.string('expected text'),
		v.minLength(1, 'expected text'),
		v.maxLength(CARD_TEXT_MAX, `expected at most ${CARD_TEXT_MAX} characters`),
		v.check((t) => !/<\s*\/?\s*[a-z!?][^>]*>|<!--/i.test(t), 'expected plain text, not markup')
	);
	const ownCard = v.looseObject({
		id: v.pipe(key, v.startsWith(OWN_ID_PREFIX, `expected an id starting with ${OWN_ID_PREFIX}`)),
		kind: v.picklist(OWN_CARD_KINDS, 'expected "basic" or "cloze"'),
		packId: v.optional(key),
		front: cardText,
		back: cardText,
		paragraph: v.optional(v.pipe(text, v.regex(/^p\d+$/, 'expected a paragraph id'))),
		quote: v.optional(v.pipe(text, v.maxLength(CARD_TEXT_MAX * 4))),
		createdAt: isoDate,
		updatedAt: isoDate
	});
	// a removal of an own card names one: never a bank card, whose schedule and ratings it
	// would take with it
	const ownRemoval = v.variant('kind', [
		v.object({
			kind: v.literal('ownCards'),
			key: v.pipe(
				key,
				v.startsWith(OWN_ID_PREFIX, `expected an id starting with ${OWN_ID_PREFIX}`),
				v.maxLength(200, 'expected a key of at most 200 characters')
			),
			at: isoDate
		}),
		v.object({
			kind: v.literal('cardWordings'),
			key: v.pipe(key, v.maxLength(200, 'expected a key of at most 200 characters')),
			at: isoDate
		})
	]);
	const cardWording = v.looseObject({
		itemId: key,
		front: v.optional(cardText),
		back: v.optional(cardText),
		updatedAt: isoDate
	});

	return {
		cards: card,
		reviews: review,
		attempts: attempt,
		assignments: assignment,
		submissions: submission,
		settings: setting,
		cardFlags: cardFlag,
		tombstones: tombstone,
		ownCards: ownCard,
		cardWordings: cardWording,
		ownRemovals: ownRemoval
	} satisfies Record<string, v.GenericSchema>;
}

export type RowTableName = keyof ReturnType<typeof rowSchemas>;

/** The top-level date fields of each table, written as plain ISO strings in a file. */
export const DATE_FIELDS: Record<RowTableName, readonly string[]> = {
	cards: ['due', 'last_review'],
	reviews: ['due', 'review', 'previousDue'],
	attempts: ['startedAt', 'finishedAt'],
	assignments: ['createdAt'],
	submissions: ['importedAt'],
	settings: [],
	cardFlags: ['buriedUntil', 'resetAt'],
	tombstones: ['at'],
	ownCards: ['createdAt', 'updatedAt'],
	cardWordings: ['updatedAt'],
	ownRemovals: ['at']
};

/** A stored row with its top-level Dates as ISO strings (anything else fails the schema). */
export function asFileRow(row: unknown, dates: readonly string[]): unknown {
	if (row === null || typeof row !== 'object') return row;
	const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
	for (const k of dates) {
		const x = out[k];
		if (x instanceof Date) out[k] = Number.isNaN(x.getTime()) ? 'invalid' : x.toISOString();
		else if (x !== undefined && x !== null) out[k] = 0; // a stored date that is not a Date
	}
	return out;
}

// The shape the app relies on when it reads a map file. Apart from bank-schema.ts: every page
// reads the bank, only map questions read a map.
import * as v from 'valibot';

const Str = v.string();

export const BankMapSchema = v.object({
	schemaVersion: v.number(),
	pack: Str,
	viewBox: v.pipe(Str, v.regex(/^0 0 \d+ \d+$/)),
	attribution: Str,
	regions: v.array(
		v.object({
			name: Str,
			entity: v.optional(Str),
			d: Str,
			label: v.optional(v.tuple([v.number(), v.number()]))
		})
	),
	points: v.array(v.object({ name: Str, entity: Str, x: v.number(), y: v.number() }))
});

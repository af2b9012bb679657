// The shape the app relies on when it reads a bank or map file. Objects are not strict, so
// a newer generator may add optional fields without breaking older app versions.
import * as v from 'valibot';
import { ITEM_TYPES } from './types';

const Str = v.string();

const SourceSchema = v.object({ paragraph: Str, quote: Str });

export const BankItemSchema = v.object({
	id: Str,
	type: v.picklist(ITEM_TYPES),
	prompt: Str,
	answer: Str,
	options: v.optional(v.array(Str)),
	pairs: v.optional(v.array(v.object({ left: Str, right: Str }))),
	sequence: v.optional(v.array(Str)),
	accept: v.optional(v.array(Str)),
	keyTerms: v.optional(v.array(v.array(Str))),
	selfRated: v.optional(v.boolean()),
	explanation: Str,
	factIds: v.array(Str),
	topic: Str,
	difficulty: v.picklist([1, 2, 3]),
	source: SourceSchema
});

export const BankSchema = v.object({
	schemaVersion: v.number(),
	pack: v.object({
		id: Str,
		title: Str,
		version: Str,
		source: v.object({
			title: Str,
			credit: Str,
			sections: v.array(Str),
			paragraphs: v.array(v.object({ id: Str, section: Str, text: Str }))
		})
	}),
	facts: v.array(
		v.object({
			id: Str,
			statement: Str,
			topic: Str,
			kind: Str,
			paragraph: Str,
			quote: Str,
			claimBy: v.optional(Str)
		})
	),
	items: v.array(BankItemSchema)
});

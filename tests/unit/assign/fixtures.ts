// Builders for assignment tests: a small bank with one item of each type and ids shaped like
// the real ones ('fact-id:rule'), and assignments and receipts over it.
import { readFileSync, existsSync } from 'node:fs';
import type { Bank, BankItem } from '../../../src/lib/bank/types';
import type { Assignment } from '../../../src/lib/assign/assignment-code';
import { bankHash } from '../../../src/lib/assign/bank-hash';
import type { Receipt } from '../../../src/lib/assign/receipt-code';
import { item } from '../quiz/fixtures';

/** One item of every type, each sourced from one of three paragraphs. */
export const ITEMS: BankItem[] = [
	item({ id: 'wagner-group-arrival:mcq', type: 'mcq', source: src('p1') }),
	item({ id: 'barkhane-ended-2022:true', type: 'truefalse', source: src('p1') }),
	item({ id: 'malian-claim-abandon:who-said', type: 'who-said', source: src('p2') }),
	item({ id: 'bamako-location:map', type: 'map', source: src('p2') }),
	item({ id: 'bamako-capital:flashcard', type: 'flashcard', source: src('p2') }),
	item({ id: 'mali-capital:reverse', type: 'reverse', source: src('p3') }),
	item({
		id: 'withdrawal-year:cloze',
		type: 'cloze',
		accept: ['twenty twenty-two'],
		source: src('p3')
	}),
	item({
		id: 'peak-troops:numeric',
		type: 'numeric',
		accept: ['five thousand one hundred'],
		source: src('p3')
	}),
	item({ id: 'operations:matching', type: 'matching', source: src('p1') }),
	item({ id: 'timeline:ordering', type: 'ordering', source: src('p1') })
];

function src(paragraph: string) {
	return { paragraph, quote: 'A sentence of the article.' };
}

/** A bank holding `items` (the fixture items by default). */
export function bank(items: BankItem[] = ITEMS, version = '1.0.0'): Bank {
	return {
		schemaVersion: 1,
		pack: {
			id: 'france-mali-2025',
			title: 'France-Mali',
			version,
			source: {
				title: 'France-Mali',
				credit: 'Test',
				sections: [''],
				paragraphs: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, section: '', text: `Text ${id}.` }))
			}
		},
		facts: [],
		items
	};
}

export const BANK = bank();

/** The real bank when it has been generated, else null. */
export function realBank(): Bank | null {
	const path = new URL('../../../static/bank/france-mali-2025.json', import.meta.url);
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Bank) : null;
}

/** An assignment over `forBank` (the fixture bank by default) with `overrides` applied. */
export function assignment(overrides: Partial<Assignment> = {}, forBank: Bank = BANK): Assignment {
	return {
		v: 1,
		packId: forBank.pack.id,
		bankHash: bankHash(forBank),
		id: 'k3J9xQ2a',
		title: 'Week 3: France and Mali',
		instructor: 'Ms Diallo',
		instructions: 'Answer every question. Read the article first.',
		attemptsAllowed: 2,
		shuffleQuestions: true,
		shuffleOptions: true,
		feedback: 'after-submitting',
		passMark: 60,
		itemIds: forBank.items.map((i) => i.id),
		seed: 'seed-123',
		createdAt: '2025-10-01T08:00:00.000Z',
		...overrides
	};
}

/** The fully right answer to every fixture item, in ITEMS order. */
export const RIGHT_ANSWERS: Receipt['answers'] = ITEMS.map((i): Receipt['answers'][number] => {
	switch (i.type) {
		case 'matching':
			return { kind: 'matching', pairs: i.pairs ?? [] };
		case 'ordering':
			return { kind: 'ordering', sequence: i.sequence ?? [] };
		case 'mcq':
		case 'truefalse':
		case 'who-said':
		case 'map':
			return { kind: 'choice', choice: i.answer };
		default:
			return { kind: 'text', text: i.answer };
	}
});

/** A receipt for `forAssignment` (the default assignment) with `overrides` applied. */
export function receipt(
	overrides: Partial<Receipt> = {},
	forAssignment: Assignment = assignment()
): Receipt {
	return {
		v: 1,
		assignmentId: forAssignment.id,
		packId: forAssignment.packId,
		bankHash: forAssignment.bankHash,
		student: 'Awa Traoré',
		startedAt: '2025-10-02T09:00:00.000Z',
		submittedAt: '2025-10-02T09:12:30.000Z',
		answers: RIGHT_ANSWERS,
		attempt: 1,
		...overrides
	};
}

/** Strings that must travel as text and never as markup or break a codec. */
export const HOSTILE = [
	'<img src=x onerror=alert(1)>',
	'<script>alert("x")</script>',
	'javascript:alert(1)',
	'=HYPERLINK("http://evil","x")',
	'"; DROP TABLE students; --',
	'\u202Eevil\u202C',
	'Z̷̢̛a̸l̶g̵o̴',
	'👩🏽‍🏫 Mme Koné',
	'\uD800 lone surrogate',
	'\u0000nul\u0007bell',
	'~=#{}:\\ gift specials'
];

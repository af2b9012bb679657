// `npm run bank -- --report`: the figures an editor reads before signing a bank off.
// Pure: it takes a bank and returns lines, so the same report prints in CI and in tests.
import { contentWords } from './text-overlap';
import type { Bank, BankItem } from './types';

/** Item types answered by typing in a quiz: their answers must be short or key-term graded. */
export const TYPED_TYPES = ['flashcard', 'reverse', 'cloze'] as const;
const CHOICE_TYPES = new Set(['mcq', 'who-said', 'map']);

/** Counts of `keys`, in first-seen order. */
function tally(keys: readonly string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
	return counts;
}

const percent = (part: number, whole: number) =>
	whole === 0 ? '-' : `${Math.round((100 * part) / whole)}%`;

/** Words of a typed answer, as a learner would have to type them. */
export function answerWords(answer: string): number {
	return answer.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Share of a statement's content words that also occur in its quote. */
export function quoteShare(statement: string, quote: string): number {
	const words = contentWords(statement);
	if (words.length === 0) return 0;
	const quoted = new Set(contentWords(quote));
	return words.filter((w) => quoted.has(w)).length / words.length;
}

/** The report as lines of text. */
export function bankReport(bank: Bank): string[] {
	const { items } = bank;
	const lines: string[] = [];
	const out = (line = '') => lines.push(line);

	out(`${bank.pack.id}: ${bank.facts.length} facts, ${items.length} items`);
	out('items per type:');
	for (const [type, n] of [...tally(items.map((i) => i.type))].sort((a, b) => b[1] - a[1]))
		out(`  ${type.padEnd(10)} ${String(n).padStart(4)}  ${percent(n, items.length)}`);

	const quiz = items.filter((i) => !i.selfRated);
	const mcq = quiz.filter((i) => i.type === 'mcq').length;
	out(
		`quiz items (self-rated study cards left out): ${quiz.length}; multiple choice ${mcq} (${percent(mcq, quiz.length)})`
	);
	out('items per topic (true/false keyed True):');
	const topics = [...new Set(items.map((i) => i.topic))];
	for (const topic of topics) {
		const here = items.filter((i) => i.topic === topic);
		const tf = here.filter((i) => i.type === 'truefalse');
		const yes = tf.filter((i) => i.answer === 'True').length;
		out(
			`  ${String(here.length).padStart(4)}  TF ${yes}/${tf.length} True (${percent(yes, tf.length)})  ${topic}`
		);
	}

	const tf = items.filter((i) => i.type === 'truefalse');
	const trues = tf.filter((i) => i.answer === 'True');
	const copied = trues.filter((i) => quoteShare(i.prompt, i.source.quote) > 0.7);
	out(
		`true/false: ${trues.length} True, ${tf.length - trues.length} False of ${tf.length} (${percent(trues.length, tf.length)} True); ` +
			`${copied.length} True statements take over 70% of their words from the quote`
	);

	out('key positions (1 = first stored option):');
	for (const type of ['mcq', 'who-said', 'map']) {
		const choice = items.filter((i) => i.type === type && CHOICE_TYPES.has(i.type));
		if (choice.length === 0) continue;
		const positions = tally(choice.map((i) => String((i.options ?? []).indexOf(i.answer) + 1)));
		const row = ['1', '2', '3', '4', '5']
			.filter((p) => positions.has(p))
			.map((p) => `${p}: ${positions.get(p)}`)
			.join(', ');
		out(`  ${type.padEnd(10)} ${row}`);
	}

	const perFact = tally(items.flatMap((i) => i.factIds));
	const spread = tally([...perFact.values()].map(String));
	const busiest = [...perFact].sort((a, b) => b[1] - a[1]).slice(0, 5);
	out(
		`items per fact: ${[...spread]
			.sort((a, b) => Number(a[0]) - Number(b[0]))
			.map(([n, facts]) => `${facts} facts × ${n}`)
			.join(', ')}`
	);
	out(`  most tested: ${busiest.map(([id, n]) => `${id} ${n}`).join(', ')}`);

	const typed: BankItem[] = items.filter((i) =>
		(TYPED_TYPES as readonly string[]).includes(i.type)
	);
	const long = typed.filter((i) => answerWords(i.answer) > 3);
	const keyGraded = long.filter((i) => (i.keyTerms?.length ?? 0) > 0);
	const selfRated = long.filter((i) => i.selfRated);
	out(
		`typed answers: ${typed.length}; ${long.length} of four words or more: ${keyGraded.length} graded by key terms, ` +
			`${selfRated.length} self-rated study cards (not in quizzes), ${long.length - keyGraded.length - selfRated.length} typed as written`
	);
	const longest = (list: BankItem[]) =>
		[...list]
			.sort((a, b) => answerWords(b.answer) - answerWords(a.answer) || (a.id < b.id ? -1 : 1))
			.slice(0, 6);
	out('  longest typed in quizzes:');
	for (const item of longest(typed.filter((i) => !i.selfRated)))
		out(
			`  ${String(answerWords(item.answer)).padStart(3)} words${item.keyTerms ? ' (key terms)' : ''}  ${item.id}: ${item.answer}${item.accept?.length ? ` (or ${item.accept.join(', ')})` : ''}`
		);
	out('  longest of all:');
	for (const item of longest(typed))
		out(
			`  ${String(answerWords(item.answer)).padStart(3)} words${item.keyTerms ? ' (key terms)' : ''}${item.selfRated ? ' (self-rated)' : ''}  ${item.id}: ${item.answer}`
		);
	return lines;
}

// Splits a paragraph into plain text and highlighted passages, one passage per cluster of
// overlapping quotes. Quotes overlap a lot (a date fact inside the event fact that holds it),
// and a highlight cannot nest inside another control, so overlapping quotes merge into one
// passage that opens all its facts; `depth` keeps where they overlap visible.

/** A quote to mark in a paragraph. */
export interface QuoteRef {
	id: string;
	quote: string;
}

/** A run of a highlighted passage and how many quotes cover it (1 or more). */
export interface HighlightPart {
	text: string;
	depth: number;
}

export type Segment =
	{ kind: 'text'; text: string } | { kind: 'highlight'; factIds: string[]; parts: HighlightPart[] };

interface Range {
	id: string;
	start: number;
	end: number;
}

/** Where each quote sits in `text` (its first occurrence); quotes not found or empty are left out. */
function quoteRanges(text: string, quotes: readonly QuoteRef[]): Range[] {
	const ranges: Range[] = [];
	for (const { id, quote } of quotes) {
		const start = quote ? text.indexOf(quote) : -1;
		if (start >= 0) ranges.push({ id, start, end: start + quote.length });
	}
	// longer first at the same start, so a passage lists its widest fact first
	return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Groups sorted ranges into clusters whose ranges overlap; ranges that only touch stay apart. */
function clusters(ranges: readonly Range[]): Range[][] {
	const result: Range[][] = [];
	let current: Range[] = [];
	let end = -1;
	for (const range of ranges) {
		if (current.length && range.start >= end) {
			result.push(current);
			current = [];
		}
		current.push(range);
		end = current.length === 1 ? range.end : Math.max(end, range.end);
	}
	if (current.length) result.push(current);
	return result;
}

/** The runs of one cluster, cut wherever a quote starts or ends. */
function parts(text: string, cluster: readonly Range[]): HighlightPart[] {
	const cuts = [...new Set(cluster.flatMap(({ start, end }) => [start, end]))].sort(
		(a, b) => a - b
	);
	const result: HighlightPart[] = [];
	for (let i = 0; i < cuts.length - 1; i++) {
		const from = cuts[i]!;
		const to = cuts[i + 1]!;
		const depth = cluster.filter(({ start, end }) => start <= from && to <= end).length;
		const last = result.at(-1);
		// neighbouring runs at the same depth read as one
		if (last && last.depth === depth) last.text += text.slice(from, to);
		else result.push({ text: text.slice(from, to), depth });
	}
	return result;
}

/** The paragraph as plain and highlighted segments; their texts always join back to `text`. */
export function highlightSegments(text: string, quotes: readonly QuoteRef[]): Segment[] {
	const segments: Segment[] = [];
	let position = 0;
	for (const cluster of clusters(quoteRanges(text, quotes))) {
		const start = cluster[0]!.start;
		const end = Math.max(...cluster.map((range) => range.end));
		if (start > position) segments.push({ kind: 'text', text: text.slice(position, start) });
		segments.push({
			kind: 'highlight',
			factIds: cluster.map((range) => range.id),
			parts: parts(text, cluster)
		});
		position = end;
	}
	if (position < text.length) segments.push({ kind: 'text', text: text.slice(position) });
	return segments;
}

/** The text a segment shows. */
export function segmentText(segment: Segment): string {
	return segment.kind === 'text' ? segment.text : segment.parts.map((part) => part.text).join('');
}

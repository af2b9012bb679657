// article.md is the one place the article text lives; this parser turns it into the
// pack's `source` and refuses anything it cannot place, so no text is silently dropped.
import { parse as parseYaml } from 'yaml';
import type { SourceParagraph } from './types';

/** The article as the bank carries it, plus the pack metadata from the front matter. */
export interface ParsedArticle {
	meta: Record<string, string>;
	title: string;
	credit: string;
	sections: string[];
	paragraphs: SourceParagraph[];
}

/** An article.md that does not follow the pack format; `line` is 1-based. */
export class ArticleFormatError extends Error {
	constructor(
		readonly line: number,
		detail: string
	) {
		super(`article.md line ${line}: ${detail}`);
		this.name = 'ArticleFormatError';
	}
}

const PARAGRAPH = /^\{#(p\d+)\}[ \t]+(\S[\s\S]*)$/;
const CREDIT = /^Credit:[ \t]*(\S.*)$/;

interface Block {
	line: number;
	text: string;
}

/** Splits text into blank-line separated blocks, remembering where each starts. */
function splitBlocks(lines: string[], firstLine: number): Block[] {
	const blocks: Block[] = [];
	let current: string[] = [];
	let start = firstLine;
	lines.forEach((raw, index) => {
		const line = raw.trimEnd();
		if (line.trim() === '') {
			if (current.length > 0) blocks.push({ line: start, text: current.join('\n') });
			current = [];
		} else {
			if (current.length === 0) start = firstLine + index;
			current.push(line);
		}
	});
	if (current.length > 0) blocks.push({ line: start, text: current.join('\n') });
	return blocks;
}

/** Reads the optional `---` front matter; returns it and the line where the body starts. */
function readFrontMatter(lines: string[]): { meta: Record<string, string>; bodyStart: number } {
	if (lines[0]?.trim() !== '---') return { meta: {}, bodyStart: 0 };
	const end = lines.indexOf('---', 1);
	if (end < 0) throw new ArticleFormatError(1, 'front matter opened with --- is never closed');
	const data: unknown = parseYaml(lines.slice(1, end).join('\n')) ?? {};
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new ArticleFormatError(2, 'front matter must be `key: value` lines');
	}
	const meta: Record<string, string> = {};
	for (const [key, value] of Object.entries(data)) meta[key] = String(value);
	return { meta, bodyStart: end + 1 };
}

/** Parses article.md: `# title`, one `Credit:` line, `## section` headings and `{#pN} text` paragraphs. */
export function parseArticle(markdown: string): ParsedArticle {
	const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
	const { meta, bodyStart } = readFrontMatter(lines);
	const blocks = splitBlocks(lines.slice(bodyStart), bodyStart + 1);
	let title: string | undefined;
	let credit = '';
	let section = '';
	const sections: string[] = [];
	const paragraphs: SourceParagraph[] = [];
	for (const block of blocks) {
		const { text, line } = block;
		if (text.startsWith('# ')) {
			if (title !== undefined) throw new ArticleFormatError(line, 'a second `# ` title');
			if (paragraphs.length > 0 || sections.length > 0)
				throw new ArticleFormatError(line, 'the `# ` title must come before the body');
			title = text.slice(2).trim();
		} else if (text.startsWith('## ')) {
			section = text.slice(3).trim();
			if (sections.includes(section))
				throw new ArticleFormatError(line, `section "${section}" appears twice`);
			sections.push(section);
		} else if (CREDIT.test(text)) {
			if (credit !== '') throw new ArticleFormatError(line, 'a second `Credit:` line');
			credit = CREDIT.exec(text)![1]!.trim();
		} else {
			const match = PARAGRAPH.exec(text);
			if (!match)
				throw new ArticleFormatError(
					line,
					'a paragraph must start with its id marker, e.g. `{#p' + (paragraphs.length + 1) + '} `'
				);
			const id = match[1]!;
			const expected = `p${paragraphs.length + 1}`;
			if (id !== expected)
				throw new ArticleFormatError(
					line,
					`paragraph id ${id} found where ${expected} was expected`
				);
			// wrapped lines join with one space, so editors may wrap long paragraphs
			paragraphs.push({ id, section, text: match[2]!.split('\n').join(' ') });
		}
	}
	if (title === undefined) throw new ArticleFormatError(1, 'no `# ` title');
	if (paragraphs.length === 0) throw new ArticleFormatError(1, 'no paragraphs');
	return { meta, title, credit, sections, paragraphs };
}

/** Writes a parsed article back as article.md; parseArticle(formatArticle(a)) equals a. */
export function formatArticle(article: ParsedArticle): string {
	const out: string[] = [];
	const metaKeys = Object.keys(article.meta);
	if (metaKeys.length > 0) {
		out.push('---', ...metaKeys.map((k) => `${k}: ${JSON.stringify(article.meta[k])}`), '---', '');
	}
	out.push(`# ${article.title}`, '');
	if (article.credit !== '') out.push(`Credit: ${article.credit}`, '');
	let section = '';
	const written = new Set<string>();
	const writeSection = (name: string) => {
		out.push(`## ${name}`, '');
		written.add(name);
	};
	for (const paragraph of article.paragraphs) {
		if (paragraph.section !== section) {
			section = paragraph.section;
			writeSection(section);
		}
		out.push(`{#${paragraph.id}} ${paragraph.text}`, '');
	}
	// a heading with no paragraph under it still belongs to the article
	for (const name of article.sections) if (!written.has(name)) writeSection(name);
	return out.join('\n').trimEnd() + '\n';
}

// A small XML well-formedness check for tests (no XML parser is installed): one root,
// balanced tags, quoted and unique attributes, only known entities, no characters XML 1.0
// forbids. It returns the elements it met, so tests can look for interactions.

export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	/** Text directly inside, entities decoded. */
	text: string;
	parent: XmlElement | null;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Every element of `source` in document order; throws with the reason when it is not well formed. */
export function parseXml(source: string): XmlElement[] {
	if (FORBIDDEN.test(source)) throw new Error('character not allowed in XML');
	let rest = source.replace(/^<\?xml[^?]*\?>\s*/, '');
	const elements: XmlElement[] = [];
	const stack: XmlElement[] = [];
	let roots = 0;
	while (rest.length > 0) {
		const lt = rest.indexOf('<');
		const chunk = lt < 0 ? rest : rest.slice(0, lt);
		checkText(chunk);
		const top = stack[stack.length - 1];
		if (top) top.text += decode(chunk);
		else if (chunk.trim() !== '') throw new Error('text outside the root element');
		if (lt < 0) break;
		rest = rest.slice(lt);
		if (rest.startsWith('<!--')) {
			const end = rest.indexOf('-->');
			if (end < 0 || rest.slice(4, end).includes('--')) throw new Error('bad comment');
			rest = rest.slice(end + 3);
			continue;
		}
		if (rest.startsWith('</')) {
			const name = NAME.exec(rest.slice(2))?.[0];
			const close = rest.indexOf('>');
			if (!name || close < 0 || rest.slice(2 + name.length, close).trim() !== '') {
				throw new Error('bad end tag');
			}
			const open = stack.pop();
			if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
			rest = rest.slice(close + 1);
			continue;
		}
		const name = NAME.exec(rest.slice(1))?.[0];
		if (!name) throw new Error(`bad tag at ${rest.slice(0, 20)}`);
		rest = rest.slice(1 + name.length);
		const attributes: Record<string, string> = {};
		for (;;) {
			rest = rest.replace(/^\s+/, '');
			if (rest.startsWith('/>') || rest.startsWith('>')) break;
			const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*"([^"<]*)"/.exec(rest);
			if (!attr) throw new Error(`bad attribute in <${name}>: ${rest.slice(0, 30)}`);
			const [whole, key = '', value = ''] = attr;
			if (key in attributes) throw new Error(`repeated attribute ${key}`);
			checkText(value);
			attributes[key] = decode(value);
			rest = rest.slice(whole.length);
		}
		const element: XmlElement = { name, attributes, text: '', parent: stack.at(-1) ?? null };
		elements.push(element);
		if (stack.length === 0) roots++;
		const selfClosing = rest.startsWith('/>');
		rest = rest.slice(selfClosing ? 2 : 1);
		if (!selfClosing) stack.push(element);
	}
	if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> never closed`);
	if (roots !== 1) throw new Error(`${roots} root elements`);
	return elements;
}

function checkText(text: string) {
	if (text.replace(ENTITY, '').includes('&')) throw new Error('bare & or unknown entity');
	if (text.includes('>') && text.includes(']]>')) throw new Error(']]> in text');
}

function decode(text: string): string {
	return text.replace(ENTITY, (e) => {
		const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
		const body = e.slice(1, -1);
		if (body in named) return named[body] ?? '';
		return String.fromCodePoint(
			body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
		);
	});
}

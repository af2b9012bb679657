// The assignment's questions as an IMS QTI 2.1 content package: a zip holding
// imsmanifest.xml and one assessmentItem per question. Choice types become
// choiceInteraction, typed types textEntryInteraction (accepted spellings mapped to full
// marks), matching matchInteraction (a point per pair) and ordering orderInteraction.
import { strToU8, zipSync } from 'fflate';
import type { BankItem } from '../bank/types';
import { RESPONSE_KIND_BY_TYPE } from '../quiz/types';

const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const QTI_XSD = 'http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd';
const CP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const TEMPLATES = 'http://www.imsglobal.org/question/qti_v2p1/rptemplates';

/** A zip (QTI 2.1 content package) of `items`, titled `title`. */
export function qtiPackage(items: readonly BankItem[], title: string): Uint8Array {
	const entries = items.map((item, i) => ({ item, identifier: qtiIdentifier(item.id, i) }));
	const files: Record<string, Uint8Array> = {
		'imsmanifest.xml': strToU8(
			qtiManifest(
				entries.map((e) => e.identifier),
				title
			)
		)
	};
	for (const { item, identifier } of entries) {
		files[`items/${identifier}.xml`] = strToU8(qtiItem(item, identifier));
	}
	return zipSync(files, { level: 9 });
}

/** An XML identifier (NCName) for the question at `index`: ids hold ':' which QTI forbids. */
export function qtiIdentifier(itemId: string, index: number): string {
	return `Q${index + 1}-${itemId.replace(/[^A-Za-z0-9_.-]+/g, '-')}`;
}

/** The IMS content package manifest listing each item file. */
export function qtiManifest(identifiers: readonly string[], title: string): string {
	const resources = identifiers
		.map(
			(id) =>
				`\t\t<resource identifier="${xml(id)}" type="imsqti_item_xmlv2p1" href="items/${xml(id)}.xml">\n` +
				`\t\t\t<file href="items/${xml(id)}.xml"/>\n\t\t</resource>`
		)
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="${CP_NS}" identifier="sahel-brief-export">
	<metadata>
		<schema>QTIv2.1 Package</schema>
		<schemaversion>1.0.0</schemaversion>
	</metadata>
	<organizations/>
	<resources>
${resources}
	</resources>
	<!-- ${xml(title).replace(/--/g, '- -')} -->
</manifest>
`;
}

/** One assessmentItem document for `item`. */
export function qtiItem(item: BankItem, identifier: string): string {
	const body = interaction(item);
	return `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${QTI_NS} ${QTI_XSD}" identifier="${xml(identifier)}" title="${xml(item.prompt)}" adaptive="false" timeDependent="false">
${body.declaration}
	<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
	<itemBody>
${body.interaction}
	</itemBody>
	<responseProcessing template="${TEMPLATES}/${body.template}"/>
</assessmentItem>
`;
}

interface ItemParts {
	declaration: string;
	interaction: string;
	template: 'match_correct' | 'map_response';
}

function interaction(item: BankItem): ItemParts {
	const prompt = `<prompt>${xml(item.prompt)}</prompt>`;
	switch (RESPONSE_KIND_BY_TYPE[item.type]) {
		case 'choice': {
			const options = item.options?.length ? item.options : [item.answer];
			const correct = Math.max(0, options.indexOf(item.answer));
			const choices = options
				.map((o, i) => `\t\t\t<simpleChoice identifier="C${i + 1}">${xml(o)}</simpleChoice>`)
				.join('\n');
			return {
				declaration: declare('single', 'identifier', [`C${correct + 1}`]),
				interaction: `\t\t<choiceInteraction responseIdentifier="RESPONSE" shuffle="${item.type !== 'truefalse'}" maxChoices="1">\n\t\t\t${prompt}\n${choices}\n\t\t</choiceInteraction>`,
				template: 'match_correct'
			};
		}
		case 'text': {
			const accepted = [...new Set([item.answer, ...(item.accept ?? [])])];
			const entries = accepted
				.map((a) => `\t\t\t<mapEntry mapKey="${xml(a)}" mappedValue="1" caseSensitive="false"/>`)
				.join('\n');
			return {
				declaration: declare(
					'single',
					'string',
					[item.answer],
					`\t\t<mapping defaultValue="0">\n${entries}\n\t\t</mapping>`
				),
				interaction: `\t\t<p>${xml(item.prompt)}</p>\n\t\t<p><textEntryInteraction responseIdentifier="RESPONSE" expectedLength="${Math.max(10, item.answer.length + 5)}"/></p>`,
				template: 'map_response'
			};
		}
		case 'matching': {
			const pairs = item.pairs ?? [];
			const set = (side: 'L' | 'R', texts: string[]) =>
				`\t\t\t<simpleMatchSet>\n${texts.map((t, i) => `\t\t\t\t<simpleAssociableChoice identifier="${side}${i + 1}" matchMax="1">${xml(t)}</simpleAssociableChoice>`).join('\n')}\n\t\t\t</simpleMatchSet>`;
			const values = pairs.map((_, i) => `L${i + 1} R${i + 1}`);
			const entries = values
				.map((v) => `\t\t\t<mapEntry mapKey="${v}" mappedValue="1"/>`)
				.join('\n');
			return {
				declaration: declare(
					'multiple',
					'directedPair',
					values,
					`\t\t<mapping defaultValue="0">\n${entries}\n\t\t</mapping>`
				),
				interaction: `\t\t<matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="${pairs.length}">\n\t\t\t${prompt}\n${set(
					'L',
					pairs.map((p) => p.left)
				)}\n${set(
					'R',
					pairs.map((p) => p.right)
				)}\n\t\t</matchInteraction>`,
				template: 'map_response'
			};
		}
		case 'ordering': {
			const sequence = item.sequence ?? [];
			const ids = sequence.map((_, i) => `E${i + 1}`);
			const choices = sequence
				.map((s, i) => `\t\t\t<simpleChoice identifier="E${i + 1}">${xml(s)}</simpleChoice>`)
				.join('\n');
			return {
				declaration: declare('ordered', 'identifier', ids),
				interaction: `\t\t<orderInteraction responseIdentifier="RESPONSE" shuffle="true">\n\t\t\t${prompt}\n${choices}\n\t\t</orderInteraction>`,
				template: 'match_correct'
			};
		}
	}
}

function declare(cardinality: string, baseType: string, values: string[], mapping = ''): string {
	const correct = values.map((v) => `\t\t\t<value>${xml(v)}</value>`).join('\n');
	return (
		`\t<responseDeclaration identifier="RESPONSE" cardinality="${cardinality}" baseType="${baseType}">\n` +
		`\t\t<correctResponse>\n${correct}\n\t\t</correctResponse>\n` +
		(mapping ? `${mapping}\n` : '') +
		`\t</responseDeclaration>`
	);
}

/** Text made safe for XML content and attributes; characters XML 1.0 cannot hold are dropped. */
export function xml(text: string): string {
	return text
		.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

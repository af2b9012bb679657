// The assignment's questions as an IMS QTI 2.1 content package: a zip holding
// imsmanifest.xml and one assessmentItem per question. Choice types become
// choiceInteraction, typed types textEntryInteraction (accepted spellings mapped to full
// marks), matching matchInteraction and ordering orderInteraction.
//
// Every item is worth one point (SCORE 0..1, normalMaximum 1), as in the app:
// - matching earns 1/n for each of its n pairs matched right (the map_response template over
//   a mapping capped at 1; each share is rounded up at the fourth decimal so n right pairs
//   reach exactly 1, which the cap keeps from going over);
// - ordering earns 1 for the right order, else the share of entries in their right place
//   (its own responseProcessing; QTI has no "comes before" operator, so this is close to,
//   not the same as, the app's share of pairs put in the right order);
// - every other type earns 1 or 0 (match_correct or map_response templates).
// The explanation is a modalFeedback shown after the answer is processed: the FEEDBACK
// outcome defaults to its identifier, so delivery engines show it whatever was answered.
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
	const processing =
		'template' in body
			? `\t<responseProcessing template="${TEMPLATES}/${body.template}"/>`
			: body.processing;
	const feedback = item.explanation.trim()
		? `\n\t<modalFeedback outcomeIdentifier="FEEDBACK" showHide="show" identifier="EXPLANATION"><p>${xml(item.explanation)}</p></modalFeedback>`
		: '';
	return `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${QTI_NS} ${QTI_XSD}" identifier="${xml(identifier)}" title="${xml(item.prompt)}" adaptive="false" timeDependent="false">
${body.declaration}
	<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float" normalMinimum="0" normalMaximum="1">
		<defaultValue><value>0</value></defaultValue>
	</outcomeDeclaration>
	<outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier">
		<defaultValue><value>EXPLANATION</value></defaultValue>
	</outcomeDeclaration>
	<itemBody>
${body.interaction}
	</itemBody>
${processing}${feedback}
</assessmentItem>
`;
}

type ItemParts = { declaration: string; interaction: string } & (
	{ template: 'match_correct' | 'map_response' } | { processing: string }
);

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
			const share = Math.ceil(10_000 / Math.max(1, pairs.length)) / 10_000;
			const entries = values
				.map((v) => `\t\t\t<mapEntry mapKey="${v}" mappedValue="${share}"/>`)
				.join('\n');
			return {
				declaration: declare(
					'multiple',
					'directedPair',
					values,
					`\t\t<mapping lowerBound="0" upperBound="1" defaultValue="0">\n${entries}\n\t\t</mapping>`
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
				processing: orderingProcessing(ids)
			};
		}
	}
}

/** 1 for the right order, else the share (rounded down) of entries in their right place. */
function orderingProcessing(ids: readonly string[]): string {
	const share = Math.floor(10_000 / Math.max(1, ids.length)) / 10_000;
	const response = '<variable identifier="RESPONSE"/>';
	const add = `<setOutcomeValue identifier="SCORE"><sum><variable identifier="SCORE"/><baseValue baseType="float">${share}</baseValue></sum></setOutcomeValue>`;
	const places = ids
		.map(
			(id, i) =>
				`\t\t\t\t<responseCondition><responseIf><match><index n="${i + 1}">${response}</index><baseValue baseType="identifier">${id}</baseValue></match>${add}</responseIf></responseCondition>`
		)
		.join('\n');
	return `\t<responseProcessing>
		<responseCondition>
			<responseIf>
				<match>${response}<correct identifier="RESPONSE"/></match>
				<setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>
			</responseIf>
			<responseElse>
${places}
			</responseElse>
		</responseCondition>
	</responseProcessing>`;
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

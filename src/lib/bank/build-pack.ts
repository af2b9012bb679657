// One pack from files to checked outputs: what `npm run bank` runs for every pack.
import type { Topology } from 'topojson-specification';
import { formatBank, generateBank, type Generated } from './generate';
import { buildMap, formatMap, unknownMapNames } from './map';
import { readPack, type PackFiles, type PackModel } from './read-pack';
import { checkBank, describeProblem, type CheckOptions } from './rules';

/** The outputs of one pack and the problems found on the way. */
export interface BuiltPack {
	pack: PackModel;
	generated: Generated;
	bankJson: string;
	mapJson?: string;
	problems: string[];
}

/** The fewest items a pack's bank may have. */
export const MIN_ITEMS = 300;

/** Reads, generates and checks one pack; throws PackError when its files cannot be read. */
export function buildPack(
	packId: string,
	files: PackFiles,
	topology: Topology | undefined,
	options: CheckOptions = { minItems: MIN_ITEMS }
): BuiltPack {
	const pack = readPack(packId, files);
	const generated = generateBank(pack);
	const problems = checkBank(pack, generated, options).map(describeProblem);
	const mappable = pack.entities.filter((e) => e.map !== undefined);
	let mapJson: string | undefined;
	if (topology && mappable.length > 0) {
		problems.push(
			...unknownMapNames(topology, pack.entities).map(
				(name) => `unknown-reference: entities.yaml: no country named "${name}" in the world atlas`
			)
		);
		mapJson = formatMap(buildMap(packId, topology, mappable));
	}
	return { pack, generated, bankJson: formatBank(generated.bank), mapJson, problems };
}

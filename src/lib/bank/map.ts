// Draws the pack map at generation time, so the app ships small SVG paths instead of a
// world atlas and a projection library.
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Entity } from './pack-schema';
import { BANK_SCHEMA_VERSION, type BankMap, type MapPoint, type MapRegion } from './types';

/** The frame: the Sahel and coastal West Africa, [west, south] to [east, north] in degrees. */
export const MAP_FRAME: [[number, number], [number, number]] = [
	[-18.5, 3.5],
	[24.5, 26]
];
export const MAP_WIDTH = 800;

interface CountryProperties {
	name: string;
}

/** Rounds a number to one decimal place, which is finer than a screen pixel. */
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Builds the map file from a world-atlas topology and the pack's mappable entities. */
export function buildMap(packId: string, topology: Topology, entities: readonly Entity[]): BankMap {
	const countries = feature(
		topology,
		topology.objects.countries as GeometryCollection<CountryProperties>
	);
	const [[west, south], [east, north]] = MAP_FRAME;
	const frame: GeoPermissibleObjects = {
		type: 'Feature',
		properties: {},
		geometry: {
			type: 'MultiPoint',
			coordinates: [
				[west, south],
				[east, north]
			]
		}
	};
	const projection = geoMercator().fitWidth(MAP_WIDTH, frame);
	const [, bottom] = projection([west, south])!;
	const height = Math.ceil(bottom);
	projection.clipExtent([
		[0, 0],
		[MAP_WIDTH, height]
	]);
	const path = geoPath(projection).digits(1);

	const regionEntity = new Map<string, Entity>();
	for (const e of entities) if (typeof e.map === 'string') regionEntity.set(e.map, e);
	const regions: MapRegion[] = [];
	for (const country of countries.features) {
		const name = country.properties.name;
		const d = path(country);
		if (!d) continue;
		const entity = regionEntity.get(name);
		if (!entity) {
			regions.push({ name, d });
			continue;
		}
		// every candidate is labelled, so a map question never asks to recognise a shape
		const [x, y] = path.centroid(country);
		regions.push({ name: entity.name, entity: entity.id, d, label: [round1(x), round1(y)] });
	}
	// named places first, then the context, each by name, so the file never reorders
	regions.sort(
		(a, b) => Number(!a.entity) - Number(!b.entity) || a.name.localeCompare(b.name, 'en')
	);

	const points: MapPoint[] = entities.flatMap((e) => {
		if (!Array.isArray(e.map)) return [];
		const [x, y] = projection(e.map as [number, number])!;
		return [{ name: e.name, entity: e.id, x: round1(x), y: round1(y) }];
	});
	return {
		schemaVersion: BANK_SCHEMA_VERSION,
		pack: packId,
		viewBox: `0 0 ${MAP_WIDTH} ${height}`,
		attribution: 'Made with Natural Earth (public domain), via world-atlas.',
		regions,
		points
	};
}

/** Map entities whose Natural Earth name is not in the topology. */
export function unknownMapNames(topology: Topology, entities: readonly Entity[]): string[] {
	const names = new Set(
		(topology.objects.countries as GeometryCollection<CountryProperties>).geometries.map(
			(g) => (g.properties as CountryProperties | undefined)?.name
		)
	);
	return entities.flatMap((e) => (typeof e.map === 'string' && !names.has(e.map) ? [e.map] : []));
}

/** Writes a map as JSON, one region per line. */
export function formatMap(map: BankMap): string {
	const { regions, ...head } = map;
	const top = JSON.stringify(head).slice(0, -1);
	return `${top},"regions":[\n${regions.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

/**
 * The map's GeoJSON, built from the static layout on first use (not when the app starts):
 * departments (with the Paris zoom) or regions, the region outlines and what to outline per area.
 */
import type { Feature, MultiLineString, MultiPolygon } from 'geojson';
import type { LatLngBoundsExpression } from 'leaflet';
import { DEPARTMENTS } from '../../../shared/domain/geography';
import { buildMapLayout, type InsetFrame, type MapLayout, type MapShape, type Place, type Position } from './map-layout';
import type { Level } from './map-view-store';
import { buildRegionShapes, type RegionShapes } from './region-shapes';

export interface AreaProperties {
  code: string;
  place: Place;
  /** In the keyboard's tab order: the Paris departments are reached in the zoom, not at national scale. */
  focusable: boolean;
}

const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

const layout = once<MapLayout>(buildMapLayout);
const regionShapes = once<RegionShapes>(() => buildRegionShapes(layout()));
const ORDER = new Map(DEPARTMENTS.map((d, i) => [d.code, i]));
const PLACE_ORDER: Record<Place, number> = { metropole: 0, 'outre-mer': 1, zoom: 2 };

const toFeature = (shape: MapShape, focusable: boolean): Feature<MultiPolygon, AreaProperties> => ({
  type: 'Feature',
  properties: { code: shape.code, place: shape.place, focusable },
  geometry: { type: 'MultiPolygon', coordinates: shape.polygons },
});

/** Tab order: metropolitan departments by code, the overseas insets, then the Paris zoom. */
const departmentFeatures = once(() => {
  const zoomed = new Set(layout().shapes.filter((s) => s.place === 'zoom').map((s) => s.code));
  return [...layout().shapes]
    .sort((a, b) => PLACE_ORDER[a.place] - PLACE_ORDER[b.place] || (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0))
    .map((shape) => toFeature(shape, shape.place === 'zoom' || !zoomed.has(shape.code)));
});

const regionFeatures = once(() =>
  [...regionShapes().shapes].sort((a, b) => PLACE_ORDER[a.place] - PLACE_ORDER[b.place] || a.name.localeCompare(b.name, 'fr')).map((shape) => toFeature(shape, true)),
);

export function areaFeatures(level: Level): Feature<MultiPolygon, AreaProperties>[] {
  return level === 'department' ? departmentFeatures() : regionFeatures();
}

/** The region borders: every region's outline (the lines between two regions are drawn twice, on top of each other). */
export const areaOutlines = once((): Position[][] => [...regionShapes().outlines.values()].flat());

const departmentOutlines = once(() => {
  const byCode = new Map<string, Feature[]>();
  for (const feature of departmentFeatures()) byCode.set(feature.properties.code, [...(byCode.get(feature.properties.code) ?? []), feature]);
  return byCode;
});

const regionOutlines = once(
  () =>
    new Map<string, Feature[]>(
      [...regionShapes().outlines].map(([code, lines]): [string, Feature<MultiLineString>[]] => [
        code,
        [{ type: 'Feature', properties: { code }, geometry: { type: 'MultiLineString', coordinates: lines } }],
      ]),
    ),
);

/** What to outline for an area: a department's polygons (twice for Paris and its suburbs), a region's outer border only. */
export function outlineFeatures(level: Level, code: string): Feature[] {
  return (level === 'department' ? departmentOutlines() : regionOutlines()).get(code) ?? [];
}

export function insetFrames(level: Level): InsetFrame[] {
  return level === 'department' ? layout().frames : layout().frames.filter((f) => f.place !== 'zoom');
}

/** CRS.Simple: latitude is y, longitude is x. */
export const mapExtent = once((): LatLngBoundsExpression => {
  const [[minX, minY], [maxX, maxY]] = layout().extent;
  return [
    [minY, minX],
    [maxY, maxX],
  ];
});

/**
 * The map's own plane (kilometres, y up), drawn by Leaflet with CRS.Simple and no tiles:
 * metropolitan France in a Lambert conformal conic projection (Lambert-93's parameters on a
 * sphere), each overseas department in an inset box along the western edge, and a zoom on Paris
 * and its inner suburbs, whose departments are a few pixels wide at national scale.
 */
import geometry from '../../../resources/departments.geo.json';
import { getDepartment } from '../../../shared/domain/geography';

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];

/** Where a shape is drawn: the national map, an overseas inset, or the Paris zoom. */
export type Place = 'metropole' | 'outre-mer' | 'zoom';

export interface MapShape {
  code: string;
  name: string;
  regionCode: string;
  place: Place;
  /** Planar coordinates [x, y] in km. */
  polygons: PolygonCoords[];
}

export interface InsetFrame {
  id: string;
  label: string;
  place: Exclude<Place, 'metropole'>;
  /** [[minX, minY], [maxX, maxY]] in km. */
  box: [Position, Position];
}

export interface MapLayout {
  shapes: MapShape[];
  frames: InsetFrame[];
  /** Everything drawn, frames included. */
  extent: [Position, Position];
}

interface GeoFeature {
  properties: { code: string; name: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

const FEATURES = (geometry as { features: GeoFeature[] }).features;

/** The departments drawn twice, enlarged, in the zoom box. */
export const ZOOM_DEPARTMENTS = ['75', '92', '93', '94'] as const;
export const OVERSEAS_ORDER = ['971', '972', '973', '974', '976'] as const;

const RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Lambert conformal conic on a sphere: standard parallels 44° and 49°, origin 46.5° N 3° E. */
function lambertProjection(): (lon: number, lat: number) => Position {
  const [phi1, phi2, phi0, lambda0] = [rad(44), rad(49), rad(46.5), rad(3)];
  const t = (phi: number) => Math.tan(Math.PI / 4 + phi / 2);
  const n = Math.log(Math.cos(phi1) / Math.cos(phi2)) / Math.log(t(phi2) / t(phi1));
  const f = (Math.cos(phi1) * t(phi1) ** n) / n;
  const rho0 = (RADIUS_KM * f) / t(phi0) ** n;
  return (lon, lat) => {
    const rho = (RADIUS_KM * f) / t(rad(lat)) ** n;
    const theta = n * (rad(lon) - lambda0);
    return [rho * Math.sin(theta), rho0 - rho * Math.cos(theta)];
  };
}

export const projectMetropole = lambertProjection();

const polygonsOf = (feature: GeoFeature): number[][][][] => (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates);

const mapPolygons = (polygons: number[][][][], fn: (lon: number, lat: number) => Position): PolygonCoords[] =>
  polygons.map((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => fn(lon!, lat!))));

type Box = [Position, Position];

function extentOf(polygons: readonly PolygonCoords[]): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return [
    [minX, minY],
    [maxX, maxY],
  ];
}

function union(boxes: readonly Box[]): Box {
  return [
    [Math.min(...boxes.map((b) => b[0][0])), Math.min(...boxes.map((b) => b[0][1]))],
    [Math.max(...boxes.map((b) => b[1][0])), Math.max(...boxes.map((b) => b[1][1]))],
  ];
}

/** Scales and centres planar polygons into a box, keeping their proportions, with a margin. */
function fitInto(polygons: PolygonCoords[], box: Box, margin: number, top: number): PolygonCoords[] {
  const [[minX, minY], [maxX, maxY]] = extentOf(polygons);
  const width = box[1][0] - box[0][0] - 2 * margin;
  const height = box[1][1] - box[0][1] - margin - top;
  const scale = Math.min(width / (maxX - minX), height / (maxY - minY));
  const cx = (box[0][0] + box[1][0]) / 2;
  const cy = box[0][1] + margin + height / 2;
  const [ox, oy] = [(minX + maxX) / 2, (minY + maxY) / 2];
  return polygons.map((polygon) => polygon.map((ring) => ring.map(([x, y]): Position => [cx + (x - ox) * scale, cy + (y - oy) * scale])));
}

/** A local equirectangular projection around the territory's centre (km), for an inset. */
function localProjection(polygons: number[][][][]): (lon: number, lat: number) => Position {
  const lats = polygons.flatMap((p) => p[0]!.map((c) => c[1]!));
  const lons = polygons.flatMap((p) => p[0]!.map((c) => c[0]!));
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const lon0 = (Math.min(...lons) + Math.max(...lons)) / 2;
  const km = (Math.PI * RADIUS_KM) / 180;
  return (lon, lat) => [(lon - lon0) * Math.cos(rad(lat0)) * km, (lat - lat0) * km];
}

/** Room kept at the top of an inset for its title (km of the map plane). */
export const INSET_TITLE_KM = 34;
const INSET_GAP_KM = 14;
const INSET_MARGIN_KM = 8;
const INSET_WIDTH_KM = 200;
const ZOOM_SIZE_KM: Position = [280, 170];

const OVERSEAS_LABELS: Record<string, string> = {
  '971': 'Guadeloupe',
  '972': 'Martinique',
  '973': 'Guyane',
  '974': 'La Réunion',
  '976': 'Mayotte',
};

function shapeOf(feature: GeoFeature, place: Place, polygons: PolygonCoords[]): MapShape {
  const code = feature.properties.code;
  return { code, name: getDepartment(code)?.name ?? feature.properties.name, regionCode: getDepartment(code)?.regionCode ?? '', place, polygons };
}

export function buildMapLayout(): MapLayout {
  const metropole = FEATURES.filter((f) => f.properties.code.length === 2);
  const shapes = metropole.map((f) => shapeOf(f, 'metropole', mapPolygons(polygonsOf(f), projectMetropole)));
  const [[minX, minY], [maxX, maxY]] = extentOf(shapes.flatMap((s) => s.polygons));
  const frames: InsetFrame[] = [];

  // The overseas insets, one above the other along the western edge, as tall as France.
  const slot = (maxY - minY - INSET_GAP_KM * (OVERSEAS_ORDER.length - 1)) / OVERSEAS_ORDER.length;
  const left = minX - INSET_GAP_KM * 2 - INSET_WIDTH_KM;
  OVERSEAS_ORDER.forEach((code, i) => {
    const feature = FEATURES.find((f) => f.properties.code === code)!;
    const top = maxY - i * (slot + INSET_GAP_KM);
    const box: Box = [
      [left, top - slot],
      [left + INSET_WIDTH_KM, top],
    ];
    const raw = polygonsOf(feature);
    frames.push({ id: code, label: OVERSEAS_LABELS[code] ?? code, place: 'outre-mer', box });
    shapes.push(shapeOf(feature, 'outre-mer', fitInto(mapPolygons(raw, localProjection(raw)), box, INSET_MARGIN_KM, INSET_TITLE_KM)));
  });

  // Paris and its inner suburbs, enlarged in the empty corner north-east of the Nord.
  const zoomBox: Box = [
    [maxX - ZOOM_SIZE_KM[0], maxY - ZOOM_SIZE_KM[1]],
    [maxX, maxY],
  ];
  frames.push({ id: 'zoom', label: 'Paris et petite couronne', place: 'zoom', box: zoomBox });
  const zoomed = ZOOM_DEPARTMENTS.map((code) => shapes.find((s) => s.code === code)!);
  const fitted = fitInto(
    zoomed.flatMap((s) => s.polygons),
    zoomBox,
    INSET_MARGIN_KM,
    INSET_TITLE_KM,
  );
  let next = 0;
  for (const source of zoomed) {
    const polygons = fitted.slice(next, next + source.polygons.length);
    next += source.polygons.length;
    shapes.push({ ...source, place: 'zoom', polygons });
  }
  return { shapes, frames, extent: union([extentOf(shapes.flatMap((s) => s.polygons)), ...frames.map((f) => f.box)]) };
}

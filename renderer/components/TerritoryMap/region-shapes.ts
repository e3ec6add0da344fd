/** The region view and the region outlines, made from the department shapes (no other geometry). */
import { REGIONS } from '../../../shared/domain/geography';
import { outline } from './dissolve';
import type { MapLayout, MapShape, Position } from './map-layout';

export interface RegionShapes {
  /** One shape per region: its departments' polygons (drawn without their inner borders). */
  shapes: MapShape[];
  /** Each region's outline, as polylines (inner department borders removed). */
  outlines: Map<string, Position[][]>;
}

export function buildRegionShapes(layout: MapLayout): RegionShapes {
  const drawn = layout.shapes.filter((s) => s.place !== 'zoom');
  const shapes: MapShape[] = [];
  const outlines = new Map<string, Position[][]>();
  for (const region of REGIONS) {
    const members = drawn.filter((s) => s.regionCode === region.code);
    if (members.length === 0) continue;
    const polygons = members.flatMap((s) => s.polygons);
    shapes.push({ code: region.code, name: region.name, regionCode: region.code, place: members[0]!.place, polygons });
    outlines.set(region.code, outline(polygons));
  }
  return { shapes, outlines };
}

import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, REGIONS } from '../../../../shared/domain/geography';
import { outline } from '../../../../renderer/components/TerritoryMap/dissolve';
import { buildMapLayout, type Position } from '../../../../renderer/components/TerritoryMap/map-layout';
import { buildRegionShapes } from '../../../../renderer/components/TerritoryMap/region-shapes';

const layout = buildMapLayout();
type Box = [Position, Position];
const inside = ([x, y]: Position, [[x0, y0], [x1, y1]]: Box) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const overlap = (a: Box, b: Box) => a[0][0] < b[1][0] && b[0][0] < a[1][0] && a[0][1] < b[1][1] && b[0][1] < a[1][1];
const vertices = (code: string, place: string) => layout.shapes.filter((s) => s.code === code && s.place === place).flatMap((s) => s.polygons.flatMap((p) => p.flat()));

describe('buildMapLayout', () => {
  it('draws each of the 101 departments once, overseas ones in their inset, Paris and its suburbs again in the zoom', () => {
    const main = layout.shapes.filter((s) => s.place !== 'zoom');
    expect(main.map((s) => s.code).sort()).toEqual(DEPARTMENTS.map((d) => d.code).sort());
    expect(main.filter((s) => s.place === 'outre-mer').map((s) => s.code)).toEqual(['971', '972', '973', '974', '976']);
    expect(layout.shapes.filter((s) => s.place === 'zoom').map((s) => s.code)).toEqual(['75', '92', '93', '94']);
    expect(layout.shapes.find((s) => s.code === '2A')).toMatchObject({ name: 'Corse-du-Sud', regionCode: '94', place: 'metropole' });
  });

  it('keeps every inset inside its frame, frames apart from each other and from metropolitan France', () => {
    const metropole = layout.shapes.filter((s) => s.place === 'metropole').flatMap((s) => s.polygons.flatMap((p) => p.flat()));
    for (const frame of layout.frames) {
      const own = frame.place === 'zoom' ? ['75', '92', '93', '94'].flatMap((c) => vertices(c, 'zoom')) : vertices(frame.id, 'outre-mer');
      expect(own.length, frame.id).toBeGreaterThan(10);
      expect(own.every((p) => inside(p, frame.box)), frame.id).toBe(true);
      expect(metropole.some((p) => inside(p, frame.box)), frame.id).toBe(false);
      for (const other of layout.frames) if (other !== frame) expect(overlap(frame.box, other.box), `${frame.id} / ${other.id}`).toBe(false);
    }
    expect(layout.frames.map((f) => f.label)).toEqual(['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte', 'Paris et petite couronne']);
  });

  it('projects north up and east right, with France about 1,000 km across', () => {
    const [brest] = vertices('29', 'metropole').sort((a, b) => a[0] - b[0]);
    const [strasbourgSide] = vertices('67', 'metropole').sort((a, b) => b[0] - a[0]);
    expect(strasbourgSide![0] - brest![0]).toBeGreaterThan(900);
    expect(strasbourgSide![0] - brest![0]).toBeLessThan(1100);
    const northmost = Math.max(...vertices('59', 'metropole').map((p) => p[1]));
    const southmost = Math.min(...vertices('2A', 'metropole').map((p) => p[1]));
    expect(northmost - southmost).toBeGreaterThan(950);
  });
});

describe('outline', () => {
  it('drops the edge two squares share and chains the rest into one closed line', () => {
    const a: Position[][] = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
    const b: Position[][] = [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]];
    const lines = outline([a, b]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(7);
    expect(lines[0]![0]).toEqual(lines[0]![6]);
    const interior = lines[0]!.some((p, i) => i > 0 && p[0] === 1 && lines[0]![i - 1]![0] === 1);
    expect(interior).toBe(false);
  });
});

describe('buildRegionShapes', () => {
  it('groups the departments into the 18 regions, outlines without their inner borders', () => {
    const { shapes, outlines } = buildRegionShapes(layout);
    expect(shapes.map((s) => s.code).sort()).toEqual(REGIONS.map((r) => r.code).sort());
    // Corsica: the 2A/2B border is gone, the coast (and the islands) stay.
    const corsica = outlines.get('94')!;
    const key = (p: Position) => p.join(',');
    const points = new Set(corsica.flat().map(key));
    const shared = [...new Set(vertices('2A', 'metropole').map(key))].filter((k) => vertices('2B', 'metropole').map(key).includes(k));
    const innerOnly = shared.filter((k) => points.has(k));
    // Only the two ends of the shared border are on the coast.
    expect(shared.length).toBeGreaterThan(4);
    expect(innerOnly).toHaveLength(2);
    // Île-de-France is one piece of land: its outline is one closed line.
    expect(outlines.get('11')).toHaveLength(1);
  });
});

import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import communesSample from '../../../resources/communes-sample.json';
import departments from '../../../resources/departments.json';
import postalCodes from '../../../resources/postal-codes.json';
import regions from '../../../resources/regions.json';

type Position = number[];
interface GeoFeature {
  type: string;
  properties: { code: string; name: string };
  geometry: { type: string; coordinates: Position[][] | Position[][][] };
}

const GEO_PATH = fileURLToPath(new URL('../../../resources/departments.geo.json', import.meta.url));
const geo = JSON.parse(readFileSync(GEO_PATH, 'utf8')) as { type: string; features: GeoFeature[] };

const pad = (n: number) => String(n).padStart(2, '0');
const EXPECTED_CODES = [
  ...Array.from({ length: 95 }, (_, i) => pad(i + 1)).filter((code) => code !== '20'),
  '2A',
  '2B',
  '971',
  '972',
  '973',
  '974',
  '976',
].sort();

const departmentCodes = departments.map((d) => d.code);
const populationOf = (code: string) => departments.find((d) => d.code === code)?.population ?? 0;

function rings(geometry: GeoFeature['geometry']): Position[][] {
  return geometry.type === 'Polygon'
    ? (geometry.coordinates as Position[][])
    : (geometry.coordinates as Position[][][]).flat();
}

describe('departments.json and regions.json', () => {
  it('lists exactly the 101 departments, sorted by code, without overseas collectivities', () => {
    expect(departmentCodes).toEqual(EXPECTED_CODES);
  });

  it('lists the 18 regions and links every department to one of them', () => {
    const regionCodes = new Set(regions.map((r) => r.code));
    expect(regions).toHaveLength(18);
    expect(regionCodes.size).toBe(18);
    for (const d of departments) expect(regionCodes, d.code).toContain(d.regionCode);
    for (const r of regions) expect(departments.some((d) => d.regionCode === r.code), r.code).toBe(true);
  });

  it('has positive populations whose national total is plausible', () => {
    for (const d of departments) expect(d.population, d.code).toBeGreaterThan(0);
    const total = departments.reduce((sum, d) => sum + d.population, 0);
    expect(total).toBeGreaterThan(64_000_000);
    expect(total).toBeLessThan(69_000_000);
  });

  it('does not count arrondissements municipaux twice', () => {
    expect(populationOf('75')).toBeGreaterThan(2_000_000);
    expect(populationOf('75')).toBeLessThan(2_200_000);
    expect(populationOf('59')).toBeGreaterThan(2_500_000);
    expect(populationOf('59')).toBeLessThan(2_700_000);
    expect(populationOf('13')).toBeLessThan(2_200_000);
  });

  it('gives each region the population of its departments', () => {
    for (const r of regions) {
      const sum = departments.filter((d) => d.regionCode === r.code).reduce((acc, d) => acc + d.population, 0);
      expect(r.population, r.code).toBe(sum);
    }
  });
});

describe('departments.geo.json', () => {
  it('stays under 600 KB', () => {
    expect(statSync(GEO_PATH).size).toBeLessThan(600 * 1024);
  });

  it('has one feature per reference department, with the reference name', () => {
    expect(geo.type).toBe('FeatureCollection');
    const codes = geo.features.map((f) => f.properties.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(departmentCodes);
    for (const f of geo.features) {
      expect(f.properties.name).toBe(departments.find((d) => d.code === f.properties.code)?.name);
    }
  });

  it('has only closed polygon rings with finite longitude/latitude coordinates', () => {
    const invalid = geo.features.filter(
      (f) =>
        !['Polygon', 'MultiPolygon'].includes(f.geometry.type) ||
        !rings(f.geometry).every(
          (ring) =>
            ring.length >= 4 &&
            ring[0]?.join() === ring[ring.length - 1]?.join() &&
            ring.every(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon ?? 0) <= 180 && Math.abs(lat ?? 0) <= 90),
        ),
    );
    expect(invalid.map((f) => f.properties.code)).toEqual([]);
  });

  it('places metropolitan departments in metropolitan France', () => {
    const outside = geo.features.filter(
      (f) =>
        f.properties.code.length === 2 &&
        !rings(f.geometry)
          .flat()
          .every(([lon = NaN, lat = NaN]) => lon > -5.5 && lon < 10 && lat > 41 && lat < 51.5),
    );
    expect(outside.map((f) => f.properties.code)).toEqual([]);
  });
});

describe('postal-codes.json', () => {
  it('maps 5-digit postal codes to known department codes only', () => {
    const known = new Set(departmentCodes);
    const entries = Object.entries(postalCodes as Record<string, string[]>);
    expect(entries.length).toBeGreaterThan(6000);
    const invalid = entries.filter(
      ([postalCode, codes]) => !/^\d{5}$/.test(postalCode) || codes.length === 0 || !codes.every((code) => known.has(code)),
    );
    expect(invalid).toEqual([]);
  });
});

describe('communes-sample.json', () => {
  const sample = communesSample as Record<string, { insee: string; name: string; postalCode: string; population: number }[]>;
  const index = postalCodes as Record<string, string[]>;

  it('has up to 12 communes for every department, most populated first', () => {
    expect(Object.keys(sample).sort()).toEqual(departmentCodes);
    for (const [code, communes] of Object.entries(sample)) {
      expect(communes.length, code).toBeGreaterThan(0);
      expect(communes.length, code).toBeLessThanOrEqual(12);
      const populations = communes.map((c) => c.population);
      expect(populations, code).toEqual([...populations].sort((a, b) => b - a));
    }
  });

  it('gives communes of their own department, with a postal code of that department', () => {
    for (const [code, communes] of Object.entries(sample)) {
      for (const c of communes) {
        expect(c.insee.startsWith(code), c.insee).toBe(true);
        expect(index[c.postalCode], c.insee).toContain(code);
      }
    }
  });

  it('starts with the prefecture city where it is the largest commune', () => {
    expect(sample['75']?.[0]?.name).toBe('Paris');
    expect(sample['69']?.[0]?.name).toBe('Lyon');
    expect(sample['2A']?.[0]?.name).toBe('Ajaccio');
    expect(sample['974']?.[0]?.name).toBe('Saint-Denis');
  });
});

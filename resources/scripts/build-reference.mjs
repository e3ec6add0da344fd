// Regenerates the reference lists in resources/ from @etalab/decoupage-administratif.
// Usage: node resources/scripts/build-reference.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const RESOURCES = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_SIZE = 12;

function loadEtalab(file) {
  return JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8'));
}

// One object per line: small diffs on regeneration without the size of full pretty-printing.
function formatRows(rows, indent = '') {
  return `[\n${rows.map((row) => `${indent}  ${JSON.stringify(row)}`).join(',\n')}\n${indent}]`;
}

function write(file, text) {
  writeFileSync(join(RESOURCES, file), `${text}\n`);
  console.log(`${file}: ${Buffer.byteLength(text) + 1} bytes`);
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

// DROM only: zone 'com' covers the overseas collectivities (975, 977, 978, 984, 986-989),
// which are not departments and have no prefecture instructing applications.
const departements = loadEtalab('departements.json').filter((d) => d.zone !== 'com');
const regions = loadEtalab('regions.json').filter((r) => r.zone !== 'com');
const departmentCodes = new Set(departements.map((d) => d.code));

// Only 'commune-actuelle' rows: the file also lists arrondissements municipaux (Paris, Lyon,
// Marseille), communes déléguées and associées, whose populations are already counted in their
// parent commune and would double the totals.
const communes = loadEtalab('communes.json').filter(
  (c) => c.type === 'commune-actuelle' && departmentCodes.has(c.departement),
);

const departmentPopulation = new Map();
for (const c of communes) {
  departmentPopulation.set(c.departement, (departmentPopulation.get(c.departement) ?? 0) + (c.population ?? 0));
}

const departments = departements
  .map((d) => ({ code: d.code, name: d.nom, regionCode: d.region, population: departmentPopulation.get(d.code) ?? 0 }))
  .sort(byCode);

const regionPopulation = new Map();
for (const d of departments) {
  regionPopulation.set(d.regionCode, (regionPopulation.get(d.regionCode) ?? 0) + d.population);
}
const regionRows = regions
  .map((r) => ({ code: r.code, name: r.nom, population: regionPopulation.get(r.code) ?? 0 }))
  .sort(byCode);

if (departments.length !== 101 || regionRows.length !== 18) {
  throw new Error(`Expected 101 departments and 18 regions, got ${departments.length} and ${regionRows.length}`);
}
for (const d of departments) {
  if (d.population <= 0) throw new Error(`Department ${d.code} has no population`);
  if (!regionPopulation.has(d.regionCode)) throw new Error(`Department ${d.code} has unknown region ${d.regionCode}`);
}

const postalCodes = new Map();
for (const c of communes) {
  for (const postalCode of c.codesPostaux ?? []) {
    const set = postalCodes.get(postalCode) ?? new Set();
    set.add(c.departement);
    postalCodes.set(postalCode, set);
  }
}
const postalCodeIndex = Object.fromEntries(
  [...postalCodes.keys()].sort().map((postalCode) => [postalCode, [...postalCodes.get(postalCode)].sort()]),
);

const sampleLines = departments.map((d) => {
  const top = communes
    .filter((c) => c.departement === d.code && (c.codesPostaux ?? []).length > 0)
    .sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || byCode(a, b))
    .slice(0, SAMPLE_SIZE)
    .map((c) => ({ insee: c.code, name: c.nom, postalCode: c.codesPostaux[0], population: c.population ?? 0 }));
  return `  ${JSON.stringify(d.code)}: ${formatRows(top, '  ')}`;
});

write('communes-sample.json', `{\n${sampleLines.join(',\n')}\n}`);
write('departments.json', formatRows(departments));
write('regions.json', formatRows(regionRows));
write('postal-codes.json', JSON.stringify(postalCodeIndex));

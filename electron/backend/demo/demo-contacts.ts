import { ADDRESS_COMPLEMENTS, FIRST_NAMES, LAST_NAMES, MAIL_PROVIDERS, STREETS } from './demo-vocabulary';
import { slugify } from './demo-text';
import type { Rng } from './prng';

const OVERSEAS_PREFIXES: Readonly<Record<string, string>> = {
  '971': '0590',
  '972': '0596',
  '973': '0594',
  '974': '0262',
  '976': '0269',
};
const REGION_PREFIXES: Readonly<Record<string, string>> = {
  '11': '01',
  '24': '02', '28': '02', '52': '02', '53': '02',
  '27': '03', '32': '03', '44': '03',
  '84': '04', '93': '04', '94': '04', '76': '04',
  '75': '05',
};
// Western Occitanie dials 05 like Nouvelle-Aquitaine.
const WEST_OCCITANIE = new Set(['09', '12', '31', '32', '46', '65', '81', '82']);

function landlinePrefix(departmentCode: string, regionCode: string): string {
  if (WEST_OCCITANIE.has(departmentCode)) return '05';
  return OVERSEAS_PREFIXES[departmentCode] ?? REGION_PREFIXES[regionCode] ?? '01';
}

/** A French number as structures typed it: spaced, packed, or international. */
export function buildPhone(rng: Rng, departmentCode: string, regionCode: string): string {
  const prefix = rng.chance(0.35) ? rng.pick(['06', '07']) : landlinePrefix(departmentCode, regionCode);
  let digits = prefix;
  while (digits.length < 10) digits += String(rng.int(0, 9));
  const pairs = digits.match(/\d\d/g) ?? [];
  const style = rng.next();
  if (style < 0.6) return pairs.join(' ');
  if (style < 0.9) return digits;
  return `+33 ${digits.slice(1, 2)} ${pairs.slice(1).join(' ')}`;
}

/** Multi-line postal address: street, optional complement, then "postal code + commune". */
export function buildAddress(rng: Rng, postalCode: string, communeName: string): string {
  const suffix = rng.chance(0.06) ? rng.pick([' bis', ' ter']) : '';
  const lines = [`${rng.int(1, 180)}${suffix} ${rng.pick(STREETS)}`];
  if (rng.chance(0.15)) lines.push(rng.pick(ADDRESS_COMPLEMENTS));
  lines.push(`${postalCode} ${communeName}`);
  return lines.join('\n');
}

export function buildEmail(rng: Rng, structureName: string, communeName: string, networkDomain: string | null): string {
  if (networkDomain !== null) return `${slugify(communeName)}@${networkDomain}`;
  const slug = slugify(structureName);
  return rng.pick([
    `contact@${slug}.fr`,
    `${slug}@orange.fr`,
    `${slug}@gmail.com`,
    `accueil@${slug}.org`,
    `direction@${slug}.fr`,
    `${slug}@wanadoo.fr`,
  ]);
}

/** Other people holding an account on the structure, comma-separated like the platform lists them. */
export function buildAdminEmails(rng: Rng, mainEmail: string | null): string {
  const ownDomain = mainEmail?.split('@')[1];
  const count = rng.int(1, 3);
  const emails: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const domain = ownDomain !== undefined && rng.chance(0.6) ? ownDomain : rng.pick(MAIL_PROVIDERS);
    emails.push(`${slugify(rng.pick(FIRST_NAMES))}.${slugify(rng.pick(LAST_NAMES))}@${domain}`);
  }
  return emails.join(',');
}

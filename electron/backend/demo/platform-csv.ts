import type { DossierFields, QpvStatus, StructureType } from '../../../shared/domain/dossier';

/** Columns of the national platform's structures export, in its order. */
export const PLATFORM_CSV_HEADERS = [
  'SIRET structure',
  'ID Structure',
  'Dénomination',
  'Date Coselec',
  'Phase en cours',
  'Type',
  'Statut',
  'Code postal',
  'Code commune',
  'Code département',
  'Code région',
  'Téléphone',
  'Email',
  'Compte créé',
  'Mot de passe choisi',
  'Nombre de mises en relation',
  'Nombre de conseillers souhaités',
  'Validée en COSELEC',
  'Nombre de conseillers validés par le COSELEC',
  'Numéro COSELEC',
  'ZRR',
  'QPV',
  'Nombre de quartiers QPV',
  'Labelisée France Services',
  'Raison sociale',
  'Nom commune INSEE',
  'Code commune INSEE',
  'Adresse postale',
  'Libellé catégorie juridique niv III',
  'Grand Réseau',
  'Nom Grand Réseau',
  'Emails administrateurs',
] as const;

const BOM = '\uFEFF';
const SEPARATOR = ';';
// The platform's address template indents every continuation line with 8 spaces.
const ADDRESS_LINE_BREAK = '\n        ';

const TYPE_LABELS: Record<StructureType, string> = { PRIVEE: 'privée', PUBLIQUE: 'publique' };
const QPV_LABELS: Record<QpvStatus, string> = { OUI: 'Oui', NON: 'Non', SANS_OBJET: 'Sans objet' };

/**
 * Writes dossiers exactly as the national platform exports structures, quirks included, so the
 * importer, the demo and the benchmarks exercise the real format: text written raw and unquoted
 * (even with `"`), missing phone/email as `undefined`, only the address and the admin emails quoted.
 */
export function writePlatformCsv(dossiers: readonly DossierFields[]): string {
  const lines = [PLATFORM_CSV_HEADERS.join(SEPARATOR)];
  for (const dossier of dossiers) lines.push(writeRow(dossier));
  return `${BOM}${lines.join('\n')}\n`;
}

function writeRow(d: DossierFields): string {
  return [
    raw(d.siret),
    raw(d.externalId),
    raw(d.name),
    formatDate(d.coselecDate),
    raw(d.phase),
    d.structureType === null ? '' : TYPE_LABELS[d.structureType],
    raw(d.status),
    raw(d.postalCode),
    raw(d.communeCode),
    raw(d.departmentCode),
    raw(d.regionCode),
    // The platform interpolated missing contact fields into its template as-is.
    d.phone === null ? 'undefined' : raw(d.phone),
    d.email === null ? 'undefined' : raw(d.email),
    yesNo(d.accountCreated),
    yesNo(d.passwordChosen),
    num(d.matchingCount),
    num(d.postsRequested),
    yesNo(d.coselecValidated),
    num(d.postsGranted),
    raw(d.coselecNumber),
    yesNo(d.zrr),
    d.qpv === null ? 'Non défini' : QPV_LABELS[d.qpv],
    num(d.qpvCount),
    d.franceServices === null ? 'non renseigné' : yesNo(d.franceServices),
    raw(d.legalName),
    raw(d.communeName),
    raw(d.communeInsee),
    formatAddress(d.address),
    raw(d.legalForm),
    yesNo(d.nationalNetwork),
    raw(d.networkName),
    `"${(d.adminEmails ?? '').replace(/"/g, '')}"`,
  ].join(SEPARATOR);
}

/**
 * Unquoted like the platform's output. The separator and line breaks are the only characters
 * replaced: the platform let them corrupt the row, and a file we write must stay importable.
 */
function raw(value: string | null): string {
  return value === null ? '' : value.replace(/[;\r\n]+/g, ' ');
}

function num(value: number | null): string {
  return value === null ? '' : String(value);
}

function yesNo(value: boolean | null): string {
  return value === true ? 'oui' : 'non';
}

function formatDate(iso: string | null): string {
  const match = iso === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match === null ? 'non renseignée' : `${match[3]}/${match[2]}/${match[1]}`;
}

/** The platform strips `"`, `'` and `,` from addresses, which lets it quote them without escaping. */
function formatAddress(address: string | null): string {
  const lines = (address ?? '').split(/\r?\n/).map((line) => line.replace(/["',]/g, ''));
  return `"${lines.join(ADDRESS_LINE_BREAK)}"`;
}

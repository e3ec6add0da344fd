/**
 * The XLSX import template: one column per dossier field, headed by its label so that the
 * import maps it back, with the list and format constraints Excel can enforce while typing.
 */
import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import type { DossierFieldKey } from '../../../shared/domain/dossier';
import { CONTRACT_LABELS, CONTRACT_TYPES, DOSSIER_STATUSES, STATUS_LABELS } from '../../../shared/domain/dossier';
import type { FieldDef, FieldKind } from '../../../shared/domain/fields';
import { FIELD_DEFS, FIELD_GROUP_LABELS } from '../../../shared/domain/fields';
import { DEPARTMENTS, REGIONS } from '../../../shared/domain/geography';

/** Rows covered by the data validations; beyond them Excel stops checking, the import does not. */
export const TEMPLATE_ROWS = 5000;

const REQUIRED_FILL = 'FFFFD8A8';
const HEADER_FILL = 'FFE7ECF5';

// Fictitious but consistent: it imports without a single warning (the template test checks it).
const EXAMPLE: Partial<Record<DossierFieldKey, string | number | Date>> = {
  externalId: 'EXEMPLE-1',
  siret: '48219376500013',
  name: 'Exemple – Association Le Lien Numérique',
  legalName: 'ASSOCIATION LE LIEN NUMERIQUE',
  structureType: 'Privée',
  legalForm: 'Association déclarée',
  address: '5 place de la République\n35000 Rennes',
  postalCode: '35000',
  communeName: 'Rennes',
  communeInsee: '35238',
  communeCode: '35238',
  departmentCode: '35',
  regionCode: '53',
  zrr: 'Non',
  qpv: 'Oui',
  qpvCount: 1,
  franceServices: 'Non',
  phone: '02 99 00 00 00',
  email: 'contact@lien-numerique.example.org',
  postsRequested: 2,
  contractType: 'CDI',
  declaredAid: 0,
  consolidation: 'Non',
  motivation: 'Ateliers d’initiation au numérique pour les habitants du quartier, en lien avec la médiathèque municipale.',
  submittedAt: new Date(Date.UTC(2021, 2, 15)),
  nationalNetwork: 'Non',
  status: STATUS_LABELS.CREEE,
  accountCreated: 'Oui',
  passwordChosen: 'Oui',
  matchingCount: 0,
};

const YES_NO = ['Oui', 'Non'];
/** Choice lists, written on a hidden sheet because inline lists are limited to 255 characters. */
const LISTS: { kind: FieldKind; title: string; values: string[] }[] = [
  { kind: 'status', title: 'Statuts', values: DOSSIER_STATUSES.map((s) => STATUS_LABELS[s]) },
  { kind: 'contractType', title: 'Types de contrat', values: CONTRACT_TYPES.map((c) => CONTRACT_LABELS[c]) },
  { kind: 'bool', title: 'Oui / Non', values: YES_NO },
  { kind: 'qpv', title: 'QPV', values: [...YES_NO, 'Sans objet'] },
  { kind: 'structureType', title: 'Types de structure', values: ['Privée', 'Publique'] },
  { kind: 'department', title: 'Départements', values: DEPARTMENTS.map((d) => d.code) },
  { kind: 'region', title: 'Régions', values: REGIONS.map((r) => r.code) },
];

const TEXT_KINDS = new Set<FieldKind>(['siret', 'postalCode', 'department', 'region', 'inseeCode', 'phone']);

const KIND_HELP: Record<FieldKind, string> = {
  text: 'Texte libre',
  address: 'Texte, sur plusieurs lignes si besoin (Alt+Entrée dans Excel)',
  int: 'Nombre entier positif ou nul (ex. 3)',
  money: 'Montant en euros (ex. 1 234,56)',
  bool: 'Oui ou Non (Vrai/Faux, 1/0 et x sont aussi acceptés)',
  date: 'Date au format JJ/MM/AAAA (ex. 24/03/2021)',
  department: 'Code du département : 01 à 95, 2A, 2B, 971, 972, 973, 974 ou 976',
  region: `Code INSEE de la région (${REGIONS.map((r) => r.code).join(', ')})`,
  postalCode: 'Code postal à 5 chiffres (ex. 06000)',
  inseeCode: 'Code commune INSEE à 5 caractères (ex. 06088, 2A004)',
  siret: 'SIRET à 14 chiffres (les espaces sont tolérés)',
  status: DOSSIER_STATUSES.map((s) => STATUS_LABELS[s]).join(', '),
  contractType: 'CDI, CDD, Contrat de projet ou CUI (CUI-CAE, CUI-CIE, PEC)',
  qpv: 'Oui, Non ou Sans objet',
  structureType: 'Privée ou Publique',
  email: 'Adresse email (ex. contact@structure.fr)',
  phone: 'Numéro à 10 chiffres (ex. 01 23 45 67 89) ou international (+33 …)',
};

const FIELD_HINTS: Partial<Record<DossierFieldKey, string>> = {
  externalId: 'Identifiant unique du dossier (ID de la plateforme) : une ligne déjà importée avec le même identifiant est mise à jour.',
  departmentCode: 'Si la colonne est vide, le département est déduit de la commune ou du code postal quand c’est possible.',
  regionCode: 'Toujours recalculée à partir du département.',
  postsRequested: 'Vide : 0 est retenu, avec une alerte.',
  contractMonths: 'Un CDD dure au plus 18 mois, renouvellement compris.',
  declaredAid: 'Aides publiques déjà versées pour l’emploi du conseiller : déduites de la subvention.',
  consolidation: 'Oui si le projet consolide des postes existants (examen ad hoc).',
  status: 'Vide : « Non traitée ».',
};

// Excel caps validation titles at 32 characters and offers to repair files with longer ones.
const MAX_TITLE = 32;

function validationFor(def: FieldDef, listRange: string | undefined): DataValidation | null {
  const title = def.label.length > MAX_TITLE ? `${def.label.slice(0, MAX_TITLE - 1)}…` : def.label;
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: title } as const;
  if (listRange) {
    return { ...common, type: 'list', formulae: [listRange], error: `Choisissez une valeur dans la liste (voir la feuille « Aide »).` };
  }
  if (def.kind === 'int') {
    return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: 'Saisissez un nombre entier positif ou nul.' };
  }
  if (def.kind === 'money') {
    return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: 'Saisissez un montant positif en euros.' };
  }
  return null;
}

function writeLists(sheet: Worksheet): Map<FieldKind, string> {
  const ranges = new Map<FieldKind, string>();
  LISTS.forEach(({ kind, title, values }, i) => {
    const column = sheet.getColumn(i + 1);
    column.numFmt = '@';
    column.values = [title, ...values];
    ranges.set(kind, `Listes!$${column.letter}$2:$${column.letter}$${values.length + 1}`);
  });
  return ranges;
}

// exceljs 4.4 writes range validations but does not declare `dataValidations` on Worksheet.
type WithValidations = Worksheet & { dataValidations: { add(address: string, validation: DataValidation): void } };

function writeDossierSheet(sheet: Worksheet, listRanges: Map<FieldKind, string>): void {
  sheet.columns = FIELD_DEFS.map((def) => ({
    header: def.label,
    key: def.key,
    width: def.kind === 'address' || def.key === 'motivation' ? 45 : Math.min(40, Math.max(12, def.label.length + 4)),
    style: {
      numFmt: TEXT_KINDS.has(def.kind) || def.key === 'externalId' ? '@' : def.kind === 'date' ? 'dd/mm/yyyy' : def.kind === 'money' ? '#,##0.00 "€"' : 'General',
      alignment: { vertical: 'top', wrapText: def.kind === 'address' || def.key === 'motivation' },
    },
  }));
  const header = sheet.getRow(1);
  header.height = 48;
  FIELD_DEFS.forEach((def, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: def.required ? 'FF9C2B00' : 'FF1F2A44' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: def.required ? REQUIRED_FILL : HEADER_FILL } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A94A6' } } };
    cell.note = `${def.required ? 'Colonne obligatoire. ' : ''}${KIND_HELP[def.kind]}`;
  });

  const example = sheet.addRow(Object.fromEntries(FIELD_DEFS.map((def) => [def.key, EXAMPLE[def.key] ?? null])));
  example.font = { italic: true, color: { argb: 'FF5B6475' } };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1, activeCell: 'B2' }];

  const validations = (sheet as WithValidations).dataValidations;
  FIELD_DEFS.forEach((def, i) => {
    const validation = validationFor(def, listRanges.get(def.kind));
    const letter = sheet.getColumn(i + 1).letter;
    if (validation) validations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, validation);
  });
}

function writeHelpSheet(sheet: Worksheet): void {
  sheet.columns = [
    { header: 'Colonne', key: 'label', width: 42 },
    { header: 'Obligatoire', key: 'required', width: 12 },
    { header: 'Valeurs acceptées et format', key: 'format', width: 60 },
    { header: 'Rubrique', key: 'group', width: 22 },
    { header: 'Autres intitulés reconnus', key: 'aliases', width: 60 },
  ];
  sheet.spliceRows(1, 0,
    ['Modèle d’import des dossiers – Conseillers numériques France Services'],
    ['Remplissez une ligne par dossier dans la feuille « Dossiers », sans modifier la ligne d’en-tête. Les colonnes obligatoires sont en orange ; les autres peuvent rester vides ou être supprimées.'],
    ['La ligne d’exemple (identifiant EXEMPLE-1) est à supprimer avant l’import.'],
    [],
  );
  sheet.getRow(1).font = { bold: true, size: 14 };
  const header = sheet.getRow(5);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  for (const def of FIELD_DEFS) {
    const row = sheet.addRow({
      label: def.label,
      required: def.required ? 'Oui' : 'Non',
      format: [KIND_HELP[def.kind], FIELD_HINTS[def.key]].filter(Boolean).join('\n'),
      group: FIELD_GROUP_LABELS[def.group],
      aliases: def.aliases.filter((alias) => alias !== def.key).join(' ; '),
    });
    row.alignment = { vertical: 'top', wrapText: true };
    if (def.required) row.getCell('required').font = { bold: true, color: { argb: 'FF9C2B00' } };
  }
  sheet.views = [{ state: 'frozen', ySplit: 5 }];
}

export async function buildImportTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CNFS Revue';
  const dossiers = workbook.addWorksheet('Dossiers');
  const help = workbook.addWorksheet('Aide');
  const lists = workbook.addWorksheet('Listes', { state: 'hidden' });
  writeDossierSheet(dossiers, writeLists(lists));
  writeHelpSheet(help);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** CLI commands of the territorial view: figures per department or region, the targets, the coherence checks. */
import path from 'node:path';
import { ApiError, type AgreedTargetsPreview, type TargetVersion } from '../../shared/api/contract';
import type { TerritoryFigures } from '../../shared/domain/territory';
import type { Backend } from '../backend/backend';
import { defineCommand } from './cli-command';
import { readInput, writeFileAtomically } from './cli-lookup';

const write = (text: string) => process.stdout.write(text);

const line = (code: string, name: string, f: TerritoryFigures & { per100k: number }) =>
  `${code}\t${name}\t${f.dossiers} dossiers\t${f.requested} demandés\t${f.supported} soutenus\t${f.granted} accordés\tobjectif ${f.target ?? '—'}\t${f.per100k.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} pour 100 000 hab.\n`;

/** `--json`: exactly the objects of stats:departments or stats:regions. */
export async function runStats(backend: Backend, level: 'departments' | 'regions', json: boolean): Promise<number> {
  const stats = level === 'departments' ? await backend.call('stats:departments', {}) : await backend.call('stats:regions', {});
  if (json) {
    write(`${JSON.stringify(stats)}\n`);
    return 0;
  }
  for (const s of stats) write(line(s.code, s.name, s));
  return 0;
}

export const statsDepartmentsCommand = defineCommand({
  name: 'stats departments',
  summary: 'chiffres par département (dossiers, postes demandés, soutenus, accordés, objectif, pour 100 000 habitants)',
  options: {},
  run: (backend, { json }) => runStats(backend, 'departments', json),
});

export const statsRegionsCommand = defineCommand({
  name: 'stats regions',
  summary: 'les mêmes chiffres par région',
  options: {},
  run: (backend, { json }) => runStats(backend, 'regions', json),
});

const versionLine = (v: TargetVersion) => `version ${v.id}, par ${v.setBy}`;

export const targetsSetCommand = defineCommand({
  name: 'targets set',
  summary: 'fixe l’objectif de postes d’un département (une nouvelle version, l’ancienne reste dans l’historique)',
  options: {
    department: { type: 'string', value: 'CODE', required: true, help: 'code du département' },
    target: { type: 'integer', value: 'N', required: true, help: 'objectif de postes (entier ≥ 0)' },
  },
  run: async (backend, { options, json }) => {
    const totals = await backend.call('targets:set', { departmentCode: options.department, target: options.target });
    write(json ? `${JSON.stringify(totals)}\n` : `Objectif du département ${options.department} : ${options.target} poste(s)\n`);
    return 0;
  },
});

export const targetsDistributeCommand = defineCommand({
  name: 'targets distribute',
  summary: 'répartit un objectif national entre les 101 départements selon leur population (chacun au moins le plancher)',
  options: {
    total: { type: 'integer', value: 'N', required: true, help: 'objectif national de postes' },
    floor: { type: 'integer', value: 'N', help: 'plancher par département' },
  },
  run: async (backend, { options, json }) => {
    const result = await backend.call('targets:distribute', { total: options.total, ...(options.floor === undefined ? {} : { floor: options.floor }) });
    if (json) write(`${JSON.stringify(result)}\n`);
    else {
      for (const t of result.targets) write(`${t.departmentCode}\t${t.target}\n`);
      write(`${result.targets.length} département(s), ${result.version.total} poste(s) (${versionLine(result.version)})\n`);
    }
    return 0;
  },
});

function agreementErrors(preview: AgreedTargetsPreview): string {
  return preview.errors.map((e) => `  ${e.message}`).join('\n');
}

export const targetsImportCommand = defineCommand({
  name: 'targets import',
  summary: 'lit les accords préalables (CSV ou XLSX : département, nom facultatif, nombre de postes) ; --commit les enregistre',
  args: [{ name: 'FICHIER', required: true, help: 'fichier CSV ou XLSX' }],
  options: {
    sheet: { type: 'string', value: 'FEUILLE', help: 'feuille à lire (XLSX)' },
    commit: { type: 'boolean', help: 'enregistre les objectifs (sinon : aperçu, rien n’est écrit)' },
  },
  run: async (backend, { options, args, json }) => {
    const file = readInput(args[0]!);
    const request = { ...file, ...(options.sheet ? { sheet: options.sheet } : {}) };
    // The preview first, even with --commit: every error of the file is listed, not only the first ones.
    const checked = await backend.call('targets:importAgreed', request);
    if (checked.errors.length > 0) {
      throw new ApiError('VALIDATION', `Le fichier « ${checked.fileName} » est refusé : ${checked.errors.length} erreur(s), rien n’a été enregistré.\n${agreementErrors(checked)}`);
    }
    const preview = options.commit ? await backend.call('targets:importAgreed', { ...request, commit: true }) : checked;
    if (json) {
      write(`${JSON.stringify(preview)}\n`);
      return 0;
    }
    for (const r of preview.rows) write(`${r.departmentCode}\t${r.departmentName}\t${r.previous ?? '—'} → ${r.target}\n`);
    for (const w of preview.warnings) write(`  ${w.message}\n`);
    const total = preview.rows.reduce((sum, r) => sum + r.target, 0);
    write(preview.version ? `Accords enregistrés : ${preview.rows.length} département(s), ${total} poste(s) (${versionLine(preview.version)})\n` : `Aperçu (rien n’a été écrit) : ${preview.rows.length} département(s), ${total} poste(s) ; --commit pour les enregistrer\n`);
    return 0;
  },
});

export const checksExportCommand = defineCommand({
  name: 'checks export',
  summary: 'écrit les contrôles de cohérence de la répartition (CSV ou XLSX selon l’extension), dans le périmètre du profil',
  options: {
    out: { type: 'string', value: 'FICHIER', required: true, help: 'fichier .csv ou .xlsx' },
    tolerance: { type: 'integer', value: 'POURCENT', help: 'tolérance autour des objectifs (10 % par défaut)' },
  },
  check: ({ options }) => (/\.(csv|xlsx)$/i.test(options.out) ? null : `checks export : --out attend un fichier .csv ou .xlsx (« ${options.out} »).`),
  run: async (backend, { options, json }) => {
    const format = path.extname(options.out).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
    const { data } = await backend.call('territory:exportChecks', { format, ...(options.tolerance === undefined ? {} : { tolerancePercent: options.tolerance }) });
    const target = writeFileAtomically(options.out, data);
    write(json ? `${JSON.stringify({ file: target, format, bytes: data.length })}\n` : `Contrôles de cohérence écrits : ${target}\n`);
    return 0;
  },
});

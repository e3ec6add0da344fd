/** CLI commands of the dossiers: import, list, demo dossiers, the import template, the base's info. */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/contract';
import type { DossierStatus } from '../../shared/domain/dossier';
import { describeDivergenceSide } from '../../shared/import/divergence-labels';
import type { Backend } from '../backend/backend';
import { defineCommand } from './cli-command';

const write = (text: string) => process.stdout.write(text);

export async function runImport(backend: Backend, file: string, options: { dryRun: boolean; sheet?: string; json: boolean }): Promise<number> {
  let data: Uint8Array;
  try {
    data = fs.readFileSync(file);
  } catch (error) {
    throw new ApiError('FILE_UNREADABLE', `Impossible de lire le fichier « ${file} » : ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'fichier introuvable' : (error as Error).message}.`);
  }
  const preview = await backend.call('import:preview', { fileName: path.basename(file), data, ...(options.sheet ? { sheet: options.sheet } : {}) });
  if (preview.blockingError) throw new ApiError('IMPORT_BLOCKED', `Fichier « ${preview.fileName} » refusé : ${preview.blockingError}`);
  const result = options.dryRun ? null : await backend.call('import:commit', { token: preview.token });
  const counts = result?.counts ?? preview.counts;
  const divergences = result?.divergences ?? preview.divergences;
  if (options.json) {
    write(
      `${JSON.stringify({
        file: preview.fileName,
        format: preview.format,
        encoding: preview.encoding,
        delimiter: preview.delimiter,
        sheet: preview.sheet,
        dryRun: options.dryRun,
        imported: !options.dryRun,
        batchId: result?.batchId ?? null,
        alreadyImported: preview.alreadyImported,
        counts,
        rejected: preview.rejected,
        unknownHeaders: preview.unknownHeaders,
        divergences,
      })}\n`,
    );
    return 0;
  }
  write(`${options.dryRun ? 'Aperçu (rien n’a été écrit)' : 'Import terminé'} : ${preview.fileName} (${preview.format}${preview.encoding ? `, ${preview.encoding}` : ''})\n`);
  write(`  lignes : ${counts.total} · nouveaux : ${counts.new} · mis à jour : ${counts.updated} · inchangés : ${counts.unchanged} · rejetés : ${counts.rejected} · avec alertes : ${counts.withWarnings}\n`);
  if (preview.unknownHeaders.length > 0) write(`  colonnes ignorées : ${preview.unknownHeaders.join(', ')}\n`);
  for (const r of preview.rejected) write(`  ligne ${r.row}${r.line && r.line !== r.row ? ` (ligne ${r.line} du texte)` : ''}${r.column ? `, colonne « ${r.column} »` : ''} : ${r.reason}\n`);
  if (divergences.length > 0) {
    write(`  divergences avec les décisions de cette base (non appliquées) : ${divergences.length}\n`);
    for (const d of divergences) {
      write(`  ligne ${d.row}, dossier ${d.externalId} : la plateforme indique ${describeDivergenceSide(d.platform)} → cette base indique ${describeDivergenceSide(d.base)}${d.alreadyReported ? ' (déjà signalée)' : ''}\n`);
    }
  }
  return 0;
}

export async function runDossiers(backend: Backend, options: { departments?: string[]; statuses?: string[]; search?: string; json: boolean }): Promise<number> {
  const filter = {
    ...(options.departments ? { departments: options.departments } : {}),
    ...(options.statuses ? { statuses: options.statuses as DossierStatus[] } : {}),
    ...(options.search ? { search: options.search } : {}),
  };
  const rows = [];
  for (let offset = 0; ; offset += 500) {
    const page = await backend.call('dossiers:list', { ...filter, sort: { column: 'externalId', direction: 'asc' }, offset, limit: 500 });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) break;
  }
  if (options.json) {
    write(`${JSON.stringify(rows)}\n`);
    return 0;
  }
  for (const d of rows) write(`${d.externalId}\t${d.departmentCode}\t${d.postsRequested}\t${d.status}\t${d.name ?? ''}${d.warnings.length ? `\t(${d.warnings.length} alerte(s))` : ''}\n`);
  write(`${rows.length} dossier(s)\n`);
  return 0;
}

export const importCommand = defineCommand({
  name: 'import',
  summary: 'importe des dossiers (export CSV de la plateforme, CSV, XLSX ou JSON)',
  args: [{ name: 'FICHIER', required: true, help: 'fichier à importer' }],
  options: {
    'dry-run': { type: 'boolean', help: 'aperçu seulement : rien n’est écrit' },
    sheet: { type: 'string', value: 'FEUILLE', help: 'feuille à lire (XLSX ; la première par défaut)' },
  },
  run: (backend, { options, args, json }) => runImport(backend, args[0]!, { dryRun: options['dry-run'], sheet: options.sheet, json }),
});

export const dossiersCommand = defineCommand({
  name: 'dossiers',
  summary: 'liste les dossiers (dans le périmètre du profil)',
  options: {
    department: { type: 'string', value: 'CODE', multiple: true, help: 'département(s)' },
    status: { type: 'string', value: 'STATUT', multiple: true, help: 'statut(s) de la plateforme' },
    search: { type: 'string', value: 'TEXTE', help: 'recherche (identifiant, nom, SIRET, commune)' },
  },
  run: (backend, { options, json }) => runDossiers(backend, { departments: options.department, statuses: options.status, search: options.search, json }),
});

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'génère N dossiers de démonstration dans les 101 départements',
  options: { count: { type: 'integer', value: 'N', required: true, help: 'nombre de dossiers (≥ 1)' } },
  check: ({ options }) => (options.count >= 1 ? null : 'demo : indiquez --count N (entier ≥ 1).'),
  run: async (backend, { options, json }) => {
    const { created } = await backend.call('demo:generate', { count: options.count });
    write(json ? `${JSON.stringify({ created })}\n` : `${created} dossiers de démonstration créés dans ${backend.store.path}.\n`);
    return 0;
  },
});

export const templateCommand = defineCommand({
  name: 'template',
  summary: 'écrit le modèle d’import (« Modèle d’import »)',
  options: { out: { type: 'string', value: 'FICHIER.xlsx', required: true, help: 'fichier à écrire' } },
  run: async (backend, { options }) => {
    const { data } = await backend.call('import:template', {});
    fs.writeFileSync(options.out, data);
    write(`Modèle d’import écrit : ${path.resolve(options.out)}\n`);
    return 0;
  },
});

export const infoCommand = defineCommand({
  name: 'info',
  summary: 'base utilisée, version, nombre de dossiers',
  options: {},
  run: async (backend, { json }) => {
    const info = await backend.call('app:info', {});
    write(json ? `${JSON.stringify(info)}\n` : `Base : ${info.dbPath}\nVersion : ${info.version} (schéma ${info.schemaVersion})\nDossiers : ${info.dossierCount}\n`);
    return 0;
  },
});

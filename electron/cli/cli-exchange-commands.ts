/**
 * CLI commands of the offline exchange: `package export|import` and `workbook export|import`.
 * A prefecture profile's package is its review package; a national profile's, the department's
 * dossier package. Exit code 0 once done (an import with refused lines or rows included), 1 when
 * the file or the request is refused as a whole (reason on stderr), 2 for a usage error (cli.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/contract';
import { OPINION_ACTION_LABELS, PACKAGE_KIND_LABELS, type PackageFile } from '../../shared/domain/exchange';
import type { Backend } from '../backend/backend';
import { defineCommand } from './cli-command';
import { readInput } from './cli-lookup';

export type ExchangeCommand = ({ action: 'export'; department: string; out: string } | { action: 'import'; file: string }) & { json: boolean };

const write = (text: string) => process.stdout.write(text);

const DOSSIER_LABELS = { new: 'nouveau dossier', updated: 'dossier mis à jour', rejected: 'dossier rejeté' } as const;

function writeOutput(out: string, data: Uint8Array): string {
  const target = path.resolve(out);
  try {
    fs.writeFileSync(target, data);
  } catch (error) {
    throw new ApiError('FILE_UNWRITABLE', `Impossible d’écrire le fichier « ${target} » : ${(error as Error).message}.`);
  }
  return target;
}

async function exportPackage(backend: Backend, department: string, out: string, json: boolean): Promise<number> {
  const profile = await backend.call('profile:current', {});
  if (!profile) throw new ApiError('NO_PROFILE', 'Indiquez d’abord qui vous êtes : npm run cli -- profile --name NOM --role RÔLE [--department CODE].');
  const national = profile.role !== 'PREFECTURE';
  const file = await backend.call(national ? 'exchange:exportDossierPackage' : 'exchange:exportPackage', { departmentCode: department });
  const target = writeOutput(out, file.data);
  const { content, checksum } = JSON.parse(new TextDecoder().decode(file.data)) as PackageFile;
  if (json) {
    write(`${JSON.stringify({ file: target, kind: content.kind, departmentCode: content.departmentCode, dossiers: content.dossiers.length, checksum: checksum.value, bytes: file.data.length })}\n`);
  } else {
    const what = national ? 'Paquet des dossiers' : 'Paquet des avis';
    write(`${what} du département ${content.departmentCode} écrit : ${target} (${content.dossiers.length} dossier(s), empreinte SHA-256 ${checksum.value.slice(0, 12)}…)\n`);
  }
  return 0;
}

async function importPackage(backend: Backend, file: string, json: boolean): Promise<number> {
  const preview = await backend.call('exchange:previewPackage', readInput(file));
  const result = await backend.call('exchange:importPackage', { token: preview.token });
  const { counts } = result;
  const lines = preview.lines.filter((l) => l.opinion !== 'unchanged' || l.dossier === 'new' || l.dossier === 'updated');
  if (json) {
    const { token: _token, ...rest } = preview;
    write(`${JSON.stringify({ ...rest, imported: true, logId: result.logId, counts })}\n`);
    return 0;
  }
  write(`${result.logId === null ? 'Rien à importer' : 'Paquet importé'} : ${preview.fileName} (${PACKAGE_KIND_LABELS[preview.kind].toLowerCase()}, département ${preview.departmentCode} – ${preview.departmentName}, envoyé par ${preview.sender.name} le ${preview.createdAt.slice(0, 10)})\n`);
  if (preview.alreadyImported) write('  ce paquet avait déjà été importé\n');
  if (preview.kind === 'dossiers') write(`  dossiers : ${counts.dossiers} · nouveaux : ${counts.dossiersNew} · mis à jour : ${counts.dossiersUpdated} · décisions ajoutées : ${counts.decisions}\n`);
  write(`  avis : nouveaux ${counts.new} · mis à jour ${counts.updated} · inchangés ${counts.unchanged} · conflits ${counts.conflicts} · rejetés ${counts.rejected} (versions ajoutées : ${counts.versions}, fiches de notation : ${counts.scores})\n`);
  for (const l of lines) {
    const what = [l.dossier && l.dossier !== 'unchanged' ? DOSSIER_LABELS[l.dossier] : null, l.opinion ? OPINION_ACTION_LABELS[l.opinion].toLowerCase() : null].filter(Boolean).join(', ');
    write(`  ${l.externalId}${l.name ? ` (${l.name})` : ''} : ${what}${l.reason ? ` – ${l.reason}` : ''}\n`);
  }
  for (const note of preview.notes) write(`  ${note}\n`);
  if (counts.conflicts > 0) write(`  ${counts.conflicts} conflit(s) à résoudre dans l’application (Exports › Échanges avec les préfectures).\n`);
  return 0;
}

export async function runPackage(backend: Backend, command: ExchangeCommand): Promise<number> {
  return command.action === 'export' ? exportPackage(backend, command.department, command.out, command.json) : importPackage(backend, command.file, command.json);
}

export async function runWorkbook(backend: Backend, command: ExchangeCommand): Promise<number> {
  if (command.action === 'export') {
    const file = await backend.call('exchange:exportWorkbook', { departmentCode: command.department });
    const target = writeOutput(command.out, file.data);
    write(command.json ? `${JSON.stringify({ file: target, departmentCode: command.department, bytes: file.data.length })}\n` : `Classeur du département ${command.department} écrit : ${target}\n`);
    return 0;
  }
  const preview = await backend.call('exchange:previewWorkbook', readInput(command.file));
  const result = await backend.call('exchange:importWorkbook', { token: preview.token });
  if (command.json) {
    write(`${JSON.stringify({ file: preview.fileName, sheets: preview.sheets, imported: true, logId: result.logId, alreadyImported: preview.alreadyImported, counts: result.counts, errors: result.errors })}\n`);
    return 0;
  }
  const c = result.counts;
  write(`${result.logId === null ? 'Rien à importer' : 'Classeur importé'} : ${preview.fileName} (feuilles : ${preview.sheets.join(', ')})\n`);
  write(`  lignes : ${c.rows} · nouveaux avis : ${c.new} · mis à jour : ${c.updated} · conflits : ${c.conflicts} · inchangés : ${c.unchanged} · sans avis : ${c.empty} · refusées : ${c.rejected}\n`);
  for (const e of result.errors) write(`  feuille « ${e.sheet} », ligne ${e.row}${e.column ? `, colonne « ${e.column} »` : ''} : ${e.reason}\n`);
  for (const change of preview.changes.filter((x) => x.action === 'conflict')) write(`  conflit, feuille « ${change.sheet} », ligne ${change.row} (dossier ${change.externalId}) : ${change.reason}\n`);
  if (c.conflicts > 0) write(`  ${c.conflicts} conflit(s) à résoudre dans l’application (Exports › Échanges avec les préfectures).\n`);
  if (result.logId !== null) write('  import non signé (classeur) : les avis sont enregistrés au nom de la préfecture du département, avec le nom de qui les a importés.\n');
  return 0;
}

const exportOptions = {
  department: { type: 'string', value: 'CODE', required: true, help: 'code du département' },
  out: { type: 'string', value: 'FICHIER', required: true, help: 'fichier à écrire' },
} as const;
const importArgs = [{ name: 'FICHIER', required: true, help: 'fichier à importer' }] as const;

export const packageExportCommand = defineCommand({
  name: 'package export',
  summary: 'paquet d’un département : les avis d’une préfecture, ou les dossiers envoyés par le national',
  options: exportOptions,
  run: (backend, { options, json }) => runPackage(backend, { action: 'export', department: options.department, out: options.out, json }),
});

export const packageImportCommand = defineCommand({
  name: 'package import',
  summary: 'vérifie et importe un paquet d’avis ou de dossiers',
  args: importArgs,
  options: {},
  run: (backend, { args, json }) => runPackage(backend, { action: 'import', file: args[0]!, json }),
});

export const workbookExportCommand = defineCommand({
  name: 'workbook export',
  summary: 'classeur départemental à remplir (format 2021)',
  options: { ...exportOptions, out: { ...exportOptions.out, value: 'FICHIER.xlsx' } },
  run: (backend, { options, json }) => runWorkbook(backend, { action: 'export', department: options.department, out: options.out, json }),
});

export const workbookImportCommand = defineCommand({
  name: 'workbook import',
  summary: 'importe les avis d’un classeur rempli (les lignes refusées sont listées et non importées)',
  args: [{ name: 'FICHIER.xlsx', required: true, help: 'classeur rempli' }],
  options: {},
  run: (backend, { args, json }) => runWorkbook(backend, { action: 'import', file: args[0]!, json }),
});

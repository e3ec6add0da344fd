/**
 * How the command line names things: a session by its number, a dossier by its external id (the
 * platform's ID), a member by name or id, files by path. Each lookup goes through the contract,
 * so the current profile's scope applies, and says in French what it did not find.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/contract';
import type { Member, SessionSummary } from '../../shared/domain/committee';
import type { DossierSummary } from '../../shared/domain/dossier';
import type { Backend } from '../backend/backend';

/** The session with this number (case-insensitive, spaces ignored at the ends). */
export async function sessionNamed(backend: Backend, number: string): Promise<SessionSummary> {
  const wanted = number.trim().replace(/\s+/g, ' ').toLocaleUpperCase('fr');
  const found = (await backend.call('sessions:list', {})).find((s) => s.number.toLocaleUpperCase('fr') === wanted);
  if (!found) throw new ApiError('NOT_FOUND', `Aucune séance ne porte le numéro « ${number.trim()} ».`);
  return found;
}

/** The dossier with this external id, within the profile's scope. */
export async function dossierNamed(backend: Backend, externalId: string): Promise<DossierSummary> {
  const wanted = externalId.trim();
  const page = await backend.call('dossiers:list', { search: wanted, limit: 500 });
  const dossier = page.rows.find((r) => r.externalId === wanted);
  if (!dossier) throw new ApiError('NOT_FOUND', `Aucun dossier n’a l’identifiant « ${wanted} ».`);
  return dossier;
}

/** Several external ids at once, in the order given; every unknown one is named. */
export async function dossiersNamed(backend: Backend, externalIds: readonly string[]): Promise<DossierSummary[]> {
  const found: DossierSummary[] = [];
  const unknown: string[] = [];
  for (const id of externalIds) {
    try {
      found.push(await dossierNamed(backend, id));
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'NOT_FOUND') throw error;
      unknown.push(`« ${id.trim()} »`);
    }
  }
  if (unknown.length > 0) throw new ApiError('NOT_FOUND', `Aucun dossier n’a l’identifiant ${unknown.join(', ')}.`);
  return found;
}

/** A committee member by id, or by name (case and accents as written, spaces ignored at the ends). */
export async function memberNamed(backend: Backend, nameOrId: string): Promise<Member> {
  const members = await backend.call('members:list', {});
  const wanted = nameOrId.trim();
  const found = /^\d+$/.test(wanted) ? members.find((m) => m.id === Number(wanted)) : members.find((m) => m.name.toLocaleLowerCase('fr') === wanted.toLocaleLowerCase('fr'));
  if (!found) throw new ApiError('NOT_FOUND', `Aucun membre du comité n’est « ${wanted} » (voir « member list »).`);
  return found;
}

/** A file to read, refused in French when it cannot be. */
export function readInput(file: string): { fileName: string; data: Uint8Array } {
  try {
    return { fileName: path.basename(file), data: new Uint8Array(fs.readFileSync(file)) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'fichier introuvable' : (error as Error).message;
    throw new ApiError('FILE_UNREADABLE', `Impossible de lire le fichier « ${file} » : ${reason}.`);
  }
}

/** Written beside the target, then renamed: never a half file under the name asked for. */
export function writeFileAtomically(out: string, data: Uint8Array): string {
  const target = path.resolve(out);
  const partial = `${target}.partiel`;
  try {
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'dossier introuvable' : code === 'EACCES' || code === 'EPERM' ? 'permission refusée' : (error as Error).message;
    throw new ApiError('FILE_UNWRITABLE', `Impossible d’écrire « ${target} » : ${reason}.`);
  }
  return target;
}

export { shortDate as frDate } from '../../shared/domain/french-format';

/**
 * Shape of a package's content, checked after its checksum: a package whose checksum holds may
 * still have been written by hand or by another tool. Any deviation refuses the whole package.
 */
import { ApiError } from '../../../shared/api/contract';
import type { PackageContent } from '../../../shared/domain/exchange';
import { isDepartmentCode } from '../../../shared/domain/geography';
import { OPINION_KINDS, ROLES } from '../../../shared/domain/review';

type Obj = Record<string, unknown>;

class ShapeError extends Error {}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function need(condition: boolean, path: string, what: string): void {
  if (!condition) throw new ShapeError(`${path} : ${what}`);
}

const str = (o: Obj, key: string, path: string) => need(typeof o[key] === 'string', `${path}.${key}`, 'texte attendu');
const strOrNull = (o: Obj, key: string, path: string) => need(o[key] === null || typeof o[key] === 'string', `${path}.${key}`, 'texte ou null attendu');
const int = (o: Obj, key: string, path: string, min = 0) =>
  need(typeof o[key] === 'number' && Number.isInteger(o[key]) && o[key] >= min, `${path}.${key}`, `entier ≥ ${min} attendu`);
const intOrNull = (o: Obj, key: string, path: string) => need(o[key] === null || (typeof o[key] === 'number' && Number.isInteger(o[key])), `${path}.${key}`, 'entier ou null attendu');
const hex = (o: Obj, key: string, path: string) => need(typeof o[key] === 'string' && /^[0-9a-f]{64}$/.test(o[key]), `${path}.${key}`, 'empreinte SHA-256 attendue');

function list(o: Obj, key: string, path: string): unknown[] {
  need(Array.isArray(o[key]), `${path}.${key}`, 'liste attendue');
  return o[key] as unknown[];
}

function author(v: unknown, path: string): void {
  need(isObj(v), path, 'auteur attendu');
  const a = v as Obj;
  str(a, 'name', path);
  need((ROLES as readonly unknown[]).includes(a.role), `${path}.role`, 'rôle inconnu');
}

function journal(v: unknown, path: string): void {
  if (v === null) return;
  need(isObj(v), path, 'entrée de journal ou null attendue');
  const j = v as Obj;
  int(j, 'seq', path, 1);
  for (const key of ['at', 'user', 'action']) str(j, key, path);
  hex(j, 'hash', path);
}

function opinion(v: unknown, path: string): void {
  need(isObj(v), path, 'version d’avis attendue');
  const o = v as Obj;
  hex(o, 'uid', path);
  need((OPINION_KINDS as readonly unknown[]).includes(o.opinion), `${path}.opinion`, 'avis inconnu');
  int(o, 'postsSupported', path);
  str(o, 'comment', path);
  strOrNull(o, 'duplicateOf', path);
  strOrNull(o, 'transferFrom', path);
  intOrNull(o, 'transferPosts', path);
  author(o.author, `${path}.author`);
  str(o, 'createdAt', path);
  journal(o.journal, `${path}.journal`);
  need(typeof o.relayed === 'boolean', `${path}.relayed`, 'booléen attendu');
}

function score(v: unknown, path: string, grids: ReadonlySet<string>): void {
  need(isObj(v), path, 'fiche de notation attendue');
  const s = v as Obj;
  hex(s, 'uid', path);
  author(s.reviewer, `${path}.reviewer`);
  need(typeof s.grid === 'string' && grids.has(s.grid), `${path}.grid`, 'grille absente du paquet');
  need(isObj(s.values) && Object.values(s.values).every((x) => x === null || typeof x === 'number'), `${path}.values`, 'notes attendues');
  strOrNull(s, 'comment', path);
  str(s, 'createdAt', path);
  journal(s.journal, `${path}.journal`);
}

function decision(v: unknown, path: string): void {
  need(isObj(v), path, 'décision attendue');
  const d = v as Obj;
  hex(d, 'uid', path);
  strOrNull(d, 'sessionNumber', path);
  strOrNull(d, 'sessionDate', path);
  need(['POSITIF', 'NEGATIF', 'EXAMEN_COMPLEMENTAIRE'].includes(d.decision as string), `${path}.decision`, 'décision inconnue');
  intOrNull(d, 'postsGranted', path);
  need(typeof d.priority === 'boolean', `${path}.priority`, 'booléen attendu');
  strOrNull(d, 'comment', path);
  need(d.source === 'platform' || d.source === 'committee', `${path}.source`, 'origine inconnue');
  str(d, 'recordedBy', path);
  str(d, 'recordedAt', path);
  need(Array.isArray(d.grounds) && d.grounds.every((g) => typeof g === 'string'), `${path}.grounds`, 'liste de motifs attendue');
  strOrNull(d, 'justification', path);
}

function dossier(v: unknown, path: string, kind: string, grids: ReadonlySet<string>): void {
  need(isObj(v), path, 'dossier attendu');
  const d = v as Obj;
  need(typeof d.externalId === 'string' && d.externalId.trim() !== '', `${path}.externalId`, 'identifiant attendu');
  strOrNull(d, 'name', path);
  str(d, 'departmentCode', path);
  list(d, 'opinions', path).forEach((o, i) => opinion(o, `${path}.opinions[${i}]`));
  need(list(d, 'mergedOpinions', path).every((u) => typeof u === 'string'), `${path}.mergedOpinions`, 'liste d’empreintes attendue');
  list(d, 'scores', path).forEach((s, i) => score(s, `${path}.scores[${i}]`, grids));
  if (kind === 'dossiers') {
    need(isObj(d.fields) && d.fields.externalId === d.externalId, `${path}.fields`, 'champs du dossier attendus');
    list(d, 'decisions', path).forEach((x, i) => decision(x, `${path}.decisions[${i}]`));
  }
}

function checkShape(content: unknown): void {
  need(isObj(content), 'content', 'objet attendu');
  const c = content as Obj;
  need(c.kind === 'reviews' || c.kind === 'dossiers', 'content.kind', '« reviews » ou « dossiers » attendu');
  need(typeof c.departmentCode === 'string' && isDepartmentCode(c.departmentCode), 'content.departmentCode', 'département inconnu');
  str(c, 'createdAt', 'content');
  need(isObj(c.sender), 'content.sender', 'expéditeur attendu');
  const sender = c.sender as Obj;
  author(sender, 'content.sender');
  need(Array.isArray(sender.departments) && sender.departments.every((x) => typeof x === 'string'), 'content.sender.departments', 'liste de départements attendue');
  need(isObj(c.app), 'content.app', 'version de l’application attendue');
  str(c.app as Obj, 'version', 'content.app');
  int(c.app as Obj, 'schemaVersion', 'content.app', 1);
  if (c.journalHead !== null) {
    need(isObj(c.journalHead), 'content.journalHead', 'objet ou null attendu');
    int(c.journalHead as Obj, 'seq', 'content.journalHead', 0);
  }
  const grids = new Set<string>();
  list(c, 'grids', 'content').forEach((g, i) => {
    const path = `content.grids[${i}]`;
    need(isObj(g), path, 'grille attendue');
    const grid = g as Obj;
    hex(grid, 'hash', path);
    int(grid, 'scaleMin', path, -1_000_000);
    int(grid, 'scaleMax', path, -1_000_000);
    need(Array.isArray(grid.criteria), `${path}.criteria`, 'liste de critères attendue');
    grids.add(grid.hash as string);
  });
  const seen = new Set<string>();
  list(c, 'dossiers', 'content').forEach((d, i) => {
    dossier(d, `content.dossiers[${i}]`, c.kind as string, grids);
    const id = (d as Obj).externalId as string;
    need(!seen.has(id), `content.dossiers[${i}]`, `identifiant « ${id} » en double`);
    seen.add(id);
  });
  if (c.ranking !== null) {
    need(isObj(c.ranking), 'content.ranking', 'classement ou null attendu');
    const ranking = c.ranking as Obj;
    need(list(ranking, 'order', 'content.ranking').every((x) => typeof x === 'string'), 'content.ranking.order', 'liste d’identifiants attendue');
    journal(ranking.journal, 'content.ranking.journal');
  }
}

export function checkContent(fileName: string, content: unknown): asserts content is PackageContent {
  try {
    checkShape(content);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new ApiError('PACKAGE_INVALID', `Le paquet « ${fileName} » est mal formé (${error.message}). Rien n’a été importé.`);
  }
}

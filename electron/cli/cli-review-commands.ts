/** CLI commands of the prefecture review: current profile, opinions and scores per dossier. */
import { ApiError } from '../../shared/api/contract';
import type { DossierSummary } from '../../shared/domain/dossier';
import { ROLES, ROLE_LABELS, type Role } from '../../shared/domain/review';
import type { Backend } from '../backend/backend';

const write = (text: string) => process.stdout.write(text);

/** Every dossier of the filter, through the API (so the current profile's scope applies). */
async function allDossiers(backend: Backend, departments: string[] | undefined, reviewed?: 'yes'): Promise<DossierSummary[]> {
  const rows: DossierSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await backend.call('dossiers:list', { ...(departments ? { departments } : {}), ...(reviewed ? { reviewed } : {}), sort: { column: 'externalId', direction: 'asc' }, offset, limit: 500 });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}

export async function runProfile(backend: Backend, options: { name?: string; role?: string; departments?: string[]; json: boolean }): Promise<number> {
  if (options.name === undefined && options.role === undefined) {
    const current = await backend.call('profile:current', {});
    if (options.json) write(`${JSON.stringify(current)}\n`);
    else write(current ? `Profil actuel : ${current.name} (${ROLE_LABELS[current.role]}${current.departments.length ? ` – ${current.departments.join(', ')}` : ''})\n` : 'Aucun profil : indiquez --name et --role.\n');
    return 0;
  }
  const role = options.role?.toUpperCase() as Role;
  if (!options.name || !ROLES.includes(role)) throw new ApiError('BAD_REQUEST', `profile : indiquez --name NOM et --role parmi ${ROLES.join(', ')}.`);
  // The same name and role again updates that profile instead of creating a twin.
  const existing = (await backend.call('profile:list', {})).find((p) => p.name.toLowerCase() === options.name!.trim().toLowerCase() && p.role === role);
  const saved = await backend.call('profile:save', { ...(existing ? { id: existing.id } : {}), name: options.name, role, departments: options.departments ?? [] });
  write(options.json ? `${JSON.stringify(saved)}\n` : `Profil actuel : ${saved.name} (${ROLE_LABELS[saved.role]}${saved.departments.length ? ` – ${saved.departments.join(', ')}` : ''})\n`);
  return 0;
}

export async function runOpinions(backend: Backend, options: { departments?: string[]; json: boolean }): Promise<number> {
  const out = [];
  for (const d of await allDossiers(backend, options.departments, 'yes')) {
    const [current] = await backend.call('opinions:history', { dossierId: d.id });
    if (!current) continue;
    out.push({
      dossierId: d.id,
      externalId: d.externalId,
      departmentCode: d.departmentCode,
      opinion: current.opinion,
      postsSupported: current.postsSupported,
      comment: current.comment,
      author: current.authorName,
      at: current.createdAt,
      version: current.version,
    });
  }
  if (options.json) {
    write(`${JSON.stringify(out)}\n`);
    return 0;
  }
  for (const o of out) write(`${o.externalId}\t${o.departmentCode}\t${o.opinion}\t${o.postsSupported}\tv${o.version}\t${o.author}\t${o.at}\n`);
  write(`${out.length} avis\n`);
  return 0;
}

export async function runScores(backend: Backend, options: { departments?: string[]; json: boolean }): Promise<number> {
  const out = [];
  for (const d of await allDossiers(backend, options.departments)) {
    if (d.reviewers === 0) continue;
    const scores = await backend.call('scores:get', { dossierId: d.id });
    out.push({ dossierId: d.id, externalId: d.externalId, aggregate: scores.aggregate, spread: scores.spread, reviewers: scores.reviewers, perCriterion: scores.perCriterion });
  }
  if (options.json) {
    write(`${JSON.stringify(out)}\n`);
    return 0;
  }
  const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(2));
  for (const s of out) write(`${s.externalId}\t${fmt(s.aggregate)}\t${s.reviewers.length} évaluateur(s)${s.spread ? `\tmin ${fmt(s.spread.min)} max ${fmt(s.spread.max)} écart-type ${fmt(s.spread.stdDev)}` : ''}\n`);
  write(`${out.length} dossier(s) noté(s)\n`);
  return 0;
}

/** CLI commands of the prefecture review: current profile, opinions and scores per dossier, recording them. */
import { ApiError } from '../../shared/api/contract';
import type { DossierSummary } from '../../shared/domain/dossier';
import { OPINION_KINDS, ROLES, ROLE_LABELS, type OpinionKind, type Role } from '../../shared/domain/review';
import type { Backend } from '../backend/backend';
import { defineCommand } from './cli-command';
import { dossierNamed } from './cli-lookup';

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

export const profileCommand = defineCommand({
  name: 'profile',
  summary: 'profil actuel de cette base (qui signe chaque modification, et ce qu’il peut voir) ; sans option : l’affiche',
  options: {
    name: { type: 'string', value: 'NOM', help: 'nom de la personne' },
    role: { type: 'string', value: 'RÔLE', help: `rôle parmi ${ROLES.join(', ')}` },
    department: { type: 'string', value: 'CODE', multiple: true, help: 'département(s) d’un agent de préfecture' },
  },
  check: ({ options }) =>
    (options.name !== undefined || options.role !== undefined) && (!options.name || !(ROLES as readonly string[]).includes(options.role?.toUpperCase() ?? ''))
      ? `profile : indiquez --name NOM et --role parmi ${ROLES.join(', ')} (et --department CODE pour un agent de préfecture).`
      : null,
  run: (backend, { options, json }) => runProfile(backend, { name: options.name, role: options.role, departments: options.department, json }),
});

export const opinionsCommand = defineCommand({
  name: 'opinions',
  summary: 'avis en cours de la préfecture, par dossier',
  options: { department: { type: 'string', value: 'CODE', multiple: true, help: 'département(s)' } },
  run: (backend, { options, json }) => runOpinions(backend, { departments: options.department, json }),
});

export const scoresCommand = defineCommand({
  name: 'scores',
  summary: 'notes agrégées par dossier et par critère',
  options: { department: { type: 'string', value: 'CODE', multiple: true, help: 'département(s)' } },
  run: (backend, { options, json }) => runScores(backend, { departments: options.department, json }),
});

export const opinionRecordCommand = defineCommand({
  name: 'opinion record',
  summary: 'enregistre l’avis de la préfecture sur un dossier (une nouvelle version, l’ancienne reste dans l’historique)',
  options: {
    dossier: { type: 'string', value: 'ID', required: true, help: 'identifiant du dossier' },
    opinion: { type: 'string', value: 'AVIS', required: true, help: `avis parmi ${OPINION_KINDS.join(', ')}` },
    posts: { type: 'integer', value: 'N', required: true, help: 'postes soutenus (0 pour un avis défavorable)' },
    comment: { type: 'string', value: 'TEXTE', required: true, help: 'motivation de l’avis' },
    'duplicate-of': { type: 'string', value: 'ID', help: 'le dossier original d’un DOUBLON' },
  },
  check: ({ options }) => ((OPINION_KINDS as readonly string[]).includes(options.opinion.toUpperCase()) ? null : `opinion record : --opinion attend ${OPINION_KINDS.join(', ')} (« ${options.opinion} »).`),
  run: async (backend, { options, json }) => {
    const dossier = await dossierNamed(backend, options.dossier);
    const original = options['duplicate-of'] === undefined ? null : await dossierNamed(backend, options['duplicate-of']);
    const saved = await backend.call('opinions:record', {
      dossierId: dossier.id,
      opinion: options.opinion.toUpperCase() as OpinionKind,
      postsSupported: options.posts,
      comment: options.comment,
      ...(original ? { duplicateOfId: original.id } : {}),
    });
    write(json ? `${JSON.stringify({ ...saved, externalId: dossier.externalId })}\n` : `Avis enregistré (dossier ${dossier.externalId}, version ${saved.version}) : ${saved.opinion}, ${saved.postsSupported} poste(s) soutenu(s)\n`);
    return 0;
  },
});

/** `besoins=4`, `finances=NA` (non évaluable): the criterion's key and its score, or null. */
function scoreValues(pairs: readonly string[]): Record<string, number | null> | string {
  const values: Record<string, number | null> = {};
  for (const pair of pairs) {
    const match = /^([^=]+)=(.*)$/.exec(pair.trim());
    const text = match?.[2]?.trim().toUpperCase();
    if (!match || text === undefined || !/^(\d+|NA|)$/.test(text)) return `score record : --value attend CRITÈRE=NOTE (un entier, ou NA pour « non évaluable ») : « ${pair} ».`;
    values[match[1]!.trim()] = text === 'NA' || text === '' ? null : Number(text);
  }
  return values;
}

export const scoreRecordCommand = defineCommand({
  name: 'score record',
  summary: 'note un dossier sur la grille en cours (chaque critère : un entier de l’échelle, ou NA)',
  options: {
    dossier: { type: 'string', value: 'ID', required: true, help: 'identifiant du dossier' },
    value: { type: 'string', value: 'CRITÈRE=NOTE', multiple: true, required: true, help: 'note d’un critère de la grille (voir « scores --json » pour les clés)' },
    comment: { type: 'string', value: 'TEXTE', help: 'commentaire de notation' },
  },
  check: ({ options }) => {
    const values = scoreValues(options.value);
    return typeof values === 'string' ? values : null;
  },
  run: async (backend, { options, json }) => {
    const dossier = await dossierNamed(backend, options.dossier);
    const grid = (await backend.call('grids:list', {})).find((g) => g.current);
    if (!grid) throw new ApiError('NOT_FOUND', 'Aucune grille de notation en cours.');
    const scores = await backend.call('scores:record', { dossierId: dossier.id, gridId: grid.id, values: scoreValues(options.value) as Record<string, number | null>, comment: options.comment ?? null });
    const aggregate = scores.aggregate === null ? '—' : scores.aggregate.toFixed(2);
    write(json ? `${JSON.stringify({ ...scores, externalId: dossier.externalId })}\n` : `Notation enregistrée (dossier ${dossier.externalId}, grille « ${grid.name} » v${grid.version}) : note agrégée ${aggregate}\n`);
    return 0;
  },
});

/**
 * CLI commands of the committee: sessions, their decisions, the minutes as PDF, and recording a
 * decision (`decide`) and validating the minutes, through the API so that the profile's role and every rule apply (a
 * sealed session refuses, as in the app).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/contract';
import { DECISION_KINDS, DECISION_LABELS, REFUSAL_GROUNDS, SESSION_STATUS_LABELS, type DecisionKind, type RefusalGround } from '../../shared/domain/committee';
import type { Backend } from '../backend/backend';
import { defineCommand } from './cli-command';
import { frDate, sessionNamed } from './cli-lookup';

const write = (text: string) => process.stdout.write(text);

export async function runSessions(backend: Backend, options: { json: boolean }): Promise<number> {
  const sessions = await backend.call('sessions:list', {});
  if (options.json) {
    write(`${JSON.stringify(sessions)}\n`);
    return 0;
  }
  for (const s of sessions) {
    const seal = s.minutesHash ? `\tSHA-256 ${s.minutesHash}` : '';
    write(`${s.number}\t${frDate(s.date)}\t${SESSION_STATUS_LABELS[s.status]}\t${s.presentCount}/${s.memberCount} présents\t${s.decidedCount}/${s.agendaCount} décisions\t${s.postsGranted} postes${seal}\n`);
  }
  write(`${sessions.length} séance(s)\n`);
  return 0;
}

/** The decisions of one session (or of every session), each with its dossier's identifier and department. */
export async function runDecisions(backend: Backend, options: { session: string | undefined; json: boolean }): Promise<number> {
  const decisions = await backend.call('decisions:list', options.session === undefined ? {} : { sessionId: (await sessionNamed(backend, options.session)).id });
  const out = [];
  for (const d of decisions) {
    const dossier = await backend.call('dossiers:get', { id: d.dossierId });
    out.push({ ...d, externalId: dossier.externalId, dossierName: dossier.name, departmentCode: dossier.departmentCode });
  }
  if (options.json) {
    write(`${JSON.stringify(out)}\n`);
    return 0;
  }
  for (const d of out) {
    const posts = d.decision === 'POSITIF' ? `\t${d.postsGranted} poste(s)` : '';
    const grounds = d.grounds.length > 0 ? `\tmotifs : ${d.grounds.join(', ')}` : '';
    write(`${d.sessionNumber}\t${d.externalId}\t${d.departmentCode}\t${DECISION_LABELS[d.decision]}${posts}${d.priority ? '\tprioritaire' : ''}${grounds}${d.amendmentId ? '\t(amendement)' : ''}\n`);
  }
  write(`${out.length} décision(s)\n`);
  return 0;
}

export async function runMinutes(backend: Backend, options: { session: string; out: string }): Promise<number> {
  const session = await sessionNamed(backend, options.session);
  const { data } = await backend.call('minutes:pdf', { sessionId: session.id });
  fs.writeFileSync(options.out, data);
  const state = session.minutesHash ? `validé, SHA-256 ${session.minutesHash}` : 'projet non validé';
  write(`Procès-verbal de la séance ${session.number} écrit : ${path.resolve(options.out)} (${state})\n`);
  return 0;
}

export interface DecideOptions {
  session: string;
  dossier: string;
  decision: string;
  posts?: string;
  grounds?: string[];
  comment?: string;
  justification?: string;
  derogation?: string;
  priority: boolean;
  vote?: string;
  json: boolean;
}

/** « 4,1,0 »: for, against, abstain. */
function parseVote(text: string): { for: number; against: number; abstain: number } {
  const parts = text.split(/[,;/]/).map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 0)) throw new ApiError('BAD_REQUEST', `--vote attend « POUR,CONTRE,ABSTENTIONS » (par exemple 4,1,0) : « ${text} ».`);
  return { for: parts[0]!, against: parts[1]!, abstain: parts[2]! };
}

export async function runDecide(backend: Backend, options: DecideOptions): Promise<number> {
  const decision = options.decision.toUpperCase() as DecisionKind;
  if (!DECISION_KINDS.includes(decision)) throw new ApiError('BAD_REQUEST', `--decision attend ${DECISION_KINDS.join(', ')}.`);
  const grounds = (options.grounds ?? []).map((g) => g.toUpperCase());
  const unknown = grounds.filter((g) => !(REFUSAL_GROUNDS as readonly string[]).includes(g));
  if (unknown.length > 0) throw new ApiError('BAD_REQUEST', `Motif(s) inconnu(s) : ${unknown.join(', ')} (motifs : ${REFUSAL_GROUNDS.join(', ')}).`);
  const posts = options.posts === undefined ? null : Number(options.posts);
  if (posts !== null && !Number.isInteger(posts)) throw new ApiError('BAD_REQUEST', `--posts attend un nombre entier : « ${options.posts} ».`);
  const session = await sessionNamed(backend, options.session);
  const page = await backend.call('dossiers:list', { search: options.dossier, limit: 500 });
  const dossier = page.rows.find((r) => r.externalId === options.dossier.trim());
  if (!dossier) throw new ApiError('NOT_FOUND', `Aucun dossier n’a l’identifiant « ${options.dossier.trim()} ».`);
  const detail = await backend.call('decisions:record', {
    sessionId: session.id,
    dossierId: dossier.id,
    decision,
    postsGranted: posts,
    priority: options.priority,
    grounds: grounds as RefusalGround[],
    comment: options.comment ?? '',
    justification: options.justification ?? null,
    derogation: options.derogation ?? null,
    vote: options.vote === undefined ? null : parseVote(options.vote),
  });
  const recorded = detail.agenda.find((item) => item.dossierId === dossier.id)?.decision ?? null;
  if (options.json) write(`${JSON.stringify(recorded)}\n`);
  else write(`Décision enregistrée (séance ${session.number}, dossier ${dossier.externalId}) : ${DECISION_LABELS[decision]}${decision === 'POSITIF' ? `, ${posts} poste(s)` : ''}\n`);
  return 0;
}

export const sessionsCommand = defineCommand({
  name: 'sessions',
  summary: 'séances du comité, les plus récentes d’abord (numéro, date, statut, présents, décisions)',
  options: {},
  run: (backend, { json }) => runSessions(backend, { json }),
});

export const decisionsCommand = defineCommand({
  name: 'decisions',
  summary: 'décision courante de chaque dossier d’une séance (de toutes sans --session), dans l’ordre du jour',
  options: { session: { type: 'string', value: 'NUMÉRO', help: 'numéro de la séance' } },
  run: (backend, { options, json }) => runDecisions(backend, { session: options.session, json }),
});

export const minutesCommand = defineCommand({
  name: 'minutes',
  summary: 'procès-verbal d’une séance en PDF (projet tant qu’il n’est pas validé)',
  options: {
    session: { type: 'string', value: 'NUMÉRO', required: true, help: 'numéro de la séance' },
    out: { type: 'string', value: 'FICHIER.pdf', required: true, help: 'fichier à écrire' },
  },
  run: (backend, { options }) => runMinutes(backend, { session: options.session, out: options.out }),
});

export const minutesValidateCommand = defineCommand({
  name: 'minutes validate',
  summary: 'valide le procès-verbal d’une séance close : son empreinte SHA-256 le scelle, la séance passe en lecture seule',
  options: { session: { type: 'string', value: 'NUMÉRO', required: true, help: 'numéro de la séance' } },
  run: async (backend, { options, json }) => {
    const session = await sessionNamed(backend, options.session);
    const sealed = await backend.call('minutes:validate', { sessionId: session.id });
    write(json ? `${JSON.stringify(sealed)}\n` : `Procès-verbal de la séance ${sealed.number} validé : SHA-256 ${sealed.minutesHash}\n`);
    return 0;
  },
});

export const decideCommand = defineCommand({
  name: 'decide',
  summary: 'enregistre la décision d’une séance en cours sur un dossier de son ordre du jour, avec toutes les règles de l’application',
  options: {
    session: { type: 'string', value: 'NUMÉRO', required: true, help: 'numéro de la séance (en cours)' },
    dossier: { type: 'string', value: 'ID', required: true, help: 'identifiant du dossier' },
    decision: { type: 'string', value: 'DÉCISION', required: true, help: `décision parmi ${DECISION_KINDS.join(', ')}` },
    posts: { type: 'string', value: 'N', help: 'postes accordés (accord)' },
    ground: { type: 'string', value: 'MOTIF', multiple: true, help: `motif(s) d’un refus parmi ${REFUSAL_GROUNDS.join(', ')}` },
    comment: { type: 'string', value: 'TEXTE', help: 'commentaire (obligatoire pour un refus)' },
    justification: { type: 'string', value: 'TEXTE', help: 'justification d’une décision contraire à l’avis de la préfecture' },
    priority: { type: 'boolean', help: 'dossier prioritaire' },
    vote: { type: 'string', value: 'POUR,CONTRE,ABST', help: 'décompte du vote, s’il y en a un' },
    derogation: { type: 'string', value: 'TEXTE', help: 'justification de la dérogation pour approuver un dossier non éligible ou à vérifier (10 à 1 000 caractères)' },
  },
  run: (backend, { options, json }) =>
    runDecide(backend, {
      session: options.session,
      dossier: options.dossier,
      decision: options.decision,
      posts: options.posts,
      grounds: options.ground,
      comment: options.comment,
      justification: options.justification,
      priority: options.priority,
      vote: options.vote,
      derogation: options.derogation,
      json,
    }),
});

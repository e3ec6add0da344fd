/**
 * Checks of the sealed minutes (issue 11, point 7). Cheap: each VALIDATED session's stored content
 * against its stored SHA-256. Full: the content regenerated now from the live rows by the minutes'
 * own builder, compared with the sealed content on what a seal fixes (the session, its presence,
 * agenda, sections and decisions), so that a decision edited behind the backend's back is found
 * and located (session number and dossier). What legitimately moves after the seal is left out:
 * the dossiers' live fields, base-wide totals, members' names, the current opinions.
 */
import type { IntegrityFinding } from '../../../shared/api/integrity-contract';
import { MINUTES_SECTION_LABELS, type MinutesSection } from '../../../shared/domain/committee';
import { formatEuros } from '../../../shared/domain/money';
import { toSessionDecision, type DecisionRow } from '../committee/decision-rows';
import { buildMinutesContent, canonicalJson, minutesHash, type MinutesContent, type MinutesDecision, type MinutesItem } from '../committee/minutes-content';
import { sessionLabel } from '../committee/session-rows';
import type { DbReader } from '../review/db-reader';
import { cachedReader } from '../review/cached-reader';

interface SealedRow {
  id: number;
  number: string;
  minutes_content: string | null;
  minutes_hash: string | null;
}

const sealedSessions = (db: DbReader) =>
  db.all<SealedRow>("SELECT id, number, minutes_content, minutes_hash FROM committee_sessions WHERE status = 'VALIDATED' ORDER BY date, id");

const whereSession = (number: string) => `séance ${sessionLabel(number)}`;
const whereDossier = (number: string, externalId: string) => `${whereSession(number)}, dossier ${externalId}`;

/** The sealed sessions' stored content against its stored SHA-256: what the app checks on opening. */
export function sealedHashFindings(db: DbReader): { sessions: { id: number; number: string; label: string }[]; sealed: number; findings: IntegrityFinding[] } {
  const rows = sealedSessions(db);
  const sessions: { id: number; number: string; label: string }[] = [];
  const findings: IntegrityFinding[] = [];
  for (const row of rows) {
    const label = sessionLabel(row.number);
    if (!row.minutes_content || !row.minutes_hash) {
      findings.push({ kind: 'minutes-hash', where: whereSession(row.number), message: `Le procès-verbal validé de la séance ${label} n’a pas de contenu scellé ou pas d’empreinte SHA-256.` });
    } else if (minutesHash(row.minutes_content) !== row.minutes_hash) {
      findings.push({
        kind: 'minutes-hash',
        where: whereSession(row.number),
        message: `Le contenu scellé du procès-verbal de la séance ${label} ne correspond plus à son empreinte SHA-256 (${row.minutes_hash}) : il a été modifié après la validation.`,
      });
    } else continue;
    sessions.push({ id: row.id, number: row.number, label });
  }
  return { sessions, sealed: rows.length, findings };
}

const DECISION_FIELD_LABELS: Record<string, string> = {
  id: 'n° de décision',
  decision: 'décision',
  postsGranted: 'postes accordés',
  priority: 'priorité',
  grounds: 'motifs',
  comment: 'commentaire',
  justification: 'justification',
  vote: 'vote',
  voteBase: 'base du vote',
  majorityReached: 'majorité',
  recordedBy: 'enregistrée par',
  recordedAt: 'enregistrée le',
  recused: 'membres récusés (nombre)',
  derogation: 'justification de la dérogation',
  eligibility: 'éligibilité',
};

/** The frozen figures field by field (posts granted is compared as a decision field). */
const MONEY_LABELS: Record<string, string> = {
  contractType: 'type de contrat figé',
  contractMonths: 'durée du contrat figée',
  perPost: 'montant par poste',
  gross: 'montant brut',
  aidDeducted: 'aides déduites',
  net: 'subvention nette',
  tranches: 'tranches',
};

const EURO_FIELDS = new Set(['perPost', 'gross', 'aidDeducted', 'net']);
const moneyShown = (field: string, value: unknown) => (EURO_FIELDS.has(field) && typeof value === 'number' ? formatEuros(value) : shown(value));

function moneyDifferences(sealed: Record<string, unknown> | null, live: Record<string, unknown> | null | undefined): string[] {
  if (!sealed || !live) return canonicalJson(sealed ?? null) === canonicalJson(live ?? null) ? [] : [`montants figés : ${sealed ? 'présents' : 'aucun'} → ${live ? 'présents' : 'aucun'}`];
  return Object.entries(MONEY_LABELS)
    .filter(([field]) => canonicalJson(sealed[field] ?? null) !== canonicalJson(live[field] ?? null))
    .map(([field, label]) => `${label} : ${moneyShown(field, sealed[field])} → ${moneyShown(field, live[field])}`);
}

/** Read from the live opinion or the members' current names: they may change after the seal. */
const LIVE_KEYS = new Set(['departsFromOpinion']);

const shown = (value: unknown) => {
  const text = canonicalJson(value ?? null);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/**
 * Differences between two decisions on the keys the sealed one holds (whatever the builder adds
 * later); `sharedOnly`: only those the live view has too (a row read outside the builder).
 */
function decisionDifferences(sealed: MinutesDecision, live: Record<string, unknown>, sharedOnly: boolean): string[] {
  const differences: string[] = [];
  for (const [key, value] of Object.entries(sealed) as [string, unknown][]) {
    if (LIVE_KEYS.has(key) || (sharedOnly && !(key in live))) continue;
    if (key === 'money') {
      differences.push(...moneyDifferences(value as Record<string, unknown> | null, live[key] as Record<string, unknown> | null | undefined));
      continue;
    }
    // Names of recused members follow renames of the members: their number is what was sealed.
    const [before, after] = key === 'recused' ? [(value as unknown[]).length, Array.isArray(live[key]) ? (live[key] as unknown[]).length : live[key]] : [value, live[key]];
    if (canonicalJson(before ?? null) !== canonicalJson(after ?? null)) differences.push(`${DECISION_FIELD_LABELS[key] ?? key} : ${shown(before)} → ${shown(after)}`);
  }
  return differences;
}

function itemsOf(content: MinutesContent): Map<number, MinutesItem> {
  return new Map(content.departments.flatMap((d) => d.items).map((item) => [item.dossierId, item]));
}

/** The sealed decision's row as it is now, in the minutes' shape, for an item an amendment has since superseded. */
function sealedRowNow(db: DbReader, id: number): Record<string, unknown> | null {
  const row = db.get<DecisionRow>('SELECT * FROM decisions WHERE id = ?', [id]);
  if (!row) return null;
  const view = toSessionDecision(row, null);
  return { ...view, recused: view.recusedMemberIds };
}

function compareItem(db: DbReader, number: string, sealed: MinutesItem, live: MinutesItem, findings: IntegrityFinding[]): void {
  const label = sessionLabel(number);
  const where = whereDossier(number, sealed.externalId);
  const add = (message: string) => findings.push({ kind: 'sealed-decision', where, message });
  if (sealed.position !== live.position || (sealed.carriedOverFrom ?? null) !== (live.carriedOverFrom ?? null)) {
    findings.push({ kind: 'sealed-agenda', where, message: `L’inscription du dossier ${sealed.externalId} à l’ordre du jour de la séance ${label} a changé depuis la validation (rang ${sealed.position} → ${live.position}).` });
  }
  const s = sealed.decision;
  const l = live.decision;
  if (!s && !l) return;
  const liveRow = l ? db.get<{ amendment_id: number | null }>('SELECT amendment_id FROM decisions WHERE id = ?', [l.id]) : undefined;
  const byAmendment = !!liveRow && liveRow.amendment_id !== null;
  if (!s) {
    if (!byAmendment) add(`Une décision (n° ${l!.id}) a été ajoutée au dossier ${sealed.externalId} de la séance ${label} après la validation, hors amendement.`);
    return;
  }
  if (!l) {
    add(`La décision scellée n° ${s.id} sur le dossier ${sealed.externalId} de la séance ${label} a disparu de la base.`);
    return;
  }
  let current: Record<string, unknown> | null = l as unknown as Record<string, unknown>;
  if (l.id !== s.id) {
    if (!byAmendment) {
      add(`La décision scellée n° ${s.id} sur le dossier ${sealed.externalId} de la séance ${label} a été remplacée par la décision n° ${l.id}, hors amendement.`);
      return;
    }
    // Superseded by an amendment (which the minutes print after the sealed content): the sealed row itself must be unchanged.
    current = sealedRowNow(db, s.id);
    if (!current) {
      add(`La décision scellée n° ${s.id} sur le dossier ${sealed.externalId} de la séance ${label} a disparu de la base.`);
      return;
    }
  }
  const differences = decisionDifferences(s, current, l.id !== s.id);
  if (differences.length > 0) {
    add(`La décision scellée sur le dossier ${sealed.externalId} (séance ${label}) ne correspond plus au procès-verbal validé : ${differences.join(' ; ')}.`);
  }
}

/** One sealed session: its stored content against the content regenerated from the live rows. */
export function compareSealedSession(db: DbReader, session: { id: number; number: string }, stored: MinutesContent): IntegrityFinding[] {
  const findings: IntegrityFinding[] = [];
  const label = sessionLabel(session.number);
  const live = buildMinutesContent(db, session.id);
  const where = whereSession(session.number);
  const header = (c: MinutesContent) => canonicalJson({ number: c.session.number, date: c.session.date, place: c.session.place, quorumRule: c.session.quorumRule });
  if (header(stored) !== header(live)) {
    findings.push({ kind: 'sealed-session', where, message: `Le numéro, la date, le lieu ou la règle de quorum de la séance ${label} ont changé depuis la validation du procès-verbal.` });
  }
  const presence = new Map(live.members.map((m) => [m.id, m.presence]));
  for (const member of stored.members) {
    const now = presence.get(member.id);
    if (now !== member.presence) {
      findings.push({ kind: 'sealed-presence', where: `${where}, membre ${member.name}`, message: `La présence de ${member.name} à la séance ${label} a changé depuis la validation (${member.presence} → ${now ?? 'retiré de la séance'}).` });
    }
    presence.delete(member.id);
  }
  for (const [id] of presence) {
    const name = live.members.find((m) => m.id === id)?.name ?? `membre n° ${id}`;
    findings.push({ kind: 'sealed-presence', where: `${where}, membre ${name}`, message: `${name} a été ajouté à la séance ${label} après la validation du procès-verbal.` });
  }
  if (stored.conflicts.length !== live.conflicts.length) {
    findings.push({ kind: 'sealed-conflicts', where, message: `Les conflits d’intérêts de la séance ${label} ont changé depuis la validation (${stored.conflicts.length} → ${live.conflicts.length}).` });
  }
  for (const key of Object.keys(stored.sections) as MinutesSection[]) {
    if (stored.sections[key] !== live.sections[key]) {
      findings.push({ kind: 'sealed-minutes', where, message: `La section « ${MINUTES_SECTION_LABELS[key]} » du procès-verbal de la séance ${label} a changé depuis la validation.` });
    }
  }
  const liveItems = itemsOf(live);
  for (const [dossierId, item] of itemsOf(stored)) {
    const now = liveItems.get(dossierId);
    liveItems.delete(dossierId);
    if (!now) {
      findings.push({ kind: 'sealed-agenda', where: whereDossier(session.number, item.externalId), message: `Le dossier ${item.externalId} a été retiré de l’ordre du jour de la séance ${label} après la validation.` });
      continue;
    }
    compareItem(db, session.number, item, now, findings);
  }
  for (const item of liveItems.values()) {
    findings.push({ kind: 'sealed-agenda', where: whereDossier(session.number, item.externalId), message: `Le dossier ${item.externalId} a été ajouté à l’ordre du jour de la séance ${label} après la validation.` });
  }
  return findings;
}

/**
 * Every sealed session, regenerated and compared with its stored content. A broken hash is
 * reported by sealedHashFindings; the comparison still runs, so that what differs is located.
 */
export function sealedContentFindings(live: DbReader): IntegrityFinding[] {
  // Every session's minutes ask for the same base-wide figures: read them once for the whole run.
  const db = cachedReader(live);
  const findings: IntegrityFinding[] = [];
  for (const row of sealedSessions(db)) {
    if (!row.minutes_content) continue;
    let stored: MinutesContent;
    try {
      stored = JSON.parse(row.minutes_content) as MinutesContent;
    } catch {
      findings.push({ kind: 'minutes-hash', where: whereSession(row.number), message: `Le contenu scellé du procès-verbal de la séance ${sessionLabel(row.number)} est illisible.` });
      continue;
    }
    findings.push(...compareSealedSession(db, row, stored));
  }
  return findings;
}

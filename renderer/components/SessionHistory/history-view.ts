/** Before → after of a session's history entry, in words: only what changed, with French labels. */
import { DECISION_LABELS, MINUTES_SECTION_LABELS, PRESENCE_LABELS, REFUSAL_GROUND_LABELS, SESSION_STATUS_LABELS } from '../../../shared/domain/committee';

const KEY_LABELS: Record<string, string> = {
  number: 'Numéro',
  name: 'Nom',
  date: 'Date',
  place: 'Lieu',
  chairId: 'Présidence',
  chairName: 'Présidence',
  memberIds: 'Membres',
  quorumRule: 'Quorum',
  status: 'Statut',
  presence: 'Présence',
  memberId: 'Membre',
  memberName: 'Membre',
  dossierId: 'Dossier',
  decision: 'Décision',
  postsGranted: 'Postes accordés',
  priority: 'Prioritaire',
  grounds: 'Motifs',
  comment: 'Commentaire',
  justification: 'Justification',
  vote: 'Vote',
  order: 'Ordre',
  voteBase: 'Base de vote',
  organisation: 'Organisation',
  active: 'Actif',
  sections: 'Sections du PV',
  minutesHash: 'Empreinte du PV',
  hash: 'Empreinte SHA-256',
  validatedAt: 'Validé le',
  validatedBy: 'Validé par',
  ...MINUTES_SECTION_LABELS,
  reason: 'Motif',
  note: 'Note',
  siret: 'SIRET',
  networkName: 'Réseau national',
};

/** Bookkeeping fields of a stored decision: they change on every entry and say nothing to the reader. */
const IGNORED = new Set(['id', 'sessionId', 'sessionNumber', 'sessionDate', 'recordedAt', 'recordedBy', 'majorityReached', 'recusedMemberIds', 'amendmentId']);
/** Internal row ids: the entry's summary already names the dossier, member or decision in words. */
const INTERNAL_IDS = new Set(['dossierId', 'dossierIds', 'decisionIds', 'memberIds', 'memberId', 'conflictId', 'chairId']);

const VALUE_LABELS: Record<string, string> = { ...SESSION_STATUS_LABELS, ...PRESENCE_LABELS, ...DECISION_LABELS, ...REFUSAL_GROUND_LABELS };

export function formatHistoryValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return new Intl.NumberFormat('fr-FR').format(value);
  if (typeof value === 'string') return VALUE_LABELS[value] ?? value;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(formatHistoryValue).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.kind === 'MAJORITY') return 'plus de la moitié des membres';
    if (record.kind === 'MINIMUM') return `au moins ${formatHistoryValue(record.count)} membres`;
    if ('for' in record && 'against' in record) return `${formatHistoryValue(record.for)} pour, ${formatHistoryValue(record.against)} contre, ${formatHistoryValue(record.abstain)} abst.`;
    return Object.entries(record)
      .map(([key, entry]) => `${KEY_LABELS[key] ?? key} : ${formatHistoryValue(entry)}`)
      .join(' ; ');
  }
  return String(value);
}

export interface HistoryChange {
  key: string;
  label: string;
  /** Null when the entry created the thing (nothing before). */
  before: string | null;
  after: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The keys whose shown value differs between before and after (a creation has no before, a removal no after). */
export function historyChanges(before: unknown, after: unknown): HistoryChange[] {
  if (isRecord(before) || isRecord(after)) {
    const created = !isRecord(before);
    const from = isRecord(before) ? before : {};
    const to = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((key) => !IGNORED.has(key) && !INTERNAL_IDS.has(key));
    return keys
      .map((key) => ({ key, label: KEY_LABELS[key] ?? key, before: formatHistoryValue(from[key]), after: formatHistoryValue(to[key]) }))
      .filter((change) => change.before !== change.after)
      .map((change) => (created ? { ...change, before: null } : change));
  }
  const from = formatHistoryValue(before);
  const to = formatHistoryValue(after);
  return from === to ? [] : [{ key: '', label: '', before: before === null || before === undefined ? null : from, after: to }];
}

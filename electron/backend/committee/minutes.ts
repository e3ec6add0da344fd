/**
 * The minutes' free-text sections, their validation (sealing: content and SHA-256 stored, the
 * session read-only) and amendments, the only correction of sealed minutes.
 */
import { ApiError } from '../../../shared/api/contract';
import { MINUTES_SECTION_LABELS, type DecisionInput, type MinutesSection } from '../../../shared/domain/committee';
import { COMMENT_MIN, type UserProfile } from '../../../shared/domain/review';
import type { Store } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { frozenMoneyText } from '../../../shared/domain/decision-money';
import { frenchNumber } from '../../../shared/domain/french-format';
import { frozenMoneyOf } from './decision-money';
import { appendDecision, decisionText, DECISION_TEXT_MAX, prepareDecisions } from './decisions';
import { appendHistory } from './history';
import { buildMinutesContent, canonicalJson, minutesHash, type MinutesContent } from './minutes-content';
import { renderMinutesPdf, type AmendmentView } from './minutes-pdf';
import type { DecisionRow } from './decision-rows';
import { sessionSections } from './session-detail';
import { loadSession, requireNotSealed, sessionLabel, SEALED_MESSAGE, type SessionRow } from './session-rows';

export const SECTION_MAX = 20_000;

export function saveSections(store: Store, author: UserProfile, sessionId: number, sections: Partial<Record<MinutesSection, string>>): void {
  const session = loadSession(store.db, sessionId);
  requireNotSealed(session);
  const before = sessionSections(session);
  const after = { ...before };
  for (const [key, text] of Object.entries(sections) as [MinutesSection, string][]) {
    if (text.length > SECTION_MAX) throw new ApiError('VALIDATION', `La section « ${MINUTES_SECTION_LABELS[key]} » compte au plus ${frenchNumber(SECTION_MAX)} caractères.`);
    after[key] = text.replace(/\r\n?/g, '\n').trimEnd();
  }
  const changed = (Object.keys(after) as MinutesSection[]).filter((k) => after[k] !== before[k]);
  if (changed.length === 0) return;
  const at = new Date().toISOString();
  store.write({ action: 'minutes:saveSections', user: author.name, summary: { sessionId, sections: changed } }, (tx) => {
    tx.run('UPDATE committee_sessions SET sections = ?, updated_at = ? WHERE id = ?', [JSON.stringify(after), at, sessionId]);
    appendHistory(tx, {
      sessionId,
      at,
      by: author.name,
      action: 'minutes:saveSections',
      summary: `Procès-verbal modifié : ${changed.map((k) => `« ${MINUTES_SECTION_LABELS[k]} »`).join(', ')}`,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
  });
}

export function validateMinutes(store: Store, author: UserProfile, sessionId: number): void {
  const session = loadSession(store.db, sessionId);
  if (session.status === 'VALIDATED') throw new ApiError('SEALED', SEALED_MESSAGE(session));
  if (session.status !== 'CLOSED') throw new ApiError('VALIDATION', `Le procès-verbal de la séance ${sessionLabel(session.number)} se valide une fois la séance close.`);
  const content = canonicalJson(buildMinutesContent(store.db, sessionId));
  const hash = minutesHash(content);
  const at = new Date().toISOString();
  store.write({ action: 'minutes:validate', user: author.name, summary: { sessionId, hash } }, (tx) => {
    tx.run("UPDATE committee_sessions SET status = 'VALIDATED', minutes_content = ?, minutes_hash = ?, validated_at = ?, validated_by = ?, updated_at = ? WHERE id = ?", [
      content,
      hash,
      at,
      author.name,
      at,
      sessionId,
    ]);
    appendHistory(tx, {
      sessionId,
      at,
      by: author.name,
      action: 'minutes:validate',
      summary: `Procès-verbal validé et scellé (SHA-256 ${hash})`,
      before: { status: session.status },
      after: { status: 'VALIDATED', hash },
    });
  });
}

/** The sealed content as stored, or the content generated now for minutes not yet validated. */
export function minutesContentOf(db: DbReader, session: SessionRow): MinutesContent {
  if (session.status === 'VALIDATED' && session.minutes_content) return JSON.parse(session.minutes_content) as MinutesContent;
  return buildMinutesContent(db, session.id);
}

export function createAmendment(store: Store, author: UserProfile, sessionId: number, reason: string, inputs: readonly Omit<DecisionInput, 'sessionId'>[]): void {
  const db = store.db;
  const session = loadSession(db, sessionId);
  if (session.status !== 'VALIDATED') {
    throw new ApiError('VALIDATION', `Le procès-verbal de la séance ${sessionLabel(session.number)} n’est pas validé : corrigez directement la séance, un amendement ne corrige qu’un procès-verbal validé.`);
  }
  const text = reason.trim();
  if (text.length < COMMENT_MIN || text.length > DECISION_TEXT_MAX) {
    throw new ApiError('VALIDATION', `Indiquez le motif de l’amendement (de ${COMMENT_MIN} à ${frenchNumber(DECISION_TEXT_MAX)} caractères) : il figure au procès-verbal.`);
  }
  const prepared = inputs.length === 0 ? [] : prepareDecisions(db, session, inputs);
  const at = new Date().toISOString();
  store.write({ action: 'amendments:create', user: author.name, summary: { sessionId, decisions: prepared.length } }, (tx) => {
    tx.run('INSERT INTO amendments (session_id, reason, created_by, created_at) VALUES (?, ?, ?, ?)', [sessionId, text, author.name, at]);
    const amendmentId = tx.lastInsertId();
    const ordinal = tx.value<number>('SELECT count(*) FROM amendments WHERE session_id = ?', [sessionId]) ?? 1;
    const ids = prepared.map((p) => appendDecision(tx, session, p, author.name, at, amendmentId));
    appendHistory(tx, {
      sessionId,
      at,
      by: author.name,
      action: 'amendments:create',
      summary: `Amendement n° ${ordinal} : ${text}${prepared.length > 0 ? ` — ${prepared.map((p) => `dossier ${p.dossier.external_id} : ${decisionText(p.decision)}`).join(' ; ')}` : ''}`,
      before: null,
      after: { amendmentId, reason: text, decisionIds: ids },
    });
  });
}

/** A stored decision with the figures it froze: an amendment prints its own and those it replaces. */
function frozenDecisionText(r: DecisionRow): string {
  const money = frozenMoneyOf(r);
  return `${decisionText({ decision: r.decision, postsGranted: r.posts_granted })}${money ? `, ${frozenMoneyText(money)}` : ''}`;
}

/** The amendments of a session as the PDF prints them, each decision with the one it replaces (figures included). */
function amendmentViews(db: DbReader, sessionId: number): AmendmentView[] {
  const rows = db.all<DecisionRow & { external_id: string; name: string | null }>(
    'SELECT x.*, d.external_id, d.name FROM decisions x JOIN dossiers d ON d.id = x.dossier_id WHERE x.session_id = ? ORDER BY x.id',
    [sessionId],
  );
  return db
    .all<{ id: number; reason: string; created_by: string; created_at: string }>('SELECT id, reason, created_by, created_at FROM amendments WHERE session_id = ? ORDER BY id', [sessionId])
    .map((a, i) => ({
      ordinal: i + 1,
      reason: a.reason,
      createdBy: a.created_by,
      createdAt: a.created_at,
      decisions: rows
        .filter((r) => r.amendment_id === a.id)
        .map((r) => {
          const previous = rows.filter((p) => p.dossier_id === r.dossier_id && p.id < r.id).at(-1);
          return {
            externalId: r.external_id,
            name: r.name,
            text: frozenDecisionText(r),
            replaces: previous ? frozenDecisionText(previous) : null,
          };
        }),
    }));
}

export async function minutesPdf(db: DbReader, sessionId: number): Promise<{ fileName: string; data: Uint8Array }> {
  const session = loadSession(db, sessionId);
  const sealed = session.status === 'VALIDATED' && session.minutes_hash && session.validated_at && session.validated_by
    ? { hash: session.minutes_hash, validatedAt: session.validated_at, validatedBy: session.validated_by }
    : null;
  const data = await renderMinutesPdf({ content: minutesContentOf(db, session), sealed, amendments: amendmentViews(db, sessionId) });
  const slug = session.number.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { fileName: `proces-verbal-coselec-${slug || session.id}${sealed ? '' : '-projet'}.pdf`, data };
}

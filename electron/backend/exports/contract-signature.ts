/**
 * The work contract's signature date of an approved dossier: the three payment tranches fall due
 * from it (AMI §3). Set by the national level, journaled like every write.
 */
import { ApiError } from '../../../shared/api/contract';
import type { ContractSignature } from '../../../shared/api/exports-contract';
import type { DecisionKind } from '../../../shared/domain/committee';
import type { ContractType } from '../../../shared/domain/dossier';
import type { UserProfile } from '../../../shared/domain/review';
import { subsidyFor, tranchesFor } from '../../../shared/domain/subsidy';
import { frenchDate } from '../committee/french-format';
import { sessionLabel } from '../committee/session-rows';
import { subsidySettings } from '../committee/subsidy-settings';
import type { Store } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { excelDate } from './workbook-cells';

export function contractSignature(db: DbReader, dossierId: number): ContractSignature {
  const row = db.get<{ contract_type: ContractType | null; declared_aid: number | null; contract_signed_at: string | null; decision: DecisionKind | null; posts_granted: number | null }>(
    `SELECT d.contract_type, d.declared_aid, d.contract_signed_at, dec.decision, dec.posts_granted
     FROM dossiers d LEFT JOIN decisions dec ON dec.id = (SELECT max(id) FROM decisions WHERE dossier_id = d.id) WHERE d.id = ?`,
    [dossierId],
  );
  if (!row) throw new ApiError('NOT_FOUND', `Le dossier n° ${dossierId} n’existe pas dans cette base.`);
  const approved = row.decision === 'POSITIF';
  const posts = approved ? Math.max(0, row.posts_granted ?? 0) : null;
  const subsidy = approved ? subsidyFor(row.contract_type, posts ?? 0, row.declared_aid, subsidySettings(db)) : null;
  const total = subsidy && subsidy.perPost !== null ? subsidy.total : null;
  return {
    dossierId,
    signedAt: row.contract_signed_at,
    decision: row.decision,
    postsGranted: posts,
    perPost: subsidy?.perPost ?? null,
    aidDeducted: subsidy?.aidDeducted ?? 0,
    total,
    tranches: total === null ? null : tranchesFor(total, row.contract_signed_at),
  };
}

/** A real calendar day, YYYY-MM-DD, from 2020 (the programme's start) to ten years ahead. */
function checkDate(signedAt: string): void {
  const date = excelDate(signedAt);
  const valid = date !== null && /^\d{4}-\d{2}-\d{2}$/.test(signedAt) && date.toISOString().slice(0, 10) === signedAt;
  const year = Number(signedAt.slice(0, 4));
  if (!valid || year < 2020 || year > new Date().getUTCFullYear() + 10) {
    throw new ApiError('VALIDATION', `Date de signature du contrat invalide : « ${signedAt} » (attendu : une date réelle, au format AAAA-MM-JJ, à partir de 2020).`);
  }
}

/**
 * « la structure d’accueil dispose de trois mois à compter de la date de notification pour
 * effectuer le recrutement et signer le contrat de travail »: the contract follows the decision,
 * so a signature dated before it is a typing error (and would bring the tranches forward).
 */
function checkAfterDecision(db: DbReader, dossierId: number, signedAt: string): void {
  const row = db.get<{ external_id: string; number: string | null; date: string | null }>(
    `SELECT d.external_id, coalesce(cs.number, dec.session_number) AS number, coalesce(cs.date, dec.session_date) AS date
     FROM dossiers d JOIN decisions dec ON dec.id = (SELECT max(id) FROM decisions WHERE dossier_id = d.id) LEFT JOIN committee_sessions cs ON cs.id = dec.session_id WHERE d.id = ?`,
    [dossierId],
  );
  const decidedOn = row?.date?.slice(0, 10) ?? null;
  if (row && decidedOn !== null && signedAt < decidedOn) {
    const session = row.number ? ` (séance ${sessionLabel(row.number)})` : '';
    throw new ApiError(
      'VALIDATION',
      `Dossier ${row.external_id} : le contrat de travail ne peut pas être signé le ${frenchDate(signedAt)}, avant la décision d’attribution du ${frenchDate(decidedOn)}${session}. Vérifiez la date de signature.`,
    );
  }
}

export function setContractSignedAt(store: Store, author: UserProfile, dossierId: number, signedAt: string | null): ContractSignature {
  const before = contractSignature(store.db, dossierId);
  if (signedAt !== null) {
    checkDate(signedAt);
    if (before.decision !== 'POSITIF') {
      throw new ApiError('VALIDATION', 'Seul un dossier dont la décision en cours est un accord peut avoir une date de signature de contrat.');
    }
    checkAfterDecision(store.db, dossierId, signedAt);
  }
  if (before.signedAt === signedAt) return before;
  store.write({ action: 'dossiers:setContractSignedAt', user: author.name, summary: { dossierId, before: before.signedAt, after: signedAt } }, (tx) => {
    tx.run('UPDATE dossiers SET contract_signed_at = ? WHERE id = ?', [signedAt, dossierId]);
  });
  return contractSignature(store.db, dossierId);
}

/**
 * The work contract's signature date of an approved dossier: the three payment tranches fall due
 * from it (AMI §3). Set by the national level, journaled like every write. It lives on the dossier,
 * not on the decision: it is a later fact of the structure's contract, not something the committee
 * decided, and a sealed session's decision rows are read-only. The tranche amounts are the ones the
 * current decision froze; only their due dates are derived from the signature.
 */
import { ApiError } from '../../../shared/api/contract';
import type { ContractSignature } from '../../../shared/api/exports-contract';
import type { UserProfile } from '../../../shared/domain/review';
import { frenchDate } from '../committee/french-format';
import { sessionLabel } from '../committee/session-rows';
import { frozenTranches } from '../../../shared/domain/decision-money';
import { BASIS_SQL_COLUMNS, changesSinceDecision, frozenMoneyOf, type BasisRow } from '../committee/decision-money';
import type { DecisionRow } from '../committee/decision-rows';
import type { Store } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { excelDate } from './workbook-cells';

export function contractSignature(db: DbReader, dossierId: number): ContractSignature {
  const dossier = db.get<BasisRow & { contract_signed_at: string | null }>(`SELECT ${BASIS_SQL_COLUMNS}, contract_signed_at FROM dossiers WHERE id = ?`, [dossierId]);
  if (!dossier) throw new ApiError('NOT_FOUND', `Le dossier n° ${dossierId} n’existe pas dans cette base.`);
  const current = db.get<DecisionRow>('SELECT * FROM decisions WHERE dossier_id = ? ORDER BY id DESC LIMIT 1', [dossierId]);
  // The money the current decision froze; the signature (a later fact, kept on the dossier) only dates the tranches.
  const money = current ? frozenMoneyOf(current) : null;
  return {
    dossierId,
    signedAt: dossier.contract_signed_at,
    decision: current?.decision ?? null,
    postsGranted: money ? money.postsGranted : null,
    perPost: money?.perPost ?? null,
    aidDeducted: money?.aidDeducted ?? 0,
    total: money?.net ?? null,
    tranches: money ? frozenTranches(money, dossier.contract_signed_at) : null,
    contractType: money?.contractType ?? null,
    contractMonths: money?.contractMonths ?? null,
    changes: current ? changesSinceDecision(current.basis, dossier) : [],
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

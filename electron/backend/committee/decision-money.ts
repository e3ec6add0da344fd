/**
 * Freezing a decision's money on its `decisions` row (migration 010): the basis (the dossier's
 * fields at the time) and the result (amount per post, aid deducted, net, tranches). Every reader —
 * live totals, minutes, dossier page, exports — reads these columns, never the dossier's current
 * fields, so a re-import or a new CUI amount in Paramètres cannot change a recorded decision.
 */
import { basisChanges, freezeMoney, type BasisChange, type DecisionBasis, type FrozenMoney } from '../../../shared/domain/decision-money';
import type { ContractType, DossierFields } from '../../../shared/domain/dossier';
import type { SqlParam } from '../db/sqlite';
import type { WriteTx } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { subsidySettings } from './subsidy-settings';

/** The frozen columns, in the order of `frozenValues`, for an INSERT INTO decisions. */
export const FROZEN_COLUMNS = 'contract_type, contract_months, declared_aid, per_post, gross_subsidy, aid_deducted, net_subsidy, tranche_1, tranche_2, tranche_3, basis';
export const FROZEN_PLACEHOLDERS = FROZEN_COLUMNS.split(',')
  .map(() => '?')
  .join(', ');

/** The frozen columns as read back (`SELECT *` on decisions). */
export interface FrozenColumns {
  contract_type: ContractType | null;
  contract_months: number | null;
  declared_aid: number | null;
  per_post: number | null;
  gross_subsidy: number | null;
  aid_deducted: number | null;
  net_subsidy: number | null;
  tranche_1: number | null;
  tranche_2: number | null;
  tranche_3: number | null;
  /** JSON DecisionBasis. */
  basis: string | null;
}

export interface BasisRow {
  contract_type: ContractType | null;
  contract_months: number | null;
  declared_aid: number | null;
  posts_requested: number;
  legal_form: string | null;
}

export const BASIS_SQL_COLUMNS = 'contract_type, contract_months, declared_aid, posts_requested, legal_form';

export function basisOfRow(r: BasisRow): DecisionBasis {
  return { contractType: r.contract_type, contractMonths: r.contract_months, declaredAid: r.declared_aid, postsRequested: r.posts_requested, legalForm: r.legal_form };
}

export function basisOfFields(f: Pick<DossierFields, 'contractType' | 'contractMonths' | 'declaredAid' | 'postsRequested' | 'legalForm'>): DecisionBasis {
  return { contractType: f.contractType, contractMonths: f.contractMonths, declaredAid: f.declaredAid, postsRequested: f.postsRequested, legalForm: f.legalForm };
}

/** The values of FROZEN_COLUMNS for a decision taken on this basis. */
export function frozenValues(basis: DecisionBasis, decision: string, postsGranted: number | null, db: DbReader): SqlParam[] {
  const m = freezeMoney(basis, decision, postsGranted, subsidySettings(db));
  return [
    basis.contractType,
    basis.contractMonths,
    basis.declaredAid,
    m?.perPost ?? null,
    m?.gross ?? null,
    m?.aidDeducted ?? null,
    m?.net ?? null,
    m?.tranches?.[0] ?? null,
    m?.tranches?.[1] ?? null,
    m?.tranches?.[2] ?? null,
    JSON.stringify(basis),
  ];
}

/** The values of FROZEN_COLUMNS for a decision on this dossier as it stands now (committee decisions, amendments). */
export function frozenValuesFor(db: DbReader, dossierId: number, decision: string, postsGranted: number | null): SqlParam[] {
  const row = db.get<BasisRow>(`SELECT ${BASIS_SQL_COLUMNS} FROM dossiers WHERE id = ?`, [dossierId]);
  if (!row) throw new Error(`Dossier ${dossierId} missing`);
  return frozenValues(basisOfRow(row), decision, postsGranted, db);
}

/**
 * Freezes a platform decision just appended by an import: what the file said (its fields), not
 * what the base held before. Platform rows have no session, so the sealed-decision triggers do not apply.
 */
export function freezePlatformDecision(tx: WriteTx, decisionId: number, fields: DossierFields, decision: string, postsGranted: number | null): void {
  tx.run(`UPDATE decisions SET (${FROZEN_COLUMNS}) = (${FROZEN_PLACEHOLDERS}) WHERE id = ?`, [...frozenValues(basisOfFields(fields), decision, postsGranted, tx), decisionId]);
}

/**
 * Freezes a decision received in a national package, on the dossier as the package just wrote it
 * (the package carries no figures of its own; the row has no local session).
 */
export function freezeReceivedDecision(tx: WriteTx, decisionId: number, dossierId: number, decision: string, postsGranted: number | null): void {
  tx.run(`UPDATE decisions SET (${FROZEN_COLUMNS}) = (${FROZEN_PLACEHOLDERS}) WHERE id = ?`, [...frozenValuesFor(tx, dossierId, decision, postsGranted), decisionId]);
}

/** The frozen money of a stored decision; null unless it is an approval. */
export function frozenMoneyOf(r: FrozenColumns & { decision: string; posts_granted: number | null }): FrozenMoney | null {
  if (r.decision !== 'POSITIF') return null;
  const known = r.per_post !== null && r.net_subsidy !== null;
  return {
    contractType: r.contract_type,
    contractMonths: r.contract_months,
    postsGranted: Math.max(0, r.posts_granted ?? 0),
    perPost: r.per_post,
    gross: known ? r.gross_subsidy : null,
    aidDeducted: known ? r.aid_deducted : null,
    net: known ? r.net_subsidy : null,
    tranches: known && r.tranche_1 !== null && r.tranche_2 !== null && r.tranche_3 !== null ? [r.tranche_1, r.tranche_2, r.tranche_3] : null,
  };
}

/** What changed on the dossier since the decision; empty when the row holds no basis. */
export function changesSinceDecision(basisJson: string | null, current: BasisRow): BasisChange[] {
  if (!basisJson) return [];
  return basisChanges(JSON.parse(basisJson) as DecisionBasis, basisOfRow(current));
}

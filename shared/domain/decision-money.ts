/**
 * The money a decision commits, frozen when it is recorded (issue 11): the dossier fields it was
 * based on, the amount per post, the declared aid deducted, the net subsidy and its three tranches.
 * A later change to the dossier never alters these figures: it is shown as a change since the
 * decision (before → after), never folded into the amounts.
 */
import { CONTRACT_LABELS, type ContractType } from './dossier';
import { formatEuros } from './money';
import { subsidyFor, tranchesFor, type SubsidySettings, type Tranche } from './subsidy';

/** The dossier fields a decision was taken on: what the change flag compares with the dossier now. */
export interface DecisionBasis {
  contractType: ContractType | null;
  contractMonths: number | null;
  declaredAid: number | null;
  postsRequested: number | null;
  legalForm: string | null;
}

export const BASIS_FIELDS = ['contractType', 'contractMonths', 'declaredAid', 'postsRequested', 'legalForm'] as const satisfies readonly (keyof DecisionBasis)[];
export type BasisField = (typeof BASIS_FIELDS)[number];

export const BASIS_LABELS: Record<BasisField, string> = {
  contractType: 'type de contrat',
  contractMonths: 'durée du contrat',
  declaredAid: 'aides publiques déclarées',
  postsRequested: 'postes demandés',
  legalForm: 'forme juridique',
};

/** The result of an approval as recorded: null amounts when the amount per post was unknown. */
export interface FrozenMoney {
  contractType: ContractType | null;
  contractMonths: number | null;
  postsGranted: number;
  /** Euros per post; null without a contract type or, for a CUI, without a configured amount. */
  perPost: number | null;
  gross: number | null;
  aidDeducted: number | null;
  net: number | null;
  /** 20 / 30 / 50 % of the net subsidy; null with it. */
  tranches: [number, number, number] | null;
}

/** Computes, once, what an approval of `postsGranted` posts commits on this basis; null for another decision. */
export function freezeMoney(basis: DecisionBasis, decision: string, postsGranted: number | null, settings: SubsidySettings): FrozenMoney | null {
  if (decision !== 'POSITIF') return null;
  const posts = Math.max(0, postsGranted ?? 0);
  const s = subsidyFor(basis.contractType, posts, basis.declaredAid, settings);
  const known = s.perPost !== null;
  const tranches = tranchesFor(s.total, null);
  return {
    contractType: basis.contractType,
    contractMonths: basis.contractMonths,
    postsGranted: posts,
    perPost: s.perPost,
    gross: known ? s.gross : null,
    aidDeducted: known ? s.aidDeducted : null,
    net: known ? s.total : null,
    tranches: known ? [tranches[0].amount, tranches[1].amount, tranches[2].amount] : null,
  };
}

/** The frozen tranches with their due dates, which follow the work contract's signature (set later). */
export function frozenTranches(money: FrozenMoney, signedAt: string | null): [Tranche, Tranche, Tranche] | null {
  if (!money.tranches) return null;
  const dates = tranchesFor(0, signedAt);
  return [
    { amount: money.tranches[0], dueDate: dates[0].dueDate },
    { amount: money.tranches[1], dueDate: dates[1].dueDate },
    { amount: money.tranches[2], dueDate: dates[2].dueDate },
  ];
}

/** One field of the dossier that changed since the decision, as French text before → after. */
export interface BasisChange {
  field: BasisField;
  label: string;
  before: string;
  after: string;
}

function basisValueText(field: BasisField, value: DecisionBasis[BasisField]): string {
  if (value === null || value === '') return 'non renseigné';
  if (field === 'contractType') return CONTRACT_LABELS[value as ContractType] ?? String(value);
  if (field === 'contractMonths') return `${value as number} mois`;
  if (field === 'declaredAid') return formatEuros(value as number);
  return String(value);
}

/** The fields that differ between the decision's basis and the dossier now (declared aid compared to the cent). */
export function basisChanges(frozen: DecisionBasis, current: DecisionBasis): BasisChange[] {
  return BASIS_FIELDS.filter((f) => {
    const a = frozen[f] ?? null;
    const b = current[f] ?? null;
    if (f === 'declaredAid' && a !== null && b !== null) return Math.round((a as number) * 100) !== Math.round((b as number) * 100);
    return a !== b;
  }).map((f) => ({ field: f, label: BASIS_LABELS[f], before: basisValueText(f, frozen[f]), after: basisValueText(f, current[f]) }));
}

export const CHANGED_SINCE_DECISION = 'Le dossier a changé depuis la décision';

/** « Le dossier a changé depuis la décision : type de contrat CDD → CDI ; … », or null without a change. */
export function basisChangesText(changes: readonly BasisChange[]): string | null {
  if (changes.length === 0) return null;
  return `${CHANGED_SINCE_DECISION} : ${changes.map((c) => `${c.label} ${c.before} → ${c.after}`).join(' ; ')}`;
}

/** « 64 000 € (2 postes × 32 000 €, CDD, aides déduites 0 €) »: the frozen figures in one line. */
export function frozenMoneyText(money: FrozenMoney): string {
  const posts = `${money.postsGranted} poste${money.postsGranted > 1 ? 's' : ''}`;
  const contract = money.contractType ? CONTRACT_LABELS[money.contractType] : 'type de contrat non renseigné';
  const months = money.contractMonths !== null ? ` ${money.contractMonths} mois` : '';
  if (money.net === null || money.perPost === null) return `subvention non chiffrée (${posts}, ${contract}${months} : montant par poste inconnu)`;
  const aid = money.aidDeducted ? `, aides déclarées déduites ${formatEuros(money.aidDeducted)}` : '';
  return `subvention ${formatEuros(money.net)} (${posts} × ${formatEuros(money.perPost)}, ${contract}${months}${aid})`;
}

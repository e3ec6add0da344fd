/**
 * The State's subsidy per advisor post (AMI §3): the amount per post by contract type, the
 * declared public aid deducted, and the payment in three tranches. Pure: the committee's live
 * totals, the minutes and the Excel exports all compute money here.
 */
import type { ContractType } from './dossier';
import { roundCents } from './money';

/** Euros per post; CUI is not stated in the AMI: configured (null until set). */
export const SUBSIDY_PER_POST: Record<Exclude<ContractType, 'CUI'>, number> = {
  CDI: 40_000,
  CDD: 32_000,
  CONTRAT_PROJET: 40_000,
};

export interface SubsidySettings {
  /** Euros per CUI post (CUI-CAE/PEC, CUI-CIE/PEC); null: not configured, CUI posts count 0 €. */
  cuiPerPost: number | null;
}

export const DEFAULT_SUBSIDY_SETTINGS: SubsidySettings = { cuiPerPost: null };

/** Euros per post for a contract type; null when unknown (no contract type, or CUI not configured). */
export function subsidyPerPost(contractType: ContractType | null, settings: SubsidySettings): number | null {
  if (contractType === null) return null;
  if (contractType === 'CUI') return settings.cuiPerPost;
  return SUBSIDY_PER_POST[contractType];
}

export interface SubsidyAmount {
  perPost: number | null;
  /** perPost × posts, before deduction (0 when perPost is unknown). */
  gross: number;
  /** Declared public aid actually deducted (never more than gross). */
  aidDeducted: number;
  /** gross − aid, never below 0. */
  total: number;
}

/** The subsidy of `posts` granted posts, the declared aid (a total for the dossier) deducted. */
export function subsidyFor(contractType: ContractType | null, posts: number, declaredAid: number | null, settings: SubsidySettings): SubsidyAmount {
  const perPost = subsidyPerPost(contractType, settings);
  const gross = perPost === null ? 0 : roundCents(perPost * Math.max(0, posts));
  const aidDeducted = Math.min(gross, roundCents(Math.max(0, declaredAid ?? 0)));
  return { perPost, gross, aidDeducted, total: roundCents(gross - aidDeducted) };
}

/** Payment tranches: 20 % within the month after signature, 30 % at 6 months, 50 % at 12 months. */
export const TRANCHES = [
  { share: 0.2, monthsAfterSignature: 1, label: '20 % (dans le mois suivant la signature)' },
  { share: 0.3, monthsAfterSignature: 6, label: '30 % (6 mois après la signature)' },
  { share: 0.5, monthsAfterSignature: 12, label: '50 % (12 mois après la signature)' },
] as const;

export interface Tranche {
  amount: number;
  /** ISO date (YYYY-MM-DD), or null when the signature date is unknown. */
  dueDate: string | null;
}

/** Adds calendar months to an ISO date, clamping to the month's last day (31/01 + 1 month = 28 or 29/02). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${year.toString().padStart(4, '0')}-${(month + 1).toString().padStart(2, '0')}-${day.toString().padStart(2, '0')}`;
}

/** The three tranches of a total; the last absorbs the cents so that they sum exactly to the total. */
export function tranchesFor(total: number, signedAt: string | null): [Tranche, Tranche, Tranche] {
  const first = roundCents(total * TRANCHES[0].share);
  const second = roundCents(total * TRANCHES[1].share);
  const third = roundCents(total - first - second);
  const due = (i: 0 | 1 | 2) => (signedAt ? addMonths(signedAt, TRANCHES[i].monthsAfterSignature) : null);
  return [
    { amount: first, dueDate: due(0) },
    { amount: second, dueDate: due(1) },
    { amount: third, dueDate: due(2) },
  ];
}

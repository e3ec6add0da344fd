/** The live totals as the side panel shows them, computed apart from the view for tests. */
import type { MoneyByContract, SessionTotals } from '../../../shared/domain/committee';
import { CONTRACT_LABELS, CONTRACT_TYPES } from '../../../shared/domain/dossier';
import type { ContractType } from '../../../shared/domain/dossier';
import { formatNumber } from '../../lib/format';
import { compareDepartmentCodes } from '../../../shared/domain/geography';

export interface MoneyLine {
  key: ContractType | 'NONE';
  label: string;
  amount: number;
}

/** Contract types with money committed, in the AMI's order; « sans type » last. */
export function moneyLines(money: MoneyByContract): MoneyLine[] {
  const keys: (ContractType | 'NONE')[] = [...CONTRACT_TYPES, 'NONE'];
  return keys
    .filter((key) => (money.byContractType[key] ?? 0) !== 0)
    .map((key) => ({ key, label: key === 'NONE' ? 'Contrat non renseigné' : CONTRACT_LABELS[key], amount: money.byContractType[key] ?? 0 }));
}

export interface DepartmentLine {
  code: string;
  name: string;
  grantedInSession: number;
  grantedTotal: number;
  target: number | null;
  over: boolean;
}

/** Agenda departments, those over their target first, then by department code. */
export function departmentLines(totals: SessionTotals): DepartmentLine[] {
  return totals.departments
    .map((department) => ({ ...department, over: department.target !== null && department.grantedTotal > department.target }))
    .sort((a, b) => Number(b.over) - Number(a.over) || compareDepartmentCodes(a.code, b.code));
}

/** « 3 692 postes restants », « objectif atteint », « 12 postes au-delà de l’objectif » (figures grouped the French way). */
export function nationalRemaining(remaining: number): string {
  if (remaining === 0) return 'objectif atteint';
  const count = Math.abs(remaining);
  const posts = `${formatNumber(count)} ${count < 2 ? 'poste' : 'postes'}`;
  return remaining < 0 ? `${posts} au-delà de l’objectif` : `${posts} ${count < 2 ? 'restant' : 'restants'}`;
}

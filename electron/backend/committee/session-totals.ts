/**
 * Live totals of a session: posts granted and subsidy committed (by contract type, declared aid
 * deducted), against the national target and each agenda department's. The money is the one each
 * decision froze when it was recorded (committee/decision-money.ts), never the dossier's fields now.
 * "Granted" everywhere means what the map counts: dossiers in VALIDATION_COSELEC and their posts.
 */
import { CONTRACT_TYPES, type ContractType } from '../../../shared/domain/dossier';
import type { MoneyByContract, SessionTotals } from '../../../shared/domain/committee';
import { compareDepartmentCodes, getDepartment } from '../../../shared/domain/geography';
import { roundCents } from '../../../shared/domain/money';
import type { DbReader } from '../review/db-reader';
import { subsidyFor, type SubsidySettings } from '../../../shared/domain/subsidy';
import { memoised } from '../review/cached-reader';
import { currentTargets } from '../territory/territory-stats';
import { currentSessionDecisions } from './decision-rows';


export type ContractKey = ContractType | 'NONE';
export const CONTRACT_KEYS: readonly ContractKey[] = [...CONTRACT_TYPES, 'NONE'];

export function emptyMoney(): MoneyByContract {
  return { total: 0, byContractType: Object.fromEntries(CONTRACT_KEYS.map((k) => [k, 0])) as Record<ContractKey, number> };
}

export function addMoney(money: MoneyByContract, contractType: ContractType | null, amount: number): void {
  const key: ContractKey = contractType ?? 'NONE';
  money.byContractType[key] = roundCents(money.byContractType[key] + amount);
  money.total = roundCents(money.total + amount);
}

interface FundedRow {
  dossier_id: number;
  department_code: string;
}

/** Granted posts of each department (all sessions, platform included). */
function grantedByDepartment(db: DbReader, codes: readonly string[]): Map<string, number> {
  if (codes.length === 0) return new Map();
  const rows = db.all<{ code: string; granted: number }>(
    `SELECT department_code AS code, sum(coalesce(posts_granted, 0)) AS granted FROM dossiers
     WHERE status = 'VALIDATION_COSELEC' AND department_code IN (${codes.map(() => '?').join(', ')}) GROUP BY department_code`,
    codes,
  );
  return new Map(rows.map((r) => [r.code, r.granted]));
}

/**
 * Every granted post of the base and the subsidy its current decision froze, declared aid deducted.
 * A dossier imported already validated with no decision row at all (a file that carries the status
 * only) has no recorded figures: it is counted from its fields, the one place the live rule remains.
 */
export function nationalFigures(db: DbReader, settings: SubsidySettings): SessionTotals['national'] {
  // One pass in SQL (measured at 50,000 dossiers, 9,909 validated, on a loaded machine: 70 ms, against
  // 207 ms reading each validated dossier's decision into JS and 124 ms for the former live computation).
  const frozen = db.get<{ posts: number | null; subsidy: number }>(
    `SELECT sum(coalesce(d.posts_granted, 0)) AS posts, total((SELECT x.net_subsidy FROM decisions x WHERE x.dossier_id = d.id ORDER BY x.id DESC LIMIT 1)) AS subsidy
     FROM dossiers d WHERE d.status = 'VALIDATION_COSELEC'`,
  );
  let subsidy = frozen?.subsidy ?? 0;
  // Grouped by what the rule reads: a few hundred groups instead of every such dossier read into JS
  // (measured at 50,000 demo dossiers, 9,852 validated without a decision row: 4 ms against 29 ms).
  for (const r of db.all<{ contract_type: ContractType | null; posts_granted: number | null; declared_aid: number | null; n: number }>(
    `SELECT contract_type, posts_granted, declared_aid, count(*) AS n FROM dossiers
     WHERE status = 'VALIDATION_COSELEC' AND id NOT IN (SELECT dossier_id FROM decisions) GROUP BY contract_type, posts_granted, declared_aid`,
  )) {
    subsidy += subsidyFor(r.contract_type, r.posts_granted ?? 0, r.declared_aid, settings).total * r.n;
  }
  const targets = [...currentTargets(db).values()].filter((t): t is number => t !== null);
  return { postsGranted: frozen?.posts ?? 0, target: targets.length > 0 ? targets.reduce((a, b) => a + b, 0) : null, subsidy: roundCents(subsidy) };
}

export function sessionTotals(db: DbReader, sessionId: number, settings: SubsidySettings): SessionTotals {
  const agenda = db.all<FundedRow>(
    'SELECT a.dossier_id, d.department_code FROM agenda_items a JOIN dossiers d ON d.id = a.dossier_id WHERE a.session_id = ?',
    [sessionId],
  );
  const decisions = currentSessionDecisions(db, sessionId);
  const subsidy = emptyMoney();
  const inSession = new Map<string, number>();
  let approved = 0;
  let refused = 0;
  let furtherReview = 0;
  let postsGranted = 0;
  for (const item of agenda) {
    const decision = decisions.get(item.dossier_id);
    if (!decision) continue;
    if (decision.decision === 'POSITIF') {
      const posts = decision.posts_granted ?? 0;
      approved += 1;
      postsGranted += posts;
      inSession.set(item.department_code, (inSession.get(item.department_code) ?? 0) + posts);
      addMoney(subsidy, decision.contract_type, decision.net_subsidy ?? 0);
    } else if (decision.decision === 'NEGATIF') refused += 1;
    else furtherReview += 1;
  }
  const codes = [...new Set(agenda.map((a) => a.department_code))].sort(compareDepartmentCodes);
  const granted = grantedByDepartment(db, codes);
  const targets = currentTargets(db);
  return {
    decided: approved + refused + furtherReview,
    approved,
    refused,
    furtherReview,
    postsGranted,
    subsidy,
    // Once per verification run (see cachedReader), not once per sealed session regenerated.
    national: memoised(db, `nationalFigures ${JSON.stringify(settings)}`, () => nationalFigures(db, settings)),
    departments: codes.map((code) => ({
      code,
      name: getDepartment(code)?.name ?? code,
      grantedInSession: inSession.get(code) ?? 0,
      grantedTotal: granted.get(code) ?? 0,
      target: targets.get(code) ?? null,
    })),
  };
}

/**
 * Who may call the committee methods. Every write, and every read that shows the whole agenda
 * (session detail, members, minutes, history), is for the national roles. A prefecture agent may
 * read the list of sessions (numbers, dates, statuses and counts: no dossier) and the committee
 * decisions on the dossiers of their own departments (decisions:list, narrowed to the scope, as
 * the dossier detail already shows them); the subsidy settings are readable by all.
 */
import type { CommitteeMethod } from '../../../shared/api/committee-contract';
import { COMMITTEE_METHODS } from '../../../shared/api/committee-contract';
import { allIn } from '../db/all-in';
import { NATIONAL, OPEN, type Policies, type Policy } from '../access/policy-kit';

const nationalOnly: Policy<CommitteeMethod> = { check: ({ scope }, req) => (scope.requireRole(NATIONAL, 'gérer les séances du comité'), req) };

const decisionsInScope: Policy<'decisions:list'> = {
  check: ({ scope }, req) => (scope.requireProfile(), req),
  filter: ({ scope, db }, decisions) => {
    if (!scope.restricted || decisions.length === 0) return decisions;
    const ids = [...new Set(decisions.map((d) => d.dossierId))];
    const allowed = new Set<number>();
    for (const r of allIn<{ id: number; department_code: string }>(db, 'SELECT id, department_code FROM dossiers WHERE id IN (?*)', ids)) {
      if (scope.allows(r.department_code)) allowed.add(r.id);
    }
    return decisions.filter((d) => allowed.has(d.dossierId));
  },
};

export const COMMITTEE_POLICY: Policies<CommitteeMethod> = {
  ...(Object.fromEntries(COMMITTEE_METHODS.map((m) => [m, nationalOnly])) as unknown as Policies<CommitteeMethod>),
  'sessions:list': { check: ({ scope }, req) => (scope.requireProfile(), req) },
  'decisions:list': decisionsInScope,
  'subsidy:settings': OPEN,
};

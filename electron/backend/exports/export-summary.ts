/**
 * The summary sheets of a decision export ("Par département", "Par région", "Séances"), summed
 * from the very rows written to "Décisions" as they stream past: the sheets of one file always
 * agree with each other, whatever changes in the base afterwards.
 */
import type { SessionStatus } from '../../../shared/domain/committee';
import { compareDepartmentCodes, getDepartment, getRegion } from '../../../shared/domain/geography';
import { roundCents } from '../../../shared/domain/money';
import { per100k } from '../../../shared/domain/territory';
import { allIn } from '../db/all-in';
import type { DbReader } from '../review/db-reader';
import { currentTargets } from '../territory/territory-stats';
import type { DecisionExportRow } from './decision-rows';

export interface Tally {
  decisions: number;
  requested: number;
  /** Posts of the favourable opinions. */
  supported: number;
  granted: number;
  /** Subsidy committed by the approvals, declared aid deducted. */
  subsidy: number;
}

export interface AreaLine extends Tally {
  code: string;
  name: string;
  population: number;
  /** Null when no target is set (for a region: none of its departments has one). */
  target: number | null;
  /** granted − target; null without a target. */
  gap: number | null;
  per100k: number;
}

export interface DepartmentLine extends AreaLine {
  regionName: string;
}

export interface RegionLine extends AreaLine {
  departments: number;
}

export interface SessionLine extends Tally {
  number: string | null;
  date: string | null;
  source: 'committee' | 'platform';
  status: SessionStatus | null;
  /** Names of the members present; null for a platform session (not known). */
  present: string[] | null;
  sealed: boolean | null;
  validatedAt: string | null;
  minutesHash: string | null;
}

const emptyTally = (): Tally => ({ decisions: 0, requested: 0, supported: 0, granted: 0, subsidy: 0 });

function addTo(tally: Tally, row: DecisionExportRow): void {
  tally.decisions += 1;
  tally.requested += row.postsRequested;
  tally.supported += row.postsSupported ?? 0;
  tally.granted += row.postsGranted;
  tally.subsidy = roundCents(tally.subsidy + (row.money?.total ?? 0));
}

function addTally(into: Tally, from: Tally): void {
  into.decisions += from.decisions;
  into.requested += from.requested;
  into.supported += from.supported;
  into.granted += from.granted;
  into.subsidy = roundCents(into.subsidy + from.subsidy);
}

const sessionKey = (number: string | null) => (number ?? '').toUpperCase();

interface CommitteeSessionRow {
  id: number;
  number: string;
  date: string;
  status: SessionStatus;
  minutes_hash: string | null;
  validated_at: string | null;
}

export class ExportSummary {
  private readonly byDepartment = new Map<string, Tally>();
  private readonly bySession = new Map<string, Tally & { number: string | null; date: string | null }>();

  add(row: DecisionExportRow): void {
    let department = this.byDepartment.get(row.departmentCode);
    if (!department) this.byDepartment.set(row.departmentCode, (department = emptyTally()));
    addTo(department, row);
    const key = sessionKey(row.sessionNumber);
    let session = this.bySession.get(key);
    if (!session) this.bySession.set(key, (session = { ...emptyTally(), number: row.sessionNumber, date: row.sessionDate }));
    addTo(session, row);
    if (row.sessionDate && (!session.date || row.sessionDate > session.date)) session.date = row.sessionDate;
  }

  /** `listed`: the departments the sheet shows (those with rows are always added), in the official order (2A, 2B after 19). */
  departments(db: DbReader, listed: readonly string[]): DepartmentLine[] {
    const targets = currentTargets(db);
    const codes = [...new Set([...listed, ...this.byDepartment.keys()])].sort(compareDepartmentCodes);
    return codes.map((code) => {
      const department = getDepartment(code);
      const tally = this.byDepartment.get(code) ?? emptyTally();
      const target = targets.get(code) ?? null;
      const population = department?.population ?? 0;
      return {
        code,
        name: department?.name ?? '',
        regionName: getRegion(department?.regionCode ?? '')?.name ?? '',
        population,
        ...tally,
        target,
        gap: target === null ? null : tally.granted - target,
        per100k: per100k(tally.granted, population),
      };
    });
  }

  /** The departments' lines summed by region, in region code order. */
  regions(departments: readonly DepartmentLine[]): RegionLine[] {
    const byRegion = new Map<string, RegionLine>();
    for (const line of departments) {
      const code = getDepartment(line.code)?.regionCode ?? '';
      let region = byRegion.get(code);
      if (!region) {
        region = { code, name: getRegion(code)?.name ?? '', departments: 0, population: 0, ...emptyTally(), target: null, gap: null, per100k: 0 };
        byRegion.set(code, region);
      }
      region.departments += 1;
      region.population += line.population;
      addTally(region, line);
      if (line.target !== null) region.target = (region.target ?? 0) + line.target;
    }
    return [...byRegion.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => ({ ...r, gap: r.target === null ? null : r.granted - r.target, per100k: per100k(r.granted, r.population) }));
  }

  /** The sessions of the rows, plus the committee sessions selected by number; by date then number. */
  sessions(db: DbReader, selected: readonly string[]): SessionLine[] {
    const lines = new Map(this.bySession);
    for (const number of selected) {
      const key = sessionKey(number);
      if (!lines.has(key)) lines.set(key, { ...emptyTally(), number, date: null });
    }
    const numbers = [...lines.values()].map((l) => l.number).filter((n): n is string => n !== null);
    const committee = new Map<string, CommitteeSessionRow>();
    const sql = 'SELECT id, number, date, status, minutes_hash, validated_at FROM committee_sessions WHERE upper(number) IN (?*)';
    for (const row of allIn<CommitteeSessionRow>(db, sql, numbers, 'upper(?)')) committee.set(sessionKey(row.number), row);
    const present = new Map<number, string[]>();
    const ids = [...committee.values()].map((s) => s.id);
    // A session's members all come from one chunk, so each session's names stay sorted.
    for (const row of allIn<{ session_id: number; name: string }>(
      db,
      `SELECT sm.session_id, m.name FROM session_members sm JOIN committee_members m ON m.id = sm.member_id
       WHERE sm.presence = 'PRESENT' AND sm.session_id IN (?*) ORDER BY m.name`,
      ids,
    )) {
      present.set(row.session_id, [...(present.get(row.session_id) ?? []), row.name]);
    }
    return [...lines.entries()]
      .map(([key, line]): SessionLine => {
        const session = committee.get(key);
        if (!session) return { ...line, source: 'platform', status: null, present: null, sealed: null, validatedAt: null, minutesHash: null };
        return {
          ...line,
          number: session.number,
          date: session.date.slice(0, 10),
          source: 'committee',
          status: session.status,
          present: present.get(session.id) ?? [],
          sealed: session.status === 'VALIDATED',
          validatedAt: session.validated_at,
          minutesHash: session.minutes_hash,
        };
      })
      .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.number ?? '').length - (b.number ?? '').length || (a.number ?? '').localeCompare(b.number ?? ''));
  }
}

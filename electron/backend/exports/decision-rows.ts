/**
 * The rows of a decision export, read straight from the tables: one per dossier, its current
 * decision (the latest decisions row; with sessions selected, the latest among them), with the
 * dossier, the prefecture's opinion and the money the approval froze when it was recorded (and
 * what changed on the dossier since). The ids are selected and
 * ordered once; the rows are then read page by page, so an export never holds them all.
 */
import { ApiError, type DossierFilter } from '../../../shared/api/contract';
import type { DecisionSelection, ExportSessionOption } from '../../../shared/api/exports-contract';
import { REFUSAL_GROUNDS, type DecisionKind, type RefusalGround } from '../../../shared/domain/committee';
import type { ContractType } from '../../../shared/domain/dossier';
import { eligibilityText, type EligibilitySummary } from '../../../shared/domain/eligibility';
import { DEPARTMENTS, getDepartment, getRegion } from '../../../shared/domain/geography';
import type { OpinionKind } from '../../../shared/domain/review';
import { basisChanges, frozenTranches, type BasisChange, type DecisionBasis } from '../../../shared/domain/decision-money';
import type { Tranche } from '../../../shared/domain/subsidy';
import { frozenMoneyOf } from '../committee/decision-money';
import { placeholders } from '../db/all-in';
import type { SqlParam } from '../db/sqlite';
import { whereClause } from '../dossiers/dossier-filter';
import type { DbReader } from '../review/db-reader';

/** Money of an approval whose amount per post is known. */
export interface RowMoney {
  perPost: number;
  aidDeducted: number;
  total: number;
  tranches: [Tranche, Tranche, Tranche];
}

export interface DecisionExportRow {
  decisionId: number;
  source: 'platform' | 'committee';
  sessionNumber: string | null;
  /** ISO date YYYY-MM-DD. */
  sessionDate: string | null;
  externalId: string;
  siret: string | null;
  name: string | null;
  legalForm: string | null;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  regionName: string;
  postsRequested: number;
  opinion: OpinionKind | null;
  /** Posts of a favourable opinion; 0 under another opinion (none supported); null without an opinion. */
  postsSupported: number | null;
  decision: DecisionKind;
  /** Posts of an approval; 0 for a refusal or a further review. */
  postsGranted: number;
  priority: boolean;
  grounds: RefusalGround[];
  comment: string | null;
  justification: string | null;
  contractType: ContractType | null;
  /** ISO date YYYY-MM-DD of the work contract's signature. */
  signedAt: string | null;
  /** Null unless approved with a known amount per post (a contract type; for CUI, a configured amount), as frozen by the decision. */
  money: RowMoney | null;
  /** « éligible », « à vérifier : … », « non éligible : … » as the committee saw it; null for platform decisions. */
  eligibility: string | null;
  /** The justification of an approval by derogation to the eligibility conditions. */
  derogation: string | null;
  /** The dossier's fields that changed since the decision (before → after). */
  changes: BasisChange[];
}

const clean = (values: readonly string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim()).filter((v) => v !== ''))];

/** The session number of a decision: its committee session's, else the one the platform gave. */
const SESSION_NUMBER = 'coalesce(cs.number, dec.session_number)';
const SESSION_DATE = 'coalesce(cs.date, dec.session_date)';
const FROM = 'FROM decisions dec JOIN dossiers d ON d.id = dec.dossier_id LEFT JOIN committee_sessions cs ON cs.id = dec.session_id';

/** Each dossier's decision to export: its latest row, among the sessions selected if any. */
function latestDecisions(sessions: readonly string[]): { sql: string; params: SqlParam[] } {
  if (sessions.length === 0) return { sql: 'SELECT max(id) FROM decisions GROUP BY dossier_id', params: [] };
  return {
    sql: `SELECT max(x.id) FROM decisions x LEFT JOIN committee_sessions xs ON xs.id = x.session_id
      WHERE upper(coalesce(xs.number, x.session_number)) IN (${sessions.map(() => 'upper(?)').join(', ')}) GROUP BY x.dossier_id`,
    params: [...sessions],
  };
}

function selectionWhere(selection: DecisionSelection): { sql: string; params: SqlParam[] } {
  const latest = latestDecisions(clean(selection.sessions));
  // `+`: the list of latest ids must not drive the query. SQLite would otherwise probe every id of
  // the list for every dossier of a department (measured: 4 s for one department at 15,000 decisions).
  const clauses = [`+dec.id IN (${latest.sql})`];
  const params: SqlParam[] = [...latest.params];
  const departments = clean(selection.departments);
  if (departments.length > 0) {
    clauses.push(`d.department_code IN (${placeholders(departments.length)})`);
    params.push(...departments);
  }
  const filter = whereClause(selection.filter ?? {});
  if (filter.sql) {
    clauses.push(filter.sql.replace(/^WHERE /, ''));
    params.push(...filter.params);
  }
  return { sql: `WHERE ${clauses.join(' AND ')}`, params };
}

/** Refuses session numbers that no decision and no committee session carries (a typo exports nothing). */
export function checkSessions(db: DbReader, sessions: readonly string[] | undefined): void {
  for (const number of clean(sessions)) {
    const known =
      db.value<number>('SELECT 1 FROM committee_sessions WHERE upper(number) = upper(?)', [number]) ??
      db.value<number>('SELECT 1 FROM decisions WHERE upper(session_number) = upper(?) LIMIT 1', [number]);
    if (!known) throw new ApiError('NOT_FOUND', `Séance inconnue : « ${number} » (aucune séance ni décision ne porte ce numéro).`);
  }
}

/** The decision ids to export, in the order of the sheet: session date and number, department, dossier. */
export function selectDecisionIds(db: DbReader, selection: DecisionSelection): number[] {
  const where = selectionWhere(selection);
  return db
    .all<{ id: number }>(
      `SELECT dec.id ${FROM} ${where.sql}
       ORDER BY ${SESSION_DATE} IS NULL, ${SESSION_DATE}, length(${SESSION_NUMBER}), ${SESSION_NUMBER}, d.department_code, d.external_id`,
      where.params,
    )
    .map((r) => r.id);
}

export function countDecisions(db: DbReader, selection: DecisionSelection): number {
  const where = selectionWhere(selection);
  return db.value<number>(`SELECT count(*) ${FROM} ${where.sql}`, where.params) ?? 0;
}

/** Rows read per page: a page is one query, and the export yields to other work between pages. */
export const PAGE_SIZE = 1000;

/** The columns of a page, in the order of RAW_COLUMNS. */
type RawTuple = [
  id: number,
  source: 'platform' | 'committee',
  sessionNumber: string | null,
  sessionDate: string | null,
  decision: DecisionKind,
  postsGranted: number | null,
  priority: number,
  grounds: string | null,
  comment: string | null,
  justification: string | null,
  externalId: string,
  siret: string | null,
  name: string | null,
  legalForm: string | null,
  departmentCode: string,
  postsRequested: number,
  reviewOpinion: OpinionKind | null,
  reviewPosts: number | null,
  contractType: ContractType | null,
  declaredAid: number | null,
  contractSignedAt: string | null,
  contractMonths: number | null,
  frozenContractType: ContractType | null,
  frozenContractMonths: number | null,
  perPost: number | null,
  grossSubsidy: number | null,
  aidDeducted: number | null,
  netSubsidy: number | null,
  tranche1: number | null,
  tranche2: number | null,
  tranche3: number | null,
  basis: string | null,
  eligibility: string | null,
  derogation: string | null,
];

const RAW_COLUMNS = `dec.id, dec.source, ${SESSION_NUMBER}, ${SESSION_DATE}, dec.decision, dec.posts_granted, dec.priority, dec.grounds, dec.comment,
  dec.justification, d.external_id, d.siret, d.name, d.legal_form, d.department_code, d.posts_requested, d.review_opinion, d.review_posts,
  d.contract_type, d.declared_aid, d.contract_signed_at, d.contract_months, dec.contract_type, dec.contract_months, dec.per_post, dec.gross_subsidy,
  dec.aid_deducted, dec.net_subsidy, dec.tranche_1, dec.tranche_2, dec.tranche_3, dec.basis, dec.eligibility, dec.derogation`;

/**
 * A whole page comes back as one JSON text: sql.js decodes every text column of every row with a
 * separate call (about 45 µs a row here for these 21 columns, 32 since the frozen money), one long string costs a fraction
 * of it and JSON.parse is fast (measured: 5× faster pages, 2.3 s saved at 50,000 rows).
 */
const PAGE_SQL = `SELECT json_group_array(json_array(${RAW_COLUMNS})) ${FROM} WHERE dec.id IN (${placeholders(PAGE_SIZE)})`;

function parseGrounds(text: string | null): RefusalGround[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((g): g is RefusalGround => (REFUSAL_GROUNDS as readonly unknown[]).includes(g)) : [];
  } catch {
    return [];
  }
}

const emptyToNull = (text: string | null) => (text === null || text.trim() === '' ? null : text);

function toRow(r: RawTuple): DecisionExportRow {
  const [id, source, sessionNumber, sessionDate, decision, granted, priority, grounds, comment, justification, externalId, siret, name, legalForm, departmentCode, postsRequested, opinion, reviewPosts, contractType, declaredAid, contractSignedAt, contractMonths, frozenContractType, frozenContractMonths, perPost, grossSubsidy, aidDeducted, netSubsidy, tranche1, tranche2, tranche3, basis, eligibility, derogation] = r;
  const department = getDepartment(departmentCode);
  const regionCode = department?.regionCode ?? '';
  const postsGranted = decision === 'POSITIF' ? Math.max(0, granted ?? 0) : 0;
  const signedAt = emptyToNull(contractSignedAt);
  const frozen = frozenMoneyOf({
    decision,
    posts_granted: granted,
    contract_type: frozenContractType,
    contract_months: frozenContractMonths,
    declared_aid: null,
    per_post: perPost,
    gross_subsidy: grossSubsidy,
    aid_deducted: aidDeducted,
    net_subsidy: netSubsidy,
    tranche_1: tranche1,
    tranche_2: tranche2,
    tranche_3: tranche3,
    basis,
  });
  const tranches = frozen ? frozenTranches(frozen, signedAt) : null;
  const current: DecisionBasis = { contractType, contractMonths, declaredAid, postsRequested, legalForm };
  return {
    decisionId: id,
    source,
    sessionNumber: emptyToNull(sessionNumber),
    sessionDate: emptyToNull(sessionDate)?.slice(0, 10) ?? null,
    externalId,
    siret,
    name,
    legalForm,
    departmentCode,
    departmentName: department?.name ?? '',
    regionCode,
    regionName: getRegion(regionCode)?.name ?? '',
    postsRequested,
    opinion,
    postsSupported: opinion === null ? null : opinion === 'FAVORABLE' ? (reviewPosts ?? 0) : 0,
    decision,
    postsGranted,
    priority: priority === 1,
    grounds: parseGrounds(grounds),
    comment: emptyToNull(comment),
    justification: emptyToNull(justification),
    // The contract type the decision was taken on (the money's basis); the dossier's now is in `changes`.
    contractType: basis ? frozenContractType : contractType,
    signedAt,
    money:
      frozen && frozen.perPost !== null && frozen.net !== null && tranches
        ? { perPost: frozen.perPost, aidDeducted: frozen.aidDeducted ?? 0, total: frozen.net, tranches }
        : null,
    eligibility: eligibility === null ? null : eligibilityText(JSON.parse(eligibility) as EligibilitySummary),
    derogation: emptyToNull(derogation),
    changes: basis ? basisChanges(JSON.parse(basis) as DecisionBasis, current) : [],
  };
}

/** The rows of these decision ids (at most PAGE_SIZE), in the order of `ids`. */
export function readDecisionRows(db: DbReader, ids: readonly number[]): DecisionExportRow[] {
  if (ids.length > PAGE_SIZE) throw new RangeError(`At most ${PAGE_SIZE} ids per page`);
  // Always PAGE_SIZE parameters (0 matches no decision): one cached statement whatever the page.
  const params = [...ids, ...Array<number>(PAGE_SIZE - ids.length).fill(0)];
  const byId = new Map((JSON.parse(db.value<string>(PAGE_SQL, params) ?? '[]') as RawTuple[]).map((r) => [r[0], r]));
  return ids.map((id) => {
    const raw = byId.get(id);
    if (!raw) throw new ApiError('EXPORT_STALE', 'Une décision a disparu pendant l’export : relancez-le.');
    return toRow(raw);
  });
}

/** Departments the summary sheets list: those the selection names, else those of its regions, else all 101. */
export function summaryDepartments(selection: DecisionSelection): string[] {
  const named = clean(selection.departments);
  const filter: DossierFilter = selection.filter ?? {};
  const filtered = clean(filter.departments);
  if (named.length > 0 && filtered.length > 0) return named.filter((c) => filtered.includes(c));
  if (named.length > 0) return named;
  if (filtered.length > 0) return filtered;
  const regions = clean(filter.regions);
  return DEPARTMENTS.filter((d) => regions.length === 0 || regions.includes(d.regionCode)).map((d) => d.code);
}

/** Sessions with current decisions within these departments (null: all), newest first. */
export function exportSessions(db: DbReader, departments: readonly string[] | null): ExportSessionOption[] {
  const scoped = departments ? `AND d.department_code IN (${placeholders(departments.length)})` : '';
  return db
    .all<{ number: string; date: string | null; committee: number; decisions: number }>(
      `SELECT ${SESSION_NUMBER} AS number, max(${SESSION_DATE}) AS date, max(dec.session_id IS NOT NULL) AS committee, count(DISTINCT dec.dossier_id) AS decisions
       ${FROM} WHERE ${SESSION_NUMBER} IS NOT NULL AND trim(${SESSION_NUMBER}) <> '' ${scoped}
       GROUP BY upper(${SESSION_NUMBER}) ORDER BY date IS NULL, date DESC, length(number) DESC, number DESC`,
      departments ? [...departments] : [],
    )
    .map((r) => ({ number: r.number, date: r.date?.slice(0, 10) ?? null, source: r.committee ? 'committee' : 'platform', decisions: r.decisions }));
}

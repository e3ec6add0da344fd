/** Read side of dossiers: list pages, facets, detail. */
import type { DossierFacets, DossierFilter, DossierPage, DossierQuery, FacetCount } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/contract';
import {
  CONTRACT_LABELS,
  STATUS_LABELS,
  type ContractType,
  type DecisionEntry,
  type DossierChange,
  type DossierDetail,
  type DossierStatus,
  type DossierSummary,
  type DossierWarning,
  type Provenance,
} from '../../../shared/domain/dossier';
import { getDepartment } from '../../../shared/domain/geography';
import { NO_OPINION_LABEL, OPINION_LABELS, type OpinionKind } from '../../../shared/domain/review';
import { checkEligibility } from '../../../shared/domain/eligibility';
import type { SqliteDb } from '../db/sqlite';
import { subsidySettings } from '../committee/subsidy-settings';
import { changesSinceDecision, frozenMoneyOf, type BasisRow } from '../committee/decision-money';
import type { DecisionRow } from '../committee/decision-rows';
import { rowToFields } from './dossier-columns';
import { whereClause } from './dossier-filter';
import { dossierDivergences } from '../import/import-divergences';

const SORTS: Record<NonNullable<DossierQuery['sort']>['column'], string> = {
  externalId: 'length(d.external_id), d.external_id',
  name: 'd.sort_name',
  departmentCode: 'd.department_code',
  communeName: 'd.commune_name',
  postsRequested: 'd.posts_requested',
  status: 'd.status',
  updatedAt: 'd.updated_at',
  aggregateScore: 'd.review_score',
  postsSupported: 'd.review_posts',
};

const SUMMARY_COLUMNS =
  'd.id, d.external_id, d.siret, d.name, d.department_code, d.region_code, d.commune_name, d.postal_code, d.legal_form, d.contract_type, d.posts_requested, d.posts_granted, d.status, d.warnings, d.updated_at, d.review_opinion, d.review_posts, d.review_score, d.review_reviewers';

interface SummaryRow {
  id: number;
  external_id: string;
  siret: string | null;
  name: string | null;
  department_code: string;
  region_code: string | null;
  commune_name: string | null;
  postal_code: string | null;
  legal_form: string | null;
  contract_type: ContractType | null;
  posts_requested: number;
  posts_granted: number | null;
  status: DossierStatus;
  warnings: string;
  updated_at: string;
  review_opinion: OpinionKind | null;
  review_posts: number | null;
  review_score: number | null;
  review_reviewers: number;
}

function toSummary(row: SummaryRow): DossierSummary {
  return {
    id: row.id,
    externalId: row.external_id,
    siret: row.siret,
    name: row.name,
    departmentCode: row.department_code,
    regionCode: row.region_code,
    communeName: row.commune_name,
    postalCode: row.postal_code,
    legalForm: row.legal_form,
    contractType: row.contract_type,
    postsRequested: row.posts_requested,
    postsGranted: row.posts_granted,
    status: row.status,
    warnings: JSON.parse(row.warnings) as DossierWarning[],
    updatedAt: row.updated_at,
    opinion: row.review_opinion,
    postsSupported: row.review_posts,
    aggregateScore: row.review_score,
    reviewers: row.review_reviewers,
  };
}

/** ORDER BY of a list page; the id last makes pages stable. */
export function orderBy(sort: NonNullable<DossierQuery['sort']>): string {
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return `${(SORTS[sort.column] ?? SORTS.name)
    .split(', ')
    // Empty values go last whatever the direction: a sort by commune should not open on blanks.
    .map((c) => `${c} ${direction} NULLS LAST`)
    .join(', ')}, d.id ${direction}`;
}

/** Sort orders an index serves. */
const INDEXED_SORTS: ReadonlySet<string> = new Set(['name', 'departmentCode', 'communeName', 'status', 'updatedAt', 'aggregateScore', 'postsSupported']);
/** A filter keeping at least this share of the dossiers is cheaper to apply while walking the sort's index. */
const WALK_SHARE = 0.05;

/** An upper bound of the dossiers a profile reviewed (opinion versions counted each), from two index ranges. */
function reviewerSize(db: SqliteDb, reviewerId: number): number {
  return db.value<number>('SELECT (SELECT count(*) FROM opinions WHERE author_id = ?) + (SELECT count(*) FROM scores WHERE reviewer_id = ? AND current = 1)', [reviewerId, reviewerId]) ?? 0;
}

export function listDossiers(db: SqliteDb, query: DossierQuery): DossierPage {
  // max(id) bounds the number of dossiers from the primary key alone (ids are assigned in
  // sequence and dossiers are never deleted): the yardstick of how selective a filter is.
  const size = db.value<number>('SELECT max(id) FROM dossiers') ?? 0;
  const manyReviewed = query.reviewerId !== undefined && reviewerSize(db, query.reviewerId) >= size * WALK_SHARE;
  const { sql: where, params } = whereClause(query, { reviewerIndexable: !manyReviewed });
  const totals = db.get<{ total: number; posts: number | null }>(`SELECT count(*) AS total, sum(d.posts_requested) AS posts FROM dossiers d ${where}`, params);
  const total = totals?.total ?? 0;
  const sort = query.sort ?? { column: 'name', direction: 'asc' };
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), 500);
  const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
  const walk = where !== '' && INDEXED_SORTS.has(sort.column) && total >= size * WALK_SHARE;
  const page = walk ? whereClause(query, { indexable: false }) : { sql: where, params };
  const rows = db.all<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM dossiers d ${page.sql} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`, [...page.params, limit, offset]);
  return { rows: rows.map(toSummary), total, postsRequested: totals?.posts ?? 0 };
}

/** `noValue`: the filter value that selects rows where the column is empty. */
function facet(db: SqliteDb, column: string, filter: DossierFilter, label: (value: string | null) => string, noValue = ''): FacetCount[] {
  const { sql: where, params } = whereClause(filter);
  return db
    .all<{ value: string | null; count: number }>(`SELECT ${column} AS value, count(*) AS count FROM dossiers d ${where} GROUP BY ${column} ORDER BY count DESC`, params)
    .map((r) => ({ value: r.value ?? noValue, label: label(r.value), count: r.count }));
}

/** Counts per filter value; each facet ignores its own criterion so its options stay visible. */
export function dossierFacets(db: SqliteDb, filter: DossierFilter, warningLabels: (code: string) => string): DossierFacets {
  const { sql: where, params } = whereClause(filter);
  const warnings = db
    .all<{ code: string; count: number }>(`SELECT w.code, count(*) AS count FROM dossier_warnings w JOIN dossiers d ON d.id = w.dossier_id ${where} GROUP BY w.code ORDER BY count DESC`, params)
    .map((r) => ({ value: r.code, label: warningLabels(r.code), count: r.count }));
  return {
    statuses: facet(db, 'd.status', { ...filter, statuses: undefined }, (v) => STATUS_LABELS[v as DossierStatus] ?? v ?? ''),
    contractTypes: facet(db, 'd.contract_type', { ...filter, contractTypes: undefined }, (v) => (v ? (CONTRACT_LABELS[v as ContractType] ?? v) : 'Non renseigné'), 'NONE'),
    legalForms: facet(db, 'd.legal_form', { ...filter, legalForms: undefined }, (v) => v ?? 'Non renseignée'),
    departments: facet(db, 'd.department_code', { ...filter, departments: undefined }, (v) => `${v} – ${getDepartment(v ?? '')?.name ?? ''}`),
    warnings,
    opinions: facet(db, 'd.review_opinion', { ...filter, opinions: undefined }, (v) => (v ? (OPINION_LABELS[v as OpinionKind] ?? v) : NO_OPINION_LABEL), 'NONE'),
  };
}

export function getDossierDetail(db: SqliteDb, id: number): DossierDetail {
  const row = db.get<Record<string, unknown>>('SELECT d.* FROM dossiers d WHERE d.id = ?', [id]);
  if (!row) throw new ApiError('NOT_FOUND', `Le dossier n° ${id} n’existe pas dans cette base.`);
  const fields = rowToFields(row);
  const provenance = db
    .all<{ batch_id: number; file_name: string; file_hash: string; row_number: number; imported_at: string; imported_by: string; action: Provenance['action'] }>(
      'SELECT p.batch_id, b.file_name, b.file_hash, p.row_number, b.imported_at, b.imported_by, p.action FROM dossier_provenance p JOIN import_batches b ON b.id = p.batch_id WHERE p.dossier_id = ? ORDER BY p.id DESC',
      [id],
    )
    .map((p) => ({ batchId: p.batch_id, fileName: p.file_name, fileHash: p.file_hash, rowNumber: p.row_number, importedAt: p.imported_at, importedBy: p.imported_by, action: p.action }));
  // A committee decision shows its session's current number and date (editable until its first decision).
  const decisions = db
    .all<DecisionRow>(
      'SELECT d.*, coalesce(s.number, d.session_number) AS session_number, coalesce(s.date, d.session_date) AS session_date FROM decisions d LEFT JOIN committee_sessions s ON s.id = d.session_id WHERE d.dossier_id = ? ORDER BY d.id',
      [id],
    )
    .map((d) => ({
      id: d.id,
      sessionNumber: d.session_number,
      sessionDate: d.session_date,
      decision: d.decision,
      postsGranted: d.posts_granted,
      priority: d.priority === 1,
      comment: d.comment,
      source: d.source,
      recordedBy: d.recorded_by,
      recordedAt: d.recorded_at,
      sessionId: d.session_id,
      grounds: JSON.parse(d.grounds) as DecisionEntry['grounds'],
      justification: d.justification,
      amendmentId: d.amendment_id,
      money: frozenMoneyOf(d),
      changesSinceDecision: changesSinceDecision(d.basis, row as unknown as BasisRow),
    }));
  const history: DossierChange[] = db
    .all<{ at: string; by_user: string; source: string; changes: string }>('SELECT at, by_user, source, changes FROM dossier_changes WHERE dossier_id = ? ORDER BY id DESC', [id])
    .map((c) => ({ at: c.at, by: c.by_user, source: c.source, changes: JSON.parse(c.changes) as DossierChange['changes'] }));
  const summary = toSummary(row as unknown as SummaryRow);
  return {
    ...summary,
    fields,
    source: row.source as DossierDetail['source'],
    createdAt: row.created_at as string,
    provenance,
    decisions,
    platformDivergences: dossierDivergences(db, id).map((d) => ({ id: d.id, platform: d.platform, base: d.base, fileName: d.fileName, detectedAt: d.detectedAt, detectedBy: d.detectedBy })),
    history,
    eligibility: checkEligibility(fields, { cuiAmount: subsidySettings(db).cuiPerPost }),
  };
}

/**
 * The comparison table as data: sections of rows, one cell per dossier, and for each row
 * whether the dossiers differ. Pure, so the highlighting can be tested without a browser.
 */
import type { DossierFieldKey, EligibilityCheck } from '../../../shared/domain/dossier';
import { OPINION_LABELS } from '../../../shared/domain/review';
import type { ComparisonItem, ScoringGrid } from '../../../shared/domain/review';
import { fieldLabel, formatFieldValue } from '../../lib/field-value';
import { EMPTY_VALUE, formatDateTime, formatNumber, pluralize } from '../../lib/format';
import { ELIGIBILITY_STATUS_LABELS } from '../../lib/labels';
import { formatCriterionValue, formatScore } from '../../lib/review-format';

export type CellTone = EligibilityCheck['status'];

export interface ComparisonCell {
  /** What is compared and shown first. */
  text: string;
  /** Secondary lines (who scored what, an eligibility detail, a comment). */
  detail?: string;
  tone?: CellTone;
  /** Long free text (motivation, justification): shown clamped. */
  long?: boolean;
}

export interface ComparisonRow {
  key: string;
  label: string;
  cells: ComparisonCell[];
  /**
   * Rows whose values are different by nature (name, SIRET, free text) are never highlighted:
   * marking them would hide the differences that matter for the choice.
   */
  compared: boolean;
  differs: boolean;
  /** Secondary lines left out of the printed sheet (they would not fit on one page). */
  printBrief?: boolean;
}

export interface ComparisonSection {
  key: string;
  title: string;
  rows: ComparisonRow[];
}

/** Values compare once trimmed, case and spacing aside: « CDI » and « cdi » are not a difference. */
function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
}

export function cellsDiffer(cells: readonly ComparisonCell[]): boolean {
  if (cells.length < 2) return false;
  const first = cells[0]!;
  return cells.some((cell) => normalise(cell.text) !== normalise(first.text) || (cell.tone ?? null) !== (first.tone ?? null));
}

function row(key: string, label: string, cells: ComparisonCell[], compared = true): ComparisonRow {
  return { key, label, cells, compared, differs: compared && cellsDiffer(cells) };
}

function fieldRow(items: readonly ComparisonItem[], key: DossierFieldKey, compared = true): ComparisonRow {
  return row(
    key,
    fieldLabel(key),
    items.map((item) => ({ text: formatFieldValue(key, item.dossier.fields[key]) })),
    compared,
  );
}

function eligibilityRows(items: readonly ComparisonItem[]): ComparisonRow[] {
  const labels = new Map<string, string>();
  for (const item of items) for (const check of item.dossier.eligibility) if (!labels.has(check.code)) labels.set(check.code, check.label);
  return [...labels].map(([code, label]) =>
    row(
      `eligibility-${code}`,
      label,
      items.map((item) => {
        const check = item.dossier.eligibility.find((candidate) => candidate.code === code);
        return check ? { text: ELIGIBILITY_STATUS_LABELS[check.status], detail: check.detail, tone: check.status } : { text: EMPTY_VALUE };
      }),
    ),
  ).map((candidate) => ({ ...candidate, printBrief: true }));
}

function warningRow(items: readonly ComparisonItem[]): ComparisonRow {
  return row(
    'warnings',
    'Alertes',
    items.map(({ dossier }) =>
      dossier.warnings.length === 0
        ? { text: 'Aucune' }
        : { text: pluralize(dossier.warnings.length, 'alerte', 'alertes'), detail: dossier.warnings.map((warning) => warning.message).join('\n'), tone: 'warning' },
    ),
  );
}

function criterionRows(items: readonly ComparisonItem[], grid: ScoringGrid): ComparisonRow[] {
  const criteria = grid.criteria.map((criterion) =>
    row(
      `criterion-${criterion.key}`,
      `${criterion.label} (poids ${formatNumber(criterion.weight)})`,
      items.map(({ scores }) => {
        const mean = scores.perCriterion.find((candidate) => candidate.key === criterion.key)?.mean ?? null;
        const byReviewer = scores.reviewers.map(
          (reviewer) => `${reviewer.reviewerName} : ${formatCriterionValue(Object.hasOwn(reviewer.values, criterion.key) ? reviewer.values[criterion.key] : undefined)}`,
        );
        return { text: formatScore(mean), detail: byReviewer.length > 0 ? byReviewer.join(' · ') : undefined };
      }),
    ),
  );
  const reviewers = row(
    'reviewers',
    'Évaluateurs',
    items.map(({ scores }) => ({ text: formatNumber(scores.reviewers.length) })),
  );
  return [...criteria, reviewers];
}

function aggregateRow(items: readonly ComparisonItem[]): ComparisonRow {
  return row(
    'aggregate',
    'Note agrégée',
    items.map(({ scores }) => ({
      text: formatScore(scores.aggregate),
      detail:
        scores.reviewers.length === 0
          ? 'Pas encore noté'
          : [
              scores.reviewers.map((reviewer) => `${reviewer.reviewerName} : ${formatScore(reviewer.weightedMean)}`).join(' · '),
              scores.spread && scores.reviewers.length > 1
                ? `écart ${formatScore(scores.spread.min)} – ${formatScore(scores.spread.max)}, écart-type ${formatScore(scores.spread.stdDev)}`
                : null,
            ]
              .filter(Boolean)
              .join('\n'),
    })),
  );
}

function summaryRows(items: readonly ComparisonItem[]): ComparisonRow[] {
  return [
    row(
      'opinion',
      'Avis en vigueur',
      items.map(({ opinion }) =>
        opinion
          ? { text: OPINION_LABELS[opinion.opinion], detail: `Version ${opinion.version}, ${formatDateTime(opinion.createdAt)}, ${opinion.authorName}` }
          : { text: 'Pas encore d’avis' },
      ),
    ),
    row(
      'postsRequested',
      'Postes demandés',
      items.map(({ dossier }) => ({ text: formatNumber(dossier.postsRequested) })),
    ),
    row(
      'postsSupported',
      'Postes soutenus',
      items.map(({ opinion }) => ({ text: opinion ? formatNumber(opinion.postsSupported) : EMPTY_VALUE })),
    ),
    aggregateRow(items),
    warningRow(items),
    fieldRow(items, 'status'),
  ];
}

export function buildComparison(items: readonly ComparisonItem[], grid: ScoringGrid | undefined): ComparisonSection[] {
  const sections: ComparisonSection[] = [
    { key: 'summary', title: 'Synthèse', rows: summaryRows(items) },
    {
      key: 'identity',
      title: 'Identité',
      rows: [fieldRow(items, 'siret', false), fieldRow(items, 'legalForm'), fieldRow(items, 'structureType'), fieldRow(items, 'networkName')],
    },
    {
      key: 'location',
      title: 'Localisation',
      rows: [
        fieldRow(items, 'departmentCode'),
        fieldRow(items, 'communeName'),
        fieldRow(items, 'zrr'),
        fieldRow(items, 'qpv'),
        fieldRow(items, 'franceServices'),
      ],
    },
    {
      key: 'request',
      title: 'Demande',
      rows: [fieldRow(items, 'contractType'), fieldRow(items, 'contractMonths'), fieldRow(items, 'declaredAid'), fieldRow(items, 'consolidation')],
    },
    { key: 'eligibility', title: 'Éligibilité (AMI)', rows: eligibilityRows(items) },
  ];
  if (grid) sections.push({ key: 'scores', title: `Notation par critère (${grid.name}, échelle ${grid.scaleMin} à ${grid.scaleMax})`, rows: criterionRows(items, grid) });
  sections.push({
    key: 'texts',
    title: 'Motivation et justification',
    rows: [
      row('motivation', fieldLabel('motivation'), items.map(({ dossier }) => ({ text: dossier.fields.motivation ?? EMPTY_VALUE, long: true })), false),
      row('opinionComment', 'Justification de l’avis', items.map(({ opinion }) => ({ text: opinion?.comment ?? EMPTY_VALUE, long: true })), false),
    ],
  });
  return sections.filter((section) => section.rows.length > 0);
}

export function countDifferences(sections: readonly ComparisonSection[]): number {
  return sections.reduce((sum, section) => sum + section.rows.filter((candidate) => candidate.differs).length, 0);
}

/** Keeps the rows that differ (and the sections that still have some). */
export function onlyDifferences(sections: readonly ComparisonSection[]): ComparisonSection[] {
  return sections
    .map((section) => ({ ...section, rows: section.rows.filter((candidate) => candidate.differs) }))
    .filter((section) => section.rows.length > 0);
}

/** ←/→ within the columns; the first and last columns stop the movement. */
export function moveFocus(current: number, delta: -1 | 1, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, current + delta));
}

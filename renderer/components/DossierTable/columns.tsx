import type { DataTableColumn } from 'mantine-datatable';
import { CONTRACT_LABELS } from '../../../shared/domain/dossier';
import type { DossierSummary } from '../../../shared/domain/dossier';
import { OPINION_LABELS } from '../../../shared/domain/review';
import { EMPTY_VALUE, formatNumber } from '../../lib/format';
import { departmentLabel } from '../../lib/labels';
import { formatScore } from '../../lib/review-format';
import { StatusBadge } from '../StatusBadge/StatusBadge';
import { WarningsBadge } from '../WarningsBadge/WarningsBadge';
import { SortHeader } from './SortHeader';
import classes from './DossierTable.module.css';

// Cells use plain elements and CSS classes rather than Mantine components: a page re-renders
// 50 rows on every sort or page change, and each Mantine component costs style resolution.
function Truncated({ text }: { text: string | null }) {
  return (
    <span className={classes.truncate} title={text ?? undefined}>
      {text ?? EMPTY_VALUE}
    </span>
  );
}

function OpinionCell({ row }: { row: DossierSummary }) {
  if (!row.opinion) return <span className={classes.dimmed}>{EMPTY_VALUE}</span>;
  return (
    <span className={classes.opinion} data-opinion={row.opinion} title={OPINION_LABELS[row.opinion]}>
      {OPINION_LABELS[row.opinion]}
    </span>
  );
}

/** Wide screens show everything; at 1440 px the legal form and contract give way to the review columns. */
const WIDE = '(min-width: 1680px)';

export interface ColumnOptions {
  /** A prefecture agent of a single department: the department column says nothing, the commune does. */
  singleDepartment: boolean;
}

export function dossierColumns({ singleDepartment }: ColumnOptions): DataTableColumn<DossierSummary>[] {
  return [
    { accessor: 'externalId', title: <SortHeader column="externalId" label="ID" />, width: 65, noWrap: true },
    {
      accessor: 'name',
      title: <SortHeader column="name" label="Nom" />,
      render: (row) => (
        <span className={classes.clamp} title={row.name ?? undefined}>
          {row.name ?? EMPTY_VALUE}
        </span>
      ),
    },
    {
      accessor: 'departmentCode',
      title: <SortHeader column="departmentCode" label="Département" />,
      width: 150,
      hidden: singleDepartment,
      render: (row) => <Truncated text={departmentLabel(row.departmentCode)} />,
    },
    {
      accessor: 'communeName',
      title: <SortHeader column="communeName" label="Commune" />,
      width: 130,
      visibleMediaQuery: singleDepartment ? undefined : WIDE,
      render: (row) => <Truncated text={row.communeName} />,
    },
    {
      accessor: 'legalForm',
      title: 'Forme juridique',
      width: 150,
      visibleMediaQuery: WIDE,
      render: (row) => <Truncated text={row.legalForm} />,
    },
    {
      accessor: 'contractType',
      title: 'Contrat',
      width: 110,
      visibleMediaQuery: WIDE,
      render: (row) => <Truncated text={row.contractType ? CONTRACT_LABELS[row.contractType] : null} />,
    },
    {
      accessor: 'postsRequested',
      title: <SortHeader column="postsRequested" label="Postes demandés" align="right" />,
      textAlign: 'right',
      width: 122,
      render: (row) => formatNumber(row.postsRequested),
    },
    {
      accessor: 'status',
      title: <SortHeader column="status" label="Statut" />,
      width: 118,
      render: (row) => <StatusBadge status={row.status} compact />,
    },
    {
      accessor: 'warnings',
      title: 'Alertes',
      textAlign: 'center',
      width: 80,
      render: (row) => <WarningsBadge warnings={row.warnings} />,
    },
    { accessor: 'opinion', title: 'Avis', width: 112, render: (row) => <OpinionCell row={row} /> },
    {
      accessor: 'postsSupported',
      title: <SortHeader column="postsSupported" label="Postes soutenus" align="right" />,
      textAlign: 'right',
      width: 122,
      render: (row) => formatNumber(row.postsSupported),
    },
    {
      accessor: 'aggregateScore',
      title: <SortHeader column="aggregateScore" label="Note" align="right" />,
      textAlign: 'right',
      width: 80,
      render: (row) => formatScore(row.aggregateScore),
    },
    {
      accessor: 'reviewers',
      title: 'Évaluateurs',
      textAlign: 'right',
      width: 105,
      render: (row) => (row.reviewers > 0 ? formatNumber(row.reviewers) : EMPTY_VALUE),
    },
  ];
}

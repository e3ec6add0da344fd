import type { DataTableColumn } from 'mantine-datatable';
import { CONTRACT_LABELS } from '../../../shared/domain/dossier';
import type { DossierSummary } from '../../../shared/domain/dossier';
import { EMPTY_VALUE, formatNumber } from '../../lib/format';
import { departmentLabel } from '../../lib/labels';
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

export const DOSSIER_COLUMNS: DataTableColumn<DossierSummary>[] = [
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
    width: 165,
    render: (row) => <Truncated text={departmentLabel(row.departmentCode)} />,
  },
  {
    accessor: 'communeName',
    title: <SortHeader column="communeName" label="Commune" />,
    width: 130,
    render: (row) => <Truncated text={row.communeName} />,
  },
  { accessor: 'legalForm', title: 'Forme juridique', width: 165, render: (row) => <Truncated text={row.legalForm} /> },
  {
    accessor: 'contractType',
    title: 'Contrat',
    width: 100,
    render: (row) => <Truncated text={row.contractType ? CONTRACT_LABELS[row.contractType] : null} />,
  },
  {
    accessor: 'postsRequested',
    title: <SortHeader column="postsRequested" label="Postes demandés" align="right" />,
    textAlign: 'right',
    width: 120,
    render: (row) => formatNumber(row.postsRequested),
  },
  {
    accessor: 'status',
    title: <SortHeader column="status" label="Statut" />,
    width: 190,
    render: (row) => <StatusBadge status={row.status} />,
  },
  {
    accessor: 'warnings',
    title: 'Alertes',
    textAlign: 'center',
    width: 80,
    render: (row) => <WarningsBadge warnings={row.warnings} />,
  },
];

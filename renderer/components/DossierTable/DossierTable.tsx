import { DataTable } from 'mantine-datatable';
import { useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { DossierPage } from '../../../shared/api/contract';
import type { DossierSummary } from '../../../shared/domain/dossier';
import { formatNumber } from '../../lib/format';
import { navigate } from '../../router/use-route';
import { useProfile } from '../../hooks/use-profile';
import { PAGE_SIZES, useDossierListStore } from '../../stores/dossier-list-store';
import { useSelectionStore } from '../../stores/selection-store';
import { dossierColumns } from './columns';
import classes from './DossierTable.module.css';

const PAGINATION_LABELS: Record<string, string> = {
  first: 'Première page',
  previous: 'Page précédente',
  next: 'Page suivante',
  last: 'Dernière page',
};

function openDossier(row: DossierSummary): void {
  navigate({ name: 'dossier', id: row.id });
}

interface DossierTableProps {
  page: DossierPage | undefined;
  loading: boolean;
}

/** One page of dossiers: paging and sorting happen in the backend, so 50,000 dossiers cost one page. */
export function DossierTable({ page, loading }: DossierTableProps) {
  const { page: pageNumber, pageSize, setPage, setPageSize } = useDossierListStore();
  const viewport = useRef<HTMLDivElement>(null);
  const profile = useProfile();
  const singleDepartment = profile.role === 'PREFECTURE' && profile.departments.length === 1;
  const columns = useMemo(() => dossierColumns({ singleDepartment }), [singleDepartment]);
  const selected = useSelectionStore((state) => state.selected);
  const setSelected = useSelectionStore((state) => state.setSelected);

  useEffect(() => {
    viewport.current?.scrollTo({ top: 0 });
  }, [pageNumber, pageSize]);

  return (
    <DataTable<DossierSummary>
      className={classes.table}
      withTableBorder
      borderRadius="sm"
      striped
      highlightOnHover
      verticalSpacing={6}
      horizontalSpacing="xs"
      fz="sm"
      height="100%"
      scrollViewportRef={viewport}
      idAccessor="id"
      columns={columns}
      selectedRecords={selected}
      onSelectedRecordsChange={setSelected}
      allRecordsSelectionCheckboxProps={{ 'aria-label': 'Sélectionner tous les dossiers de la page' }}
      getRecordSelectionCheckboxProps={(record) => ({ 'aria-label': `Sélectionner le dossier ${record.externalId}` })}
      records={page?.rows ?? []}
      fetching={loading}
      loaderType="dots"
      totalRecords={page?.total ?? 0}
      page={pageNumber}
      onPageChange={setPage}
      recordsPerPage={pageSize}
      recordsPerPageOptions={[...PAGE_SIZES]}
      onRecordsPerPageChange={setPageSize}
      recordsPerPageLabel="Dossiers par page"
      paginationText={({ from, to, totalRecords }) => `${formatNumber(from)}–${formatNumber(to)} sur ${formatNumber(totalRecords)}`}
      getPaginationControlProps={(control) => ({ 'aria-label': PAGINATION_LABELS[control] })}
      getPaginationItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
      noRecordsText="Aucun dossier ne correspond à ces critères"
      onRowClick={({ record }) => openDossier(record)}
      customRowAttributes={(record) => ({
        tabIndex: 0,
        'data-dossier-id': record.id,
        onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => {
          if (event.key === 'Enter') openDossier(record);
        },
      })}
      rowClassName={() => classes.row}
    />
  );
}

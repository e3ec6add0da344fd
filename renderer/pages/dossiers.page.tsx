import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconFileSpreadsheet } from '@tabler/icons-react';
import type { AppInfo } from '../../shared/api/contract';
import { exportListSelection } from '../components/DecisionExport/decision-export-store';
import { DossierFilters } from '../components/DossierFilters/DossierFilters';
import { DossierTable } from '../components/DossierTable/DossierTable';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { SelectionBar } from '../components/SelectionBar/SelectionBar';
import { Welcome } from '../components/Welcome/Welcome';
import { useApiQuery } from '../hooks/use-api-query';
import { pluralize } from '../lib/format';
import { navigate } from '../router/use-route';
import { toDossierFilter, toDossierQuery, useDossierListStore } from '../stores/dossier-list-store';
import { useReportReady } from '../stores/page-ready-store';
import classes from './dossiers.module.css';

// Opinions and scores update the review state kept on the dossier rows: 'dossiers' covers them.
const DOSSIER_TABLES = ['dossiers', 'dossier_warnings'];

function EmptyDatabase({ refreshAppInfo }: { refreshAppInfo: () => void }) {
  useReportReady(true);
  return <Welcome onDataCreated={refreshAppInfo} />;
}

function DossierList() {
  const filters = useDossierListStore((state) => state.filters);
  const sort = useDossierListStore((state) => state.sort);
  const page = useDossierListStore((state) => state.page);
  const pageSize = useDossierListStore((state) => state.pageSize);

  const list = useApiQuery('dossiers:list', toDossierQuery({ filters, sort, page, pageSize }), DOSSIER_TABLES);
  const facets = useApiQuery('dossiers:facets', toDossierFilter(filters), DOSSIER_TABLES);
  useReportReady(!list.loading);

  return (
    <Stack gap="sm" className={classes.list}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Dossiers</Title>
          <Text c="dimmed" aria-live="polite" data-testid="dossier-counts">
            {list.data
              ? `${pluralize(list.data.total, 'dossier', 'dossiers')} · ${pluralize(list.data.postsRequested, 'poste demandé', 'postes demandés')}`
              : 'Chargement…'}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden />} onClick={exportListSelection}>
            Exporter les décisions de la sélection
          </Button>
          <Button variant="light" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => navigate({ name: 'import' })}>
            Importer un fichier
          </Button>
        </Group>
      </Group>
      <DossierFilters facets={facets.data} />
      <SelectionBar />
      <ErrorAlert error={list.error} title="La liste des dossiers n’a pas pu être chargée" />
      <div className={classes.table}>
        <DossierTable page={list.data} loading={list.loading} />
      </div>
    </Stack>
  );
}

export function DossiersPage({ appInfo, refreshAppInfo }: { appInfo: AppInfo; refreshAppInfo: () => void }) {
  return appInfo.dossierCount === 0 ? <EmptyDatabase refreshAppInfo={refreshAppInfo} /> : <DossierList />;
}

import { Anchor, Center, Grid, Loader, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { ChangeHistory } from '../components/DossierDetail/ChangeHistory';
import { ContractSignatureCard } from '../components/DecisionExport/ContractSignatureCard';
import { DecisionHistory } from '../components/DossierDetail/DecisionHistory';
import { DossierHeader } from '../components/DossierDetail/DossierHeader';
import { EligibilityList } from '../components/DossierDetail/EligibilityList';
import { FieldGroups } from '../components/DossierDetail/FieldGroups';
import { ProvenanceTable } from '../components/DossierDetail/ProvenanceTable';
import { WarningList } from '../components/DossierDetail/WarningList';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { OpinionCard } from '../components/OpinionCard/OpinionCard';
import { ScoringCard } from '../components/ScoringCard/ScoringCard';
import { useApiQuery } from '../hooks/use-api-query';
import { routeHref } from '../router/routes';
import { useReportReady } from '../stores/page-ready-store';

const DETAIL_TABLES = ['dossiers', 'dossier_warnings', 'dossier_provenance', 'dossier_changes', 'decisions', 'import_divergences'];

export function DossierDetailPage({ id }: { id: number }) {
  const detail = useApiQuery('dossiers:get', { id }, DETAIL_TABLES);
  useReportReady(!detail.loading);

  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [id]);

  if (detail.error && !detail.loading) {
    return (
      <Stack gap="md" maw={720}>
        <ErrorAlert error={detail.error} title="Ce dossier n’a pas pu être ouvert" />
        <Anchor href={routeHref({ name: 'dossiers' })}>Retour à la liste des dossiers</Anchor>
      </Stack>
    );
  }
  const dossier = detail.loading ? undefined : detail.data;
  if (!dossier) {
    return (
      <Center h={300}>
        <Loader aria-label="Chargement du dossier" />
      </Center>
    );
  }
  return (
    <Stack gap="md">
      <DossierHeader dossier={dossier} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <ScoringCard dossierId={dossier.id} />
            <FieldGroups fields={dossier.fields} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <OpinionCard dossierId={dossier.id} postsRequested={dossier.postsRequested} />
            <WarningList warnings={dossier.warnings} />
            <EligibilityList checks={dossier.eligibility} />
            <DecisionHistory decisions={dossier.decisions} divergences={dossier.platformDivergences} />
            <ContractSignatureCard dossierId={dossier.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ProvenanceTable provenance={dossier.provenance} />
      <ChangeHistory history={dossier.history} />
    </Stack>
  );
}

import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { AppInfo } from '../../../shared/api/contract';
import { CommitteesPage } from '../../pages/committees.page';
import { ExportsPage } from '../../pages/exports.page';
import { MapPage } from '../../pages/map.page';
import { ComparisonPage } from '../../pages/comparison.page';
import { RankingPage } from '../../pages/ranking.page';
import { DossierDetailPage } from '../../pages/dossier-detail.page';
import { DossiersPage } from '../../pages/dossiers.page';
import { ImportPage } from '../../pages/import.page';
import { SessionPage } from '../../pages/session.page';
import { SettingsPage } from '../../pages/settings.page';
import { routeHref } from '../../router/routes';
import type { Route } from '../../router/routes';
import { useReportReady } from '../../stores/page-ready-store';

interface PageSwitchProps {
  route: Route;
  appInfo: AppInfo;
  refreshAppInfo: () => void;
}

function NotFound({ path }: { path: string }) {
  useReportReady(true);
  return (
    <Stack gap="sm">
      <Title order={2}>Page introuvable</Title>
      <Text>L’adresse « {path} » ne correspond à aucune page de l’application.</Text>
      <Anchor href={routeHref({ name: 'dossiers' })}>Aller à la liste des dossiers</Anchor>
    </Stack>
  );
}

export function PageSwitch({ route, appInfo, refreshAppInfo }: PageSwitchProps) {
  switch (route.name) {
    case 'dossiers':
      return <DossiersPage appInfo={appInfo} refreshAppInfo={refreshAppInfo} />;
    case 'dossier':
      // Keyed so that going from one dossier to another starts from a clean state.
      return <DossierDetailPage key={route.id} id={route.id} />;
    case 'import':
      return <ImportPage onImported={refreshAppInfo} />;
    case 'settings':
      return <SettingsPage appInfo={appInfo} onProfileChanged={refreshAppInfo} />;
    case 'comparison':
      return <ComparisonPage ids={route.ids} />;
    case 'ranking':
      return <RankingPage department={route.department} />;
    case 'map':
      return <MapPage />;
    case 'committees':
      return <CommitteesPage />;
    case 'session':
      return <SessionPage key={route.id} id={route.id} />;
    case 'exports':
      return <ExportsPage />;
    case 'not-found':
      return <NotFound path={route.path} />;
  }
}

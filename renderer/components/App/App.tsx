import { MantineProvider } from '@mantine/core';
import { useEffect } from 'react';
import type { UserProfile } from '../../../shared/domain/review';
import { useApiQuery } from '../../hooks/use-api-query';
import { PROFILE_TABLES, ProfileContext } from '../../hooks/use-profile';
import { useRoute } from '../../router/use-route';
import { useDossierListStore } from '../../stores/dossier-list-store';
import { useSelectionStore } from '../../stores/selection-store';
import { theme } from '../../theme';
import { AppFrame } from '../AppFrame/AppFrame';
import { FirstStart } from '../FirstStart/FirstStart';
import { Notifications } from '../Notifications/Notifications';
import { PageSwitch } from './PageSwitch';

const EMPTY_REQUEST = {};
// Any write may change the dossier count shown by the empty state: refresh on every change.
const ANY_TABLE: readonly string[] = [];

/** Changes whenever what the profile may see changes: pages remount and refetch in its scope. */
export function profileKey(profile: UserProfile): string {
  return `${profile.id}:${profile.role}:${profile.departments.join(',')}`;
}

export function App() {
  const route = useRoute();
  const appInfo = useApiQuery('app:info', EMPTY_REQUEST, ANY_TABLE);
  const profile = useApiQuery('profile:current', EMPTY_REQUEST, PROFILE_TABLES);
  const clearSelection = useSelectionStore((state) => state.clear);
  const resetFilters = useDossierListStore((state) => state.resetFilters);
  const current = profile.data ?? null;
  const key = current ? profileKey(current) : '';

  // Another person, or another scope: the ticked dossiers and the filters were someone else's.
  useEffect(() => {
    clearSelection();
    resetFilters();
  }, [key, clearSelection, resetFilters]);

  function refreshAll(): void {
    profile.refetch();
    appInfo.refetch();
  }

  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <AppFrame
        route={route}
        appInfo={appInfo.data}
        appInfoError={appInfo.error ?? profile.error}
        profile={current}
        onProfileSwitched={refreshAll}
        fillHeight={route.name === 'dossiers' && current !== null}
      >
        {appInfo.data && profile.data === null && <FirstStart onChosen={refreshAll} />}
        {appInfo.data && current && (
          <ProfileContext.Provider value={current}>
            <PageSwitch key={key} route={route} appInfo={appInfo.data} refreshAppInfo={refreshAll} />
          </ProfileContext.Provider>
        )}
      </AppFrame>
      <Notifications />
    </MantineProvider>
  );
}

import { MantineProvider } from '@mantine/core';
import { useApiQuery } from '../../hooks/use-api-query';
import { useRoute } from '../../router/use-route';
import { theme } from '../../theme';
import { AppFrame } from '../AppFrame/AppFrame';
import { Notifications } from '../Notifications/Notifications';
import { PageSwitch } from './PageSwitch';

const EMPTY_REQUEST = {};
// Any write may change the dossier count shown by the empty state: refresh on every change.
const ANY_TABLE: readonly string[] = [];

export function App() {
  const route = useRoute();
  const appInfo = useApiQuery('app:info', EMPTY_REQUEST, ANY_TABLE);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <AppFrame route={route} appInfo={appInfo.data} appInfoError={appInfo.error} fillHeight={route.name === 'dossiers'}>
        {appInfo.data && <PageSwitch route={route} appInfo={appInfo.data} refreshAppInfo={appInfo.refetch} />}
      </AppFrame>
      <Notifications />
    </MantineProvider>
  );
}

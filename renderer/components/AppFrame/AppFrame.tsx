import { Alert, AppShell, Center, Group, Loader, NavLink, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconDatabase, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ApiError, AppInfo } from '../../../shared/api/contract';
import { routeHref, sectionOf } from '../../router/routes';
import type { Route } from '../../router/routes';
import { NAV_ITEMS } from './nav-items';
import classes from './AppFrame.module.css';

interface AppFrameProps {
  route: Route;
  appInfo: AppInfo | undefined;
  appInfoError: ApiError | null;
  /** The page fills the window height exactly and scrolls inside (the dossier table), instead of the window scrolling. */
  fillHeight: boolean;
  children: ReactNode;
}

function BrowserModeBanner({ reason }: { reason: string | null }) {
  // One line: it stays on screen on every page, so it must not eat the table's height.
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} py={8} mb="sm" role="status">
      <Text size="sm">
        <strong>Mode navigateur : la fenêtre de bureau n’a pas pu s’ouvrir.</strong>{' '}
        {reason ?? 'L’application fonctionne dans ce navigateur, servie par le serveur local de ce poste.'}
      </Text>
    </Alert>
  );
}

export function AppFrame({ route, appInfo, appInfoError, fillHeight, children }: AppFrameProps) {
  const section = sectionOf(route);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 190, breakpoint: 0 }} padding="md">
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={1} className={classes.brand}>
              CNFS Revue
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="lg">
              Instruction des candidatures « Conseillers numériques France Services »
            </Text>
          </Group>
          {appInfo && (
            <Group gap="lg" wrap="nowrap" className={classes.meta}>
              <Tooltip label={`Base de données : ${appInfo.dbPath}`}>
                <Group gap={6} wrap="nowrap" className={classes.dbPath}>
                  <IconDatabase size={16} aria-hidden />
                  <Text size="sm" truncate="start">
                    {/* Truncating from the start relies on right-to-left layout: the marks keep a leading « / » in place. */}
                    {`\u200e${appInfo.dbPath}\u200e`}
                  </Text>
                </Group>
              </Tooltip>
              <Group gap={6} wrap="nowrap">
                <IconUser size={16} aria-hidden />
                <Text size="sm">{appInfo.userName}</Text>
              </Group>
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigation principale">
        <Stack gap={2}>
          {NAV_ITEMS.map((item) => (
            <NavLink
              key={item.route.name}
              href={routeHref(item.route)}
              label={item.label}
              leftSection={<item.icon size={18} aria-hidden />}
              active={section === item.route.name}
              aria-current={section === item.route.name ? 'page' : undefined}
              fw={500}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main} data-fill={fillHeight || undefined}>
        {appInfo?.mode === 'browser' && <BrowserModeBanner reason={appInfo.electronUnavailableReason} />}
        {appInfoError && (
          <Alert color="red" title="Impossible de joindre le moteur de l’application">
            {appInfoError.message}
          </Alert>
        )}
        {!appInfo && !appInfoError && (
          <Center h={300}>
            <Loader aria-label="Chargement" />
          </Center>
        )}
        <div className={classes.page}>{children}</div>
      </AppShell.Main>
    </AppShell>
  );
}

import { Alert, AppShell, Center, Group, Loader, NavLink, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconDatabase, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ApiError, AppInfo } from '../../../shared/api/contract';
import type { UserProfile } from '../../../shared/domain/review';
import { routeHref, sectionOf } from '../../router/routes';
import type { Route } from '../../router/routes';
import { canCompare, useSelectionStore } from '../../stores/selection-store';
import { DepartmentTotalsStrip } from '../DepartmentTotals/DepartmentTotalsStrip';
import { ProfileMenu } from '../ProfileMenu/ProfileMenu';
import { IntegrityBanner } from './IntegrityBanner';
import { NAV_ITEMS } from './nav-items';
import type { NavItem } from './nav-items';
import classes from './AppFrame.module.css';

interface AppFrameProps {
  route: Route;
  appInfo: AppInfo | undefined;
  appInfoError: ApiError | null;
  /** Null until the user has said who they are (first start). */
  profile: UserProfile | null;
  onProfileSwitched: () => void;
  /** The page fills the window height exactly and scrolls inside (the dossier table), instead of the window scrolling. */
  fillHeight: boolean;
  children: ReactNode;
}

function BrowserModeBanner({ reason }: { reason: string | null }) {
  // One line: it stays on screen on every page, so it must not eat the table's height.
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} py={8} mb="sm" role="status" className={classes.noPrint}>
      <Text size="sm">
        <strong>Mode navigateur : la fenêtre de bureau n’a pas pu s’ouvrir.</strong>{' '}
        {reason ?? 'L’application fonctionne dans ce navigateur, servie par le serveur local de ce poste.'}
      </Text>
    </Alert>
  );
}

/** « Comparaison » opens the dossiers ticked in the list when there are 2 to 4 of them. */
function useNavHref(item: NavItem): string {
  const selectedIds = useSelectionStore((state) => state.selected.map((row) => row.id).join(','));
  if (item.route.name === 'comparison' && selectedIds !== '') {
    const ids = selectedIds.split(',').map(Number);
    if (canCompare(ids.length)) return routeHref({ name: 'comparison', ids });
  }
  return routeHref(item.route);
}

function NavEntry({ item, active, disabled }: { item: NavItem; active: boolean; disabled: boolean }) {
  return (
    <NavLink
      href={useNavHref(item)}
      disabled={disabled}
      label={item.label}
      leftSection={<item.icon size={18} aria-hidden />}
      active={active}
      aria-current={active ? 'page' : undefined}
      fw={500}
    />
  );
}

export function AppFrame({ route, appInfo, appInfoError, profile, onProfileSwitched, fillHeight, children }: AppFrameProps) {
  const section = sectionOf(route);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 190, breakpoint: 0 }} padding="md" className={classes.shell}>
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
              {profile ? (
                <ProfileMenu profile={profile} onSwitched={onProfileSwitched} />
              ) : (
                <Group gap={6} wrap="nowrap">
                  <IconUser size={16} aria-hidden />
                  <Text size="sm">{appInfo.userName}</Text>
                </Group>
              )}
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigation principale">
        <Stack gap={2}>
          {NAV_ITEMS.map((item) => (
            <NavEntry key={item.route.name} item={item} active={profile !== null && section === item.route.name} disabled={profile === null} />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main} data-fill={fillHeight || undefined}>
        {appInfo && <IntegrityBanner className={classes.noPrint} />}
        {appInfo?.mode === 'browser' && <BrowserModeBanner reason={appInfo.electronUnavailableReason} />}
        {profile?.role === 'PREFECTURE' && profile.departments.length > 0 && (
          <div className={classes.noPrint}>
            <DepartmentTotalsStrip departments={profile.departments} />
          </div>
        )}
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

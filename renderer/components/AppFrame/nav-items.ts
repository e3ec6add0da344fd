import { IconChartBar, IconFileExport, IconFolders, IconListNumbers, IconMap, IconSettings, IconUsersGroup } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import type { Route } from '../../router/routes';

export interface NavItem {
  route: Route;
  label: string;
  icon: Icon;
}

export const NAV_ITEMS: NavItem[] = [
  { route: { name: 'dossiers' }, label: 'Dossiers', icon: IconFolders },
  { route: { name: 'map' }, label: 'Carte', icon: IconMap },
  { route: { name: 'comparison', ids: [] }, label: 'Comparaison', icon: IconChartBar },
  { route: { name: 'ranking', department: null }, label: 'Classement', icon: IconListNumbers },
  { route: { name: 'committees' }, label: 'Comités', icon: IconUsersGroup },
  { route: { name: 'exports' }, label: 'Exports', icon: IconFileExport },
  { route: { name: 'settings' }, label: 'Paramètres', icon: IconSettings },
];

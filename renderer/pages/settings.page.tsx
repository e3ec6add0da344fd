import { Button, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import { useTemplateDownload } from '../hooks/use-template-download';
import { pluralize } from '../lib/format';
import { useReportReady } from '../stores/page-ready-store';

const MODE_LABELS: Record<AppInfo['mode'], string> = {
  electron: 'Application de bureau',
  browser: 'Navigateur (serveur local)',
  cli: 'Ligne de commande',
};

export function SettingsPage({ appInfo }: { appInfo: AppInfo }) {
  useReportReady(true);
  const template = useTemplateDownload();
  const rows: [string, ReactNode][] = [
    ['Version de l’application', appInfo.version],
    ['Base de données', <Code key="db">{appInfo.dbPath}</Code>],
    ['Version du schéma', String(appInfo.schemaVersion)],
    ['Dossiers enregistrés', pluralize(appInfo.dossierCount, 'dossier', 'dossiers')],
    ['Utilisateur', appInfo.userName],
    ['Mode', MODE_LABELS[appInfo.mode]],
  ];
  if (appInfo.electronUnavailableReason) rows.push(['Fenêtre de bureau indisponible', appInfo.electronUnavailableReason]);

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>Paramètres</Title>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          Informations sur l’application
        </Title>
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={260}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm" align="flex-start">
          <Title order={3} size="h4">
            Modèle d’import
          </Title>
          <Text>
            Un classeur vide avec les colonnes reconnues par l’import, à remplir quand les dossiers ne viennent pas de
            l’export de la plateforme nationale.
          </Text>
          <Button leftSection={<IconDownload size={18} aria-hidden />} loading={template.downloading} onClick={template.download}>
            Télécharger le modèle d’import
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}

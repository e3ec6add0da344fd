import { Alert, Button, Code, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import { CommitteeMembers } from '../components/CommitteeMembers/CommitteeMembers';
import { SubsidySettings } from '../components/CommitteeMembers/SubsidySettings';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { GridEditor, GridVersions } from '../components/GridEditor/GridEditor';
import { IntegrityCheck } from '../components/IntegrityCheck/IntegrityCheck';
import { ProfilesSettings } from '../components/ProfilesSettings/ProfilesSettings';
import { TargetEditor } from '../components/TargetEditor/TargetEditor';
import { useCurrentGrid } from '../hooks/use-current-grid';
import { isNational, useProfile } from '../hooks/use-profile';
import { useTemplateDownload } from '../hooks/use-template-download';
import { pluralize } from '../lib/format';
import { useReportReady } from '../stores/page-ready-store';

function Panel({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb={description ? 4 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}

function ScoringGridPanel() {
  const profile = useProfile();
  const grids = useCurrentGrid();
  const editable = isNational(profile);
  return (
    <Panel
      title="Grille de notation"
      description="Chaque enregistrement crée une nouvelle version : les notes déjà données gardent la version avec laquelle elles ont été faites."
    >
      <ErrorAlert error={grids.error} title="La grille n’a pas pu être chargée" />
      {!grids.data ? (
        !grids.error && <Loader size="sm" aria-label="Chargement de la grille" />
      ) : (
        <Stack gap="md">
          {!editable && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
              Seuls les membres du comité national et les administrateurs ANCT modifient la grille. Voici la version en vigueur.
            </Alert>
          )}
          <GridEditor key={grids.data.id} current={grids.data} editable={editable} />
          <div>
            <Text fw={600} size="sm" mb={6}>
              Historique des versions
            </Text>
            <GridVersions grids={grids.all} />
          </div>
        </Stack>
      )}
    </Panel>
  );
}

const MODE_LABELS: Record<AppInfo['mode'], string> = {
  electron: 'Application de bureau',
  browser: 'Navigateur (serveur local)',
  cli: 'Ligne de commande',
};

export function SettingsPage({ appInfo, onProfileChanged }: { appInfo: AppInfo; onProfileChanged: () => void }) {
  useReportReady(true);
  const profile = useProfile();
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
    <Stack gap="md" maw={1100}>
      <Title order={2}>Paramètres</Title>
      <Panel title="Profils" description="Qui utilise l’application sur ce poste. Vos avis et vos notes sont signés du profil actuel.">
        <ProfilesSettings onChanged={onProfileChanged} />
      </Panel>
      <ScoringGridPanel />
      {isNational(profile) && (
        <Panel
          title="Objectifs de postes par département"
          description="Le nombre de postes convenu pour chaque département (« accord préalable de principe ») : les préfectures voient leurs avis favorables s’y rapporter."
        >
          <TargetEditor />
        </Panel>
      )}
      {isNational(profile) && (
        <Panel title="Membres du comité" description="La liste d’où viennent les membres convoqués à chaque séance du COSELEC. Un membre désactivé reste sur les séances passées.">
          <CommitteeMembers />
        </Panel>
      )}
      <Panel title="Subvention par poste" description="Montants de l’AMI (§ 3) utilisés pour les totaux du comité, les procès-verbaux et les exports.">
        <SubsidySettings editable={isNational(profile)} />
      </Panel>
      <Panel
        title="Intégrité de la base"
        description="Vérifie les empreintes des instantanés et chaque procès-verbal scellé contre les décisions, présences et ordres du jour enregistrés (comme « verify » en ligne de commande)."
      >
        <IntegrityCheck allowed={profile.role !== 'PREFECTURE'} />
      </Panel>
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

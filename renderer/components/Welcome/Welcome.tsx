import { Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDownload, IconFileImport, IconFolders, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { useTemplateDownload } from '../../hooks/use-template-download';
import { toApiError } from '../../lib/errors';
import { pluralize } from '../../lib/format';
import { navigate } from '../../router/use-route';
import { useNotificationStore } from '../../stores/notification-store';

const DEMO_COUNT = 500;

/** First screen of an empty database: what the app is for and how to get data into it. */
export function Welcome({ onDataCreated }: { onDataCreated: () => void }) {
  const [generating, setGenerating] = useState(false);
  const notify = useNotificationStore((state) => state.notify);
  const template = useTemplateDownload();

  function generateDemo(): void {
    setGenerating(true);
    api['demo:generate']({ count: DEMO_COUNT })
      .then(({ created }) => {
        notify({
          color: 'green',
          title: 'Données de démonstration créées',
          message: `${pluralize(created, 'dossier fictif a été ajouté', 'dossiers fictifs ont été ajoutés')}.`,
        });
        onDataCreated();
      })
      .catch((error: unknown) => notify({ color: 'red', title: 'Génération impossible', message: toApiError(error).message }))
      .finally(() => setGenerating(false));
  }

  return (
    <Paper withBorder p="xl" maw={860} mx="auto" mt="lg">
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon size={48} radius="md" variant="light">
            <IconFolders size={28} aria-hidden />
          </ThemeIcon>
          <div>
            <Title order={2}>Aucun dossier pour l’instant</Title>
            <Text c="dimmed">La base de données de ce poste est vide.</Text>
          </div>
        </Group>
        <Text>
          CNFS Revue aide les préfectures et le comité de sélection national à instruire les candidatures des structures
          d’accueil qui demandent des postes de Conseillers numériques France Services.
        </Text>
        <List spacing="xs">
          <List.Item>vérifier la recevabilité de chaque dossier et repérer les informations manquantes ou douteuses ;</List.Item>
          <List.Item>suivre les avis des préfectures et les décisions du COSELEC, sans jamais écraser l’historique ;</List.Item>
          <List.Item>juger la cohérence territoriale de la répartition des postes entre départements.</List.Item>
        </List>
        <Text>
          Commencez par importer l’export CSV de la plateforme nationale, un classeur Excel ou un fichier rempli à partir
          du modèle d’import. Les données restent sur ce poste, y compris hors connexion.
        </Text>
        <Group gap="sm">
          <Button leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => navigate({ name: 'import' })}>
            Importer un fichier
          </Button>
          <Button variant="light" leftSection={<IconSparkles size={18} aria-hidden />} loading={generating} onClick={generateDemo}>
            Générer des données de démonstration
          </Button>
          <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} loading={template.downloading} onClick={template.download}>
            Télécharger le modèle d’import
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Les données de démonstration ({pluralize(DEMO_COUNT, 'dossier fictif', 'dossiers fictifs')}) permettent de découvrir
          l’application sans fichier réel.
        </Text>
      </Stack>
    </Paper>
  );
}

import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useReportReady } from '../stores/page-ready-store';

export type ComingSoonArea = 'map' | 'committees' | 'exports';

const AREAS: Record<ComingSoonArea, { title: string; description: string }> = {
  map: {
    title: 'Carte',
    description:
      'Une carte des départements, utilisable hors ligne, montrera pour chacun les dossiers reçus et les postes demandés et accordés rapportés à la population, afin de juger la cohérence territoriale de la répartition.',
  },
  committees: {
    title: 'Comités',
    description:
      'Vous pourrez préparer les séances du comité de sélection national (COSELEC), y inscrire les dossiers et enregistrer chaque décision avec le nombre de postes accordés.',
  },
  exports: {
    title: 'Exports',
    description:
      'Vous pourrez exporter les dossiers filtrés en CSV ou en Excel, ainsi qu’un classeur par département à transmettre aux préfectures.',
  },
};

export function ComingSoonPage({ area }: { area: ComingSoonArea }) {
  useReportReady(true);
  const { title, description } = AREAS[area];
  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{title}</Title>
      <Paper withBorder p="lg">
        <Stack gap="sm" align="flex-start">
          <Badge variant="light">Bientôt disponible</Badge>
          <Text>{description}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}

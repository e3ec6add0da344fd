import { Alert, Stack, Title } from '@mantine/core';
import { useReportReady } from '../stores/page-ready-store';

/** Placeholder until its issue lands. */
export function MapPage() {
  useReportReady(true);
  return (
    <Stack gap="md">
      <Title order={2}>Carte</Title>
      <Alert color="gray">La carte des départements sera bientôt disponible.</Alert>
    </Stack>
  );
}

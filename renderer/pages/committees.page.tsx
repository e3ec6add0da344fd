import { Alert, Stack, Title } from '@mantine/core';
import { useReportReady } from '../stores/page-ready-store';

/** Placeholder until its issue lands. */
export function CommitteesPage() {
  useReportReady(true);
  return (
    <Stack gap="md">
      <Title order={2}>Comités</Title>
      <Alert color="gray">Les séances du comité seront bientôt disponibles.</Alert>
    </Stack>
  );
}

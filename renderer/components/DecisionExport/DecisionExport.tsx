import { Alert } from '@mantine/core';

/** Placeholder until its issue lands. */
export function DecisionExport() {
  return <Alert color="gray">L’export des décisions d’attribution sera bientôt disponible.</Alert>;
}

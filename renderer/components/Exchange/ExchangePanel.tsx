import { Alert } from '@mantine/core';

/** Placeholder until its issue lands. */
export function ExchangePanel() {
  return <Alert color="gray">Les échanges avec les préfectures seront bientôt disponibles.</Alert>;
}

import { Stack, Tabs, Title } from '@mantine/core';
import { DecisionExport } from '../components/DecisionExport/DecisionExport';
import { ExchangePanel } from '../components/Exchange/ExchangePanel';
import { useReportReady } from '../stores/page-ready-store';

/** Exports of the allocation decisions, and the exchange of opinions with the prefectures. */
export function ExportsPage() {
  useReportReady(true);
  return (
    <Stack gap="md">
      <Title order={2}>Exports et échanges</Title>
      <Tabs defaultValue="decisions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="decisions">Décisions d’attribution</Tabs.Tab>
          <Tabs.Tab value="exchange">Échanges avec les préfectures</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="decisions" pt="md">
          <DecisionExport />
        </Tabs.Panel>
        <Tabs.Panel value="exchange" pt="md">
          <ExchangePanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

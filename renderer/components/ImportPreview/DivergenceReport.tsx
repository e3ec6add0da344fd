import { Button, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { downloadBytes } from '../../lib/download';
import { toApiError } from '../../lib/errors';
import { pluralize } from '../../lib/format';
import { useNotificationStore } from '../../stores/notification-store';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { Section } from '../Section/Section';
import { DivergenceRows } from './DivergenceRows';

const TABLES = ['import_divergences', 'dossiers'];

/** Every divergence the imports have reported, newest first, exportable as CSV; hidden while there is none. */
export function DivergenceReport() {
  const report = useApiQuery('import:divergences', {}, TABLES);
  const notify = useNotificationStore((state) => state.notify);
  const [exporting, setExporting] = useState(false);
  const rows = report.data ?? [];
  if (rows.length === 0 && !report.error) return null;

  function exportCsv(): void {
    setExporting(true);
    api['import:exportDivergences']({})
      .then((file) => downloadBytes(file.fileName, file.data))
      .catch((error: unknown) => notify({ color: 'red', title: 'Export impossible', message: toApiError(error).message }))
      .finally(() => setExporting(false));
  }

  return (
    <Section title="Rapport des divergences avec la plateforme" aside={pluralize(rows.length, 'divergence', 'divergences')}>
      <ErrorAlert error={report.error} title="Rapport indisponible" />
      <Text size="sm" c="gray.7" mb="xs">
        Décisions de la plateforme qui contredisent une décision enregistrée dans cette base : conservées comme historique de la plateforme, jamais appliquées.
      </Text>
      <DivergenceRows rows={rows.map((d) => ({ ...d, kind: 'report' as const }))} />
      <Button mt="sm" size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />} loading={exporting} onClick={exportCsv}>
        Exporter le rapport (CSV)
      </Button>
    </Section>
  );
}

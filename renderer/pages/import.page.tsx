import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { FileDropZone } from '../components/FileDropZone/FileDropZone';
import { ColumnMapping } from '../components/ImportPreview/ColumnMapping';
import { ImportCounts } from '../components/ImportPreview/ImportCounts';
import { ImportSummary } from '../components/ImportPreview/ImportSummary';
import { RejectedRows } from '../components/ImportPreview/RejectedRows';
import { Section } from '../components/Section/Section';
import { UpdateSamples } from '../components/ImportPreview/UpdateSamples';
import { useImportFlow } from '../hooks/use-import-flow';
import { pluralize } from '../lib/format';
import { navigate } from '../router/use-route';
import { useNotificationStore } from '../stores/notification-store';
import { useReportReady } from '../stores/page-ready-store';

export function ImportPage({ onImported }: { onImported: () => void }) {
  const flow = useImportFlow();
  const notify = useNotificationStore((state) => state.notify);
  useReportReady(!flow.busy);

  const preview = flow.preview;
  const toWrite = preview ? preview.counts.new + preview.counts.updated : 0;

  async function commit(): Promise<void> {
    const result = await flow.commit();
    if (!result) return;
    const { counts } = result;
    notify({
      color: 'green',
      title: 'Import terminé',
      message: [
        pluralize(counts.new, 'dossier créé', 'dossiers créés'),
        pluralize(counts.updated, 'mis à jour', 'mis à jour'),
        pluralize(counts.unchanged, 'inchangé', 'inchangés'),
        pluralize(counts.rejected, 'ligne rejetée', 'lignes rejetées'),
      ].join(', '),
    });
    onImported();
    navigate({ name: 'dossiers' });
  }

  function cancel(): void {
    flow.cancel();
    navigate({ name: 'dossiers' });
  }

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Title order={2}>Importer des dossiers</Title>
        <Text c="gray.7">
          Rien n’est enregistré avant la confirmation : vérifiez d’abord les colonnes reconnues et les lignes rejetées.
        </Text>
      </div>
      <FileDropZone onFile={flow.selectFile} disabled={flow.busy} compact={preview !== null} />
      {flow.busy && !preview && (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>Analyse du fichier…</Text>
        </Group>
      )}
      <ErrorAlert error={flow.error} title="Import impossible" />
      {preview && (
        <>
          <ImportSummary preview={preview} disabled={flow.busy} onSheetChange={flow.selectSheet} />
          <ImportCounts counts={preview.counts} />
          <Section title="Correspondance des colonnes">
            <ColumnMapping columns={preview.columns} unknownHeaders={preview.unknownHeaders} disabled={flow.busy} onChange={flow.mapColumn} />
          </Section>
          {preview.rejected.length > 0 && (
            <Section title="Lignes rejetées" aside={pluralize(preview.counts.rejected, 'ligne', 'lignes')}>
              <RejectedRows rejected={preview.rejected} />
            </Section>
          )}
          {preview.updates.length > 0 && (
            <Section title="Exemples de mises à jour">
              <UpdateSamples updates={preview.updates} />
            </Section>
          )}
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={cancel} disabled={flow.busy && !preview}>
          Annuler
        </Button>
        {preview && (
          <Button onClick={() => void commit()} loading={flow.busy} disabled={toWrite === 0}>
            Importer {pluralize(toWrite, 'dossier', 'dossiers')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

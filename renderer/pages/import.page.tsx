import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { FileDropZone } from '../components/FileDropZone/FileDropZone';
import { ColumnMapping } from '../components/ImportPreview/ColumnMapping';
import { DivergenceReport } from '../components/ImportPreview/DivergenceReport';
import { DivergenceRows } from '../components/ImportPreview/DivergenceRows';
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
  const divergences = preview?.divergences ?? [];
  const newDivergences = divergences.filter((d) => !d.alreadyReported).length;

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
        ...(result.divergences.length > 0 ? [pluralize(result.divergences.length, 'divergence non appliquée', 'divergences non appliquées')] : []),
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
          {divergences.length > 0 && (
            <Section title="Divergences avec les décisions de cette base" aside={pluralize(divergences.length, 'ligne', 'lignes')}>
              <Alert color="orange" variant="light" mb="sm" title="Ces décisions de la plateforme ne seront pas appliquées">
                Elles contredisent une décision enregistrée dans cette base (même séance ou séance ultérieure) : le dossier garde la décision de la base, la ligne de la plateforme est conservée
                comme historique et inscrite au rapport des divergences{newDivergences < divergences.length ? ` (${pluralize(divergences.length - newDivergences, 'déjà signalée', 'déjà signalées')})` : ''}.
              </Alert>
              <DivergenceRows rows={divergences.map((d) => ({ ...d, kind: 'preview' as const }))} />
            </Section>
          )}
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
          <Button onClick={() => void commit()} loading={flow.busy} disabled={toWrite === 0 && newDivergences === 0}>
            {toWrite === 0 && newDivergences > 0 ? `Inscrire ${pluralize(newDivergences, 'divergence', 'divergences')} au rapport` : `Importer ${pluralize(toWrite, 'dossier', 'dossiers')}`}
          </Button>
        )}
      </Group>
      <DivergenceReport />
    </Stack>
  );
}

import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { PackageImportResult, PackagePreview } from '../../../shared/domain/exchange';
import { api } from '../../api/client';
import { toApiError } from '../../lib/errors';
import { pluralize } from '../../lib/format';
import { useNotificationStore } from '../../stores/notification-store';
import { ExchangeDropZone } from './ExchangeDropZone';
import { readPicked } from './exchange-format';
import { PackagePreviewCard } from './PackagePreviewCard';

interface Item {
  key: number;
  fileName: string;
  preview: PackagePreview | null;
  error: string | null;
  busy: boolean;
  result: PackageImportResult | null;
}

interface PackageImportProps {
  label: string;
  button: string;
  multiple?: boolean;
}

let nextKey = 1;

function resultMessage(result: PackageImportResult): string {
  const c = result.counts;
  const parts = [
    result.kind === 'dossiers' && pluralize(c.dossiersNew, 'dossier créé', 'dossiers créés'),
    result.kind === 'dossiers' && pluralize(c.dossiersUpdated, 'dossier mis à jour', 'dossiers mis à jour'),
    pluralize(c.new, 'nouvel avis', 'nouveaux avis'),
    pluralize(c.updated, 'avis mis à jour', 'avis mis à jour'),
    pluralize(c.conflicts, 'conflit à résoudre', 'conflits à résoudre'),
  ].filter(Boolean);
  return `${result.fileName} : ${parts.join(', ')}.`;
}

/** Packages picked (several at once when `multiple`), each previewed, then imported one transaction each. */
export function PackageImport({ label, button, multiple = false }: PackageImportProps) {
  const [items, setItems] = useState<Item[]>([]);
  const notify = useNotificationStore((state) => state.notify);
  const update = (key: number, patch: Partial<Item>) => setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  function add(files: File[]): void {
    const added = files.map((file) => ({ key: nextKey++, fileName: file.name, preview: null, error: null, busy: true, result: null }));
    setItems((list) => [...(multiple ? list : []), ...added]);
    files.forEach((file, i) => {
      const { key } = added[i]!;
      readPicked(file)
        .then((picked) => api['exchange:previewPackage'](picked))
        .then((preview) => update(key, { preview, busy: false }))
        .catch((error: unknown) => update(key, { error: toApiError(error).message, busy: false }));
    });
  }

  async function importOne(item: Item): Promise<void> {
    if (!item.preview) return;
    update(item.key, { busy: true });
    try {
      const result = await api['exchange:importPackage']({ token: item.preview.token });
      update(item.key, { busy: false, result });
      notify({ color: result.counts.conflicts > 0 ? 'blueFrance' : 'green', title: 'Paquet importé', message: resultMessage(result) });
    } catch (error) {
      update(item.key, { busy: false, error: toApiError(error).message });
    }
  }

  const ready = items.filter((item) => item.preview && !item.result && !item.error && !item.preview.upToDate);

  async function importAll(): Promise<void> {
    // One after the other: each package is one transaction, planned against what the previous one wrote.
    for (const item of ready) await importOne(item);
  }

  return (
    <Stack gap="sm">
      <ExchangeDropZone onFiles={add} accept=".json" label={label} button={button} multiple={multiple} disabled={items.some((i) => i.busy)} />
      {multiple && ready.length > 1 && (
        <Group justify="flex-end">
          <Button onClick={() => void importAll()}>Importer les {ready.length} paquets</Button>
        </Group>
      )}
      {items.map((item) =>
        item.preview ? (
          <Stack key={item.key} gap={4}>
            <PackagePreviewCard
              preview={item.preview}
              busy={item.busy}
              imported={item.result !== null}
              onImport={() => void importOne(item)}
              onRemove={() => setItems((list) => list.filter((i) => i.key !== item.key))}
            />
            {item.error && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert">
                {item.error}
              </Alert>
            )}
          </Stack>
        ) : item.error ? (
          <Alert key={item.key} color="red" variant="light" icon={<IconAlertTriangle />} title={`« ${item.fileName} » refusé`} role="alert" withCloseButton onClose={() => setItems((list) => list.filter((i) => i.key !== item.key))}>
            {item.error}
          </Alert>
        ) : (
          <Group key={item.key} gap="sm">
            <Loader size="sm" />
            <Text size="sm">Vérification de « {item.fileName} »…</Text>
          </Group>
        ),
      )}
    </Stack>
  );
}

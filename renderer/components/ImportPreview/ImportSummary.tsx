import { Alert, Group, Select, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ImportPreview } from '../../../shared/api/contract';
import { IMPORT_FORMAT_LABELS, delimiterLabel } from '../../lib/labels';

interface ImportSummaryProps {
  preview: ImportPreview;
  disabled: boolean;
  onSheetChange: (sheet: string) => void;
}

/** What was detected in the file, so the user can tell a wrong encoding or sheet at a glance. */
export function ImportSummary({ preview, disabled, onSheetChange }: ImportSummaryProps) {
  const details = [
    IMPORT_FORMAT_LABELS[preview.format],
    preview.encoding && `encodage ${preview.encoding}`,
    preview.delimiter && `séparateur ${delimiterLabel(preview.delimiter)}`,
  ].filter(Boolean);
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <div>
          <Text fw={700} size="lg">
            {preview.fileName}
          </Text>
          <Text size="sm" c="gray.7" data-testid="import-format">
            {details.join(' · ')}
          </Text>
        </div>
        {preview.sheets.length > 1 && (
          <Select
            label="Feuille du classeur"
            data={preview.sheets}
            value={preview.sheet}
            onChange={(sheet) => sheet && onSheetChange(sheet)}
            allowDeselect={false}
            disabled={disabled}
            w={280}
          />
        )}
      </Group>
      {preview.alreadyImported && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle />} title="Ce fichier a déjà été importé">
          Un fichier au contenu identique a déjà été importé dans cette base. Le réimporter ne modifiera que les dossiers
          qui ont changé depuis.
        </Alert>
      )}
    </>
  );
}

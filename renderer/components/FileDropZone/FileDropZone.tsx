import { Button, FileButton, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useFileDrop } from '../../hooks/use-file-drop';
import classes from './FileDropZone.module.css';

export const IMPORT_ACCEPT = '.csv,.txt,.tsv,.xlsx,.json';

interface FileDropZoneProps {
  onFile: (file: File) => void;
  disabled?: boolean;
  /** Once a file is loaded the zone shrinks to one line, leaving room for the preview. */
  compact?: boolean;
}

/** Drop target and file picker for the import (one file). */
export function FileDropZone({ onFile, disabled = false, compact = false }: FileDropZoneProps) {
  const { zoneProps, pick, resetInput } = useFileDrop((files) => onFile(files[0]!), { disabled });

  const picker = (
    <FileButton onChange={pick} resetRef={resetInput} accept={IMPORT_ACCEPT} disabled={disabled} inputProps={{ 'aria-label': 'Fichier à importer' }}>
      {(props) => (
        <Button {...props} variant="light" disabled={disabled}>
          {compact ? 'Choisir un autre fichier…' : 'Choisir un fichier…'}
        </Button>
      )}
    </FileButton>
  );

  return (
    <div
      className={classes.zone}
      data-compact={compact || undefined}
      {...zoneProps}
    >
      {compact ? (
        <Group justify="space-between">
          <Text size="sm" c="gray.7">
            Déposez un autre fichier ici pour le prévisualiser à la place de celui-ci.
          </Text>
          {picker}
        </Group>
      ) : (
        <Stack align="center" gap="xs">
          <ThemeIcon size={48} radius="xl" variant="light">
            <IconFileSpreadsheet size={28} aria-hidden />
          </ThemeIcon>
          <Text fw={600}>Déposez un fichier ici</Text>
          <Text size="sm" c="gray.7" ta="center">
            Export CSV de la plateforme nationale, fichier CSV, classeur Excel (.xlsx) ou JSON
          </Text>
          {picker}
        </Stack>
      )}
    </div>
  );
}

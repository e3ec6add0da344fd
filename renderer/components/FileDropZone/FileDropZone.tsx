import { Button, FileButton, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import classes from './FileDropZone.module.css';

export const IMPORT_ACCEPT = '.csv,.txt,.tsv,.xlsx,.json';

interface FileDropZoneProps {
  onFile: (file: File) => void;
  disabled?: boolean;
  /** Once a file is loaded the zone shrinks to one line, leaving room for the preview. */
  compact?: boolean;
}

/** Drop target and file picker in one (native drag events: the Mantine Dropzone package is not used). */
export function FileDropZone({ onFile, disabled = false, compact = false }: FileDropZoneProps) {
  const [dragging, setDragging] = useState(false);
  // Clearing the input lets the user pick the same file again after fixing it.
  const resetInput = useRef<() => void>(null);

  function pick(file: File | null): void {
    resetInput.current?.();
    if (file) onFile(file);
  }

  function onDragOver(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setDragging(!disabled);
  }

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }

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
      data-dragging={dragging || undefined}
      data-disabled={disabled || undefined}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
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

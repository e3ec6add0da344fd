import { Button, FileButton, Group, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import classes from './Exchange.module.css';

interface ExchangeDropZoneProps {
  onFiles: (files: File[]) => void;
  accept: string;
  /** What to drop, e.g. « Déposez ici les paquets d’avis reçus des préfectures ». */
  label: string;
  button: string;
  multiple?: boolean;
  disabled?: boolean;
}

/** A drop target and file picker for exchange files; several files at once when `multiple`. */
export function ExchangeDropZone({ onFiles, accept, label, button, multiple = false, disabled = false }: ExchangeDropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const resetInput = useRef<() => void>(null);

  function pick(picked: File | File[] | null): void {
    resetInput.current?.();
    const files = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
    if (files.length > 0) onFiles(files);
  }

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !disabled) onFiles(multiple ? files : files.slice(0, 1));
  }

  return (
    <div
      className={classes.zone}
      data-dragging={dragging || undefined}
      data-disabled={disabled || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(!disabled);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <IconFileUpload size={28} aria-hidden color="var(--mantine-color-blueFrance-6)" />
          <Text size="sm">{label}</Text>
        </Group>
        <FileButton onChange={pick} resetRef={resetInput} accept={accept} multiple={multiple} disabled={disabled} inputProps={{ 'aria-label': button }}>
          {(props) => (
            <Button {...props} variant="light" disabled={disabled}>
              {button}
            </Button>
          )}
        </FileButton>
      </Group>
    </div>
  );
}

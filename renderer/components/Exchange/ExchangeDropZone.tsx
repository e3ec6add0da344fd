import { Button, FileButton, Group, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useFileDrop } from '../../hooks/use-file-drop';
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
  const { zoneProps, pick, resetInput } = useFileDrop(onFiles, { multiple, disabled });

  return (
    <div
      className={classes.zone}
      {...zoneProps}
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

/**
 * A file drop target with a picker beside it (native drag events: the Mantine Dropzone package is
 * not used): the props the zone element spreads (handlers, `data-dragging` / `data-disabled` for
 * the styles), and what the FileButton takes. The picker's input is cleared after each pick so the
 * user can pick the same file again after fixing it.
 */
import { useRef, useState, type DragEvent } from 'react';

export function useFileDrop(onFiles: (files: File[]) => void, { multiple = false, disabled = false }: { multiple?: boolean; disabled?: boolean } = {}) {
  const [dragging, setDragging] = useState(false);
  const resetInput = useRef<() => void>(null);

  function pick(picked: File | File[] | null): void {
    resetInput.current?.();
    const files = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
    if (files.length > 0) onFiles(files);
  }

  const zoneProps = {
    'data-dragging': dragging || undefined,
    'data-disabled': disabled || undefined,
    onDragOver: (event: DragEvent<HTMLDivElement>) => {
      event.preventDefault();
      event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      setDragging(!disabled);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (event: DragEvent<HTMLDivElement>) => {
      event.preventDefault();
      setDragging(false);
      const files = [...event.dataTransfer.files];
      if (files.length > 0 && !disabled) onFiles(multiple ? files : files.slice(0, 1));
    },
  };

  return { zoneProps, pick, resetInput };
}

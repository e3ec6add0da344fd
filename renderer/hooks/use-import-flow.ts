import { useState } from 'react';
import type { ApiError, ImportPreview, ImportResult } from '../../shared/api/contract';
import type { DossierFieldKey } from '../../shared/domain/dossier';
import { api } from '../api/client';
import { toApiError } from '../lib/errors';

interface SelectedFile {
  fileName: string;
  data: Uint8Array;
}

type Mapping = Record<string, DossierFieldKey | ''>;

export interface ImportFlow {
  preview: ImportPreview | null;
  error: ApiError | null;
  busy: boolean;
  selectFile: (file: File) => void;
  selectSheet: (sheet: string) => void;
  mapColumn: (header: string, field: DossierFieldKey | '') => void;
  commit: () => Promise<ImportResult | null>;
  cancel: () => void;
}

/**
 * The import wizard's state: the file's bytes stay here so that changing the sheet or a column
 * mapping re-runs the preview; nothing is written until `commit`.
 */
export function useImportFlow(): ImportFlow {
  const [file, setFile] = useState<SelectedFile | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [mapping, setMapping] = useState<Mapping>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function runPreview(selected: SelectedFile, nextSheet: string | undefined, nextMapping: Mapping): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const request = { ...selected, ...(nextSheet ? { sheet: nextSheet } : {}), ...(Object.keys(nextMapping).length ? { mapping: nextMapping } : {}) };
      setPreview(await api['import:preview'](request));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  function selectFile(picked: File): void {
    setPreview(null);
    setBusy(true);
    setError(null);
    picked.arrayBuffer().then(
      (buffer) => {
        const selected = { fileName: picked.name, data: new Uint8Array(buffer) };
        setFile(selected);
        setSheet(undefined);
        setMapping({});
        return runPreview(selected, undefined, {});
      },
      (caught: unknown) => {
        setBusy(false);
        setError(toApiError(caught));
      },
    );
  }

  function selectSheet(next: string): void {
    if (!file) return;
    // Another sheet has other headers: earlier column choices no longer apply.
    setSheet(next);
    setMapping({});
    void runPreview(file, next, {});
  }

  function mapColumn(header: string, field: DossierFieldKey | ''): void {
    if (!file) return;
    const next = { ...mapping, [header]: field };
    setMapping(next);
    void runPreview(file, sheet, next);
  }

  async function commit(): Promise<ImportResult | null> {
    if (!preview) return null;
    setBusy(true);
    setError(null);
    try {
      return await api['import:commit']({ token: preview.token });
    } catch (caught) {
      setError(toApiError(caught));
      return null;
    } finally {
      setBusy(false);
    }
  }

  function cancel(): void {
    setFile(null);
    setPreview(null);
    setError(null);
    setMapping({});
    setSheet(undefined);
  }

  return { preview, error, busy, selectFile, selectSheet, mapColumn, commit, cancel };
}

import { Select } from '@mantine/core';
import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import type { DossierSummary } from '../../../shared/domain/dossier';
import { api } from '../../api/client';

const SEARCH_DELAY_MS = 250;
const RESULTS = 15;

export function dossierOptionLabel(dossier: Pick<DossierSummary, 'externalId' | 'name' | 'departmentCode'>): string {
  return `ID ${dossier.externalId} – ${dossier.name ?? 'Structure sans nom'} (${dossier.departmentCode})`;
}

/** The backend already searched: show its answers as they are. */
const KEEP_ALL: OptionsFilter = ({ options }) => options;

interface DossierPickerProps {
  label: string;
  description?: string;
  value: number | null;
  onChange: (id: number | null) => void;
  /** The dossier being reviewed: it cannot duplicate itself or transfer to itself. */
  excludeId: number;
  error?: string | null;
}

/** Finds another dossier by its ID, name or commune through the dossier search. */
export function DossierPicker({ label, description, value, onChange, excludeId, error }: DossierPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, SEARCH_DELAY_MS);
  const [results, setResults] = useState<DossierSummary[]>([]);
  const [selected, setSelected] = useState<ComboboxItem | null>(null);

  useEffect(() => {
    let current = true;
    const query = debounced.trim();
    if (query === '') {
      setResults([]);
      return undefined;
    }
    api['dossiers:list']({ search: query, limit: RESULTS, sort: { column: 'externalId', direction: 'asc' } })
      .then((page) => current && setResults(page.rows.filter((row) => row.id !== excludeId)))
      .catch(() => current && setResults([]));
    return () => {
      current = false;
    };
  }, [debounced, excludeId]);

  // A value set from outside (the current opinion) is shown with its name.
  useEffect(() => {
    if (value === null) {
      setSelected(null);
      return undefined;
    }
    if (selected?.value === String(value)) return undefined;
    let current = true;
    api['dossiers:get']({ id: value })
      .then((dossier) => current && setSelected({ value: String(value), label: dossierOptionLabel(dossier) }))
      .catch(() => current && setSelected({ value: String(value), label: `Dossier n° ${value}` }));
    return () => {
      current = false;
    };
  }, [value, selected?.value]);

  const data = useMemo(() => {
    const options = results.map((row) => ({ value: String(row.id), label: dossierOptionLabel(row) }));
    return selected && !options.some((option) => option.value === selected.value) ? [selected, ...options] : options;
  }, [results, selected]);

  return (
    <Select
      label={label}
      description={description}
      placeholder="Tapez un ID, un nom ou une commune"
      searchable
      clearable
      data={data}
      filter={KEEP_ALL}
      value={value === null ? null : String(value)}
      onChange={(next, option) => {
        setSelected(next === null ? null : option);
        onChange(next === null ? null : Number(next));
      }}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={debounced.trim() === '' ? 'Tapez pour chercher' : 'Aucun dossier trouvé'}
      error={error}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

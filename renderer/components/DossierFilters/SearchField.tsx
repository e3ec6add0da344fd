import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useDossierListStore } from '../../stores/dossier-list-store';

const SEARCH_DELAY_MS = 250;

/** Typing stays instant; the list is queried once the user pauses. */
export function SearchField() {
  const search = useDossierListStore((state) => state.filters.search);
  const setFilters = useDossierListStore((state) => state.setFilters);
  const [text, setText] = useState(search);
  const commit = useDebouncedCallback((value: string) => setFilters({ search: value }), SEARCH_DELAY_MS);

  // Follow outside changes (« Réinitialiser »).
  useEffect(() => {
    setText(search);
  }, [search]);

  function change(value: string): void {
    setText(value);
    commit(value);
  }

  return (
    <TextInput
      label="Recherche"
      placeholder="Nom, SIRET, commune, motivation…"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(event) => change(event.currentTarget.value)}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Effacer la recherche"
            onClick={() => {
              commit.cancel();
              setText('');
              setFilters({ search: '' });
            }}
          />
        ) : null
      }
    />
  );
}

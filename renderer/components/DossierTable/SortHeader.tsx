import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { DossierSortColumn } from '../../../shared/api/contract';
import { useDossierListStore } from '../../stores/dossier-list-store';
import classes from './DossierTable.module.css';

interface SortHeaderProps {
  column: DossierSortColumn;
  label: string;
  align?: 'left' | 'right';
}

/**
 * Column title that sorts the list. mantine-datatable's own sort control has English
 * accessible names that cannot be translated, hence this French one.
 */
export function SortHeader({ column, label, align = 'left' }: SortHeaderProps) {
  const sort = useDossierListStore((state) => state.sort);
  const setSort = useDossierListStore((state) => state.setSort);
  const active = sort.column === column;
  const next = active && sort.direction === 'asc' ? 'desc' : 'asc';
  const state = active ? (sort.direction === 'asc' ? 'trié par ordre croissant' : 'trié par ordre décroissant') : 'non trié';
  const Icon = active ? (sort.direction === 'asc' ? IconArrowUp : IconArrowDown) : IconSelector;

  return (
    <UnstyledButton
      className={classes.sortHeader}
      data-align={align}
      data-active={active || undefined}
      onClick={() => setSort({ column, direction: next })}
      aria-label={`${label} : ${state}. Trier par ordre ${next === 'asc' ? 'croissant' : 'décroissant'}`}
    >
      <span>{label}</span>
      <Icon size={14} aria-hidden className={classes.sortIcon} />
    </UnstyledButton>
  );
}

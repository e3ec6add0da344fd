import { Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { DataTable, type DataTableColumn, type DataTableColumnGroup } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Level } from './map-view-store';
import type { MeasureKey } from './measures';
import { cellText, compare, sortValue, totalRow, type Column, type Sort, type TableRow } from './table-cells';
import classes from './FiguresTable.module.css';

export type { TableRow };

/** `label` is shown under its group's title; `full` names the column on its own (for screen readers). */
function SortTitle({ column, label, full = label, sort, onSort }: { column: Column; label: string; full?: string; sort: Sort; onSort: (sort: Sort) => void }) {
  const active = sort.column === column;
  const next = active && sort.direction === 'asc' ? 'desc' : 'asc';
  const Icon = sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  const state = active ? (sort.direction === 'asc' ? 'trié par ordre croissant' : 'trié par ordre décroissant') : 'non trié';
  return (
    <UnstyledButton
      className={classes.sortTitle}
      onClick={() => onSort({ column, direction: next })}
      aria-label={`${full} : ${state}. Trier par ordre ${next === 'asc' ? 'croissant' : 'décroissant'}`}
    >
      <span>{label}</span>
      {/* Only the sorted column shows an arrow: thirteen idle icons would push the table past the window. */}
      {active && <Icon size={14} aria-hidden />}
    </UnstyledButton>
  );
}

interface FiguresTableProps {
  level: Level;
  rows: readonly TableRow[];
  measure: MeasureKey;
  selected: string | null;
  onSelect: (code: string) => void;
}

/** The same figures as the map, one row per area: the accessible alternative to the map. */
export function FiguresTable({ level, rows, measure, selected, onSelect }: FiguresTableProps) {
  const [sort, setSort] = useState<Sort>({ column: 'code', direction: 'asc' });
  const total = useMemo(() => totalRow(rows), [rows]);
  const sorted = useMemo(() => {
    const order = new Map(rows.map((r, i) => [r.code, i]));
    const value = (r: TableRow) => sortValue(sort.column, r, order);
    const out = [...rows].sort((a, b) => compare(value(a), value(b)));
    if (sort.direction === 'desc') {
      // Keep missing values last when the order is reversed.
      const present = out.filter((r) => value(r) !== null).reverse();
      return [...present, ...out.filter((r) => value(r) === null)];
    }
    return out;
  }, [rows, sort]);

  const groups = useMemo((): DataTableColumnGroup<TableRow>[] => {
    const numeric = (column: Column, label: string, full: string): DataTableColumn<TableRow> => ({
      accessor: column,
      title: <SortTitle column={column} label={label} full={full} sort={sort} onSort={setSort} />,
      textAlign: 'right',
      cellsClassName: column === measure ? classes.current : undefined,
      titleClassName: column === measure ? classes.current : undefined,
      render: (row) => cellText(column, row),
      noWrap: true,
      footer: cellText(column, total),
      footerClassName: column === measure ? classes.current : undefined,
    });
    const name = level === 'department' ? 'Département' : 'Région';
    return [
      {
        id: 'area',
        title: '',
        columns: [
          { accessor: 'code', title: <SortTitle column="code" label="Code" sort={sort} onSort={setSort} />, width: 70, footer: '' },
          {
            accessor: 'name',
            title: <SortTitle column="name" label={name} sort={sort} onSort={setSort} />,
            noWrap: true,
            footer: (
              <Text fw={700} size="sm">
                France entière
              </Text>
            ),
          },
          level === 'department'
            ? {
                accessor: 'region',
                title: <SortTitle column="region" label="Région" sort={sort} onSort={setSort} />,
                render: (row) => cellText('region', row),
                cellsClassName: classes.region,
                footer: '',
              }
            : numeric('departments', 'Départements', 'Départements'),
          numeric('population', 'Population', 'Population'),
          numeric('dossiers', 'Dossiers', 'Dossiers'),
        ],
      },
      {
        id: 'posts',
        title: 'Postes',
        textAlign: 'center',
        columns: [
          numeric('requested', 'Demandés', 'Postes demandés'),
          numeric('supported', 'Soutenus', 'Postes soutenus'),
          numeric('granted', 'Accordés', 'Postes accordés'),
          numeric('per100k', 'Pour 100 000 hab.', 'Postes accordés pour 100 000 habitants'),
        ],
      },
      {
        id: 'target',
        title: 'Objectif',
        textAlign: 'center',
        columns: [numeric('target', 'Postes', 'Objectif'), numeric('percentOfTarget', '% atteint', '% de l’objectif'), numeric('gapToTarget', 'Écart', 'Écart à l’objectif')],
      },
      { id: 'review', title: 'Avis', textAlign: 'center', columns: [numeric('reviewedShare', '% des dossiers', 'Part des dossiers avec avis')] },
    ];
  }, [level, measure, sort, total]);

  return (
    <DataTable<TableRow>
      className={classes.table}
      withTableBorder
      borderRadius="sm"
      striped
      highlightOnHover
      verticalSpacing={4}
      horizontalSpacing={7}
      fz={13}
      maxHeight="calc(100vh - 280px)"
      idAccessor="code"
      records={sorted}
      groups={groups}
      noRecordsText="Aucune donnée"
      onRowClick={({ record }) => onSelect(record.code)}
      rowClassName={(record) => (record.code === selected ? classes.selected : undefined)}
      customRowAttributes={(record) => ({
        tabIndex: 0,
        'data-code': record.code,
        'aria-selected': record.code === selected,
        onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => {
          if (event.key === 'Enter') onSelect(record.code);
        },
      })}
      aria-label={level === 'department' ? 'Chiffres par département' : 'Chiffres par région'}
    />
  );
}

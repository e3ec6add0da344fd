import { Badge, Group, Select, Table, Text } from '@mantine/core';
import type { ImportColumn } from '../../../shared/api/contract';
import type { DossierFieldKey } from '../../../shared/domain/dossier';
import { FIELD_DEFS, FIELD_GROUPS, FIELD_GROUP_LABELS } from '../../../shared/domain/fields';
import classes from './ImportPreview.module.css';

const IGNORE = '';

const FIELD_OPTIONS = [
  { group: 'Ne pas importer', items: [{ value: IGNORE, label: 'Ignorer cette colonne' }] },
  ...FIELD_GROUPS.map((group) => ({
    group: FIELD_GROUP_LABELS[group],
    items: FIELD_DEFS.filter((def) => def.group === group).map((def) => ({ value: def.key, label: def.label })),
  })),
];

interface ColumnMappingProps {
  columns: ImportColumn[];
  unknownHeaders: string[];
  disabled: boolean;
  onChange: (header: string, field: DossierFieldKey | '') => void;
}

/** Each file column and the dossier field it fills; any choice can be changed before importing. */
export function ColumnMapping({ columns, unknownHeaders, disabled, onChange }: ColumnMappingProps) {
  const unknown = new Set(unknownHeaders);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder verticalSpacing={4} fz="sm" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="32%">Colonne du fichier</Table.Th>
            <Table.Th w="33%">Exemples de valeurs</Table.Th>
            <Table.Th>Champ de CNFS Revue</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map((column) => (
            <Table.Tr key={column.header} className={unknown.has(column.header) ? classes.unknownRow : undefined}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500} truncate="end" title={column.header}>
                    {column.header}
                  </Text>
                  {unknown.has(column.header) && (
                    <Badge color="orange" variant="light" size="xs" tt="none" style={{ flexShrink: 0 }}>
                      non reconnue
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="gray.7" truncate="end" title={column.samples.join(' · ')}>
                  {column.samples.length > 0 ? column.samples.join(' · ') : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={`Champ pour la colonne « ${column.header} »`}
                  data={FIELD_OPTIONS}
                  value={column.field ?? IGNORE}
                  onChange={(value) => onChange(column.header, (value ?? IGNORE) as DossierFieldKey | '')}
                  allowDeselect={false}
                  searchable
                  // Typing then replaces the current choice instead of appending to it.
                  onFocus={(event) => event.currentTarget.select()}
                  disabled={disabled}
                  maxDropdownHeight={320}
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Group, List, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { FieldChange } from '../../../shared/domain/dossier';
import { fieldLabel, formatFieldValue } from '../../lib/field-value';

/** « Champ : avant → après », with the old value struck through. */
export function FieldChangeLine({ change }: { change: FieldChange }) {
  return (
    <Group gap={6} wrap="wrap">
      <Text span size="sm" fw={500}>
        {fieldLabel(change.field)} :
      </Text>
      <Text span size="sm" td="line-through" c="gray.7">
        {formatFieldValue(change.field, change.before)}
      </Text>
      <IconArrowRight size={14} aria-label="devient" />
      <Text span size="sm">
        {formatFieldValue(change.field, change.after)}
      </Text>
    </Group>
  );
}

/** Every change of one dossier, one line each. */
export function FieldChangeList({ changes, mt }: { changes: readonly FieldChange[]; mt?: number }) {
  return (
    <List size="sm" spacing={2} mt={mt}>
      {changes.map((change) => (
        <List.Item key={change.field}>
          <FieldChangeLine change={change} />
        </List.Item>
      ))}
    </List>
  );
}

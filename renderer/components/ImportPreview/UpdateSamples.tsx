import { List, Stack, Text } from '@mantine/core';
import type { ImportPreview } from '../../../shared/api/contract';
import { FieldChangeLine } from '../FieldChangeLine/FieldChangeLine';

const SHOWN = 20;

/** A sample of what the import would change in existing dossiers, field by field. */
export function UpdateSamples({ updates }: { updates: ImportPreview['updates'] }) {
  return (
    <Stack gap="sm">
      {updates.slice(0, SHOWN).map((update) => (
        <div key={update.externalId}>
          <Text size="sm" fw={600}>
            {update.externalId}
            {update.name ? ` – ${update.name}` : ''}
          </Text>
          <List size="sm" spacing={2}>
            {update.changes.map((change) => (
              <List.Item key={change.field}>
                <FieldChangeLine change={change} />
              </List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}

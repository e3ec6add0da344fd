import { Stack, Text } from '@mantine/core';
import type { ImportPreview } from '../../../shared/api/contract';
import { FieldChangeList } from '../FieldChangeLine/FieldChangeLine';

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
          <FieldChangeList changes={update.changes} />
        </div>
      ))}
    </Stack>
  );
}

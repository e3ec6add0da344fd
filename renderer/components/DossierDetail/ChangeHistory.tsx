import { Stack, Text } from '@mantine/core';
import type { DossierChange } from '../../../shared/domain/dossier';
import { FieldChangeList } from '../FieldChangeLine/FieldChangeLine';
import { formatDateTime } from '../../lib/format';
import { Section } from '../Section/Section';

const SOURCE_LABELS: Record<string, string> = { import: 'import', demo: 'démonstration', platform: 'plateforme', review: 'instruction', committee: 'comité' };

/** Field-level changes, newest first as the backend returns them. */
export function ChangeHistory({ history }: { history: DossierChange[] }) {
  return (
    <Section title="Historique des modifications" aside={history.length > 0 ? history.length : undefined}>
      {history.length === 0 ? (
        <Text c="dimmed">Aucune modification depuis la création du dossier.</Text>
      ) : (
        <Stack gap="md">
          {history.map((entry, index) => (
            <div key={`${entry.at}-${index}`}>
              <Text size="sm" fw={600}>
                {formatDateTime(entry.at)} · {entry.by}
                <Text span size="sm" c="dimmed" fw={400}>
                  {' '}
                  ({SOURCE_LABELS[entry.source] ?? entry.source})
                </Text>
              </Text>
              <FieldChangeList changes={entry.changes} mt={4} />
            </div>
          ))}
        </Stack>
      )}
    </Section>
  );
}

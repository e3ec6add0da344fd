import { List, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { DossierWarning } from '../../../shared/domain/dossier';
import { fieldLabel } from '../../lib/field-value';
import { Section } from '../Section/Section';

export function WarningList({ warnings }: { warnings: DossierWarning[] }) {
  return (
    <Section title="Alertes" aside={warnings.length > 0 ? warnings.length : undefined}>
      {warnings.length === 0 ? (
        <Text c="dimmed">Aucune alerte sur ce dossier.</Text>
      ) : (
        <List
          spacing="xs"
          size="sm"
          icon={
            <ThemeIcon color="orange" variant="light" size="sm">
              <IconAlertTriangle size={14} aria-hidden />
            </ThemeIcon>
          }
        >
          {warnings.map((warning, index) => (
            <List.Item key={`${warning.code}-${index}`}>
              {warning.message}
              {warning.field && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  (champ « {fieldLabel(warning.field)} »)
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

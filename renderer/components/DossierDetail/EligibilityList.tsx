import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconHelpCircle, IconInfoCircle } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import type { EligibilityCheck } from '../../../shared/domain/dossier';
import { ELIGIBILITY_STATUS_LABELS } from '../../lib/labels';
import { Section } from '../Section/Section';

const STATUS_ICONS: Record<EligibilityCheck['status'], { icon: Icon; color: string }> = {
  ok: { icon: IconCircleCheck, color: 'green' },
  warning: { icon: IconAlertTriangle, color: 'orange' },
  error: { icon: IconCircleX, color: 'red' },
  info: { icon: IconInfoCircle, color: 'blue' },
  unknown: { icon: IconHelpCircle, color: 'gray' },
};

export function EligibilityList({ checks }: { checks: EligibilityCheck[] }) {
  return (
    <Section title="Éligibilité (AMI)">
      {checks.length === 0 ? (
        <Text c="dimmed">Aucun contrôle n’a pu être fait sur ce dossier.</Text>
      ) : (
        <Stack gap="sm" data-testid="eligibility">
          {checks.map((check) => {
            const { icon: StatusIcon, color } = STATUS_ICONS[check.status];
            return (
              <Group key={check.code} gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon color={color} variant="light" size="md" aria-label={ELIGIBILITY_STATUS_LABELS[check.status]}>
                  <StatusIcon size={18} aria-hidden />
                </ThemeIcon>
                <div>
                  <Text size="sm" fw={600}>
                    {check.label}
                  </Text>
                  <Text size="sm" c="gray.7">
                    {check.detail}
                  </Text>
                </div>
              </Group>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}

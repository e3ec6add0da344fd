import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useApiQuery } from '../../hooks/use-api-query';
import { routeHref } from '../../router/routes';

const EMPTY_REQUEST = {};

/** Red, on every page, while a sealed session's stored minutes do not match their SHA-256 (checked on opening). */
export function IntegrityBanner({ className }: { className?: string }) {
  const status = useApiQuery('integrity:status', EMPTY_REQUEST);
  const sessions = status.data?.sessions ?? [];
  if (sessions.length === 0) return null;
  const names = sessions.map((s) => s.label).join(', ');
  return (
    <Alert color="red" variant="filled" icon={<IconAlertOctagon size={18} />} py={8} mb="sm" role="alert" className={className} data-testid="integrity-banner">
      <Text size="sm">
        <strong>{sessions.length > 1 ? `Procès-verbaux scellés altérés : séances ${names}.` : `Procès-verbal scellé altéré : séance ${names}.`}</strong>{' '}
        Le contenu ne correspond plus à l’empreinte SHA-256 de la validation.{' '}
        <Anchor href={routeHref({ name: 'settings' })} c="white" underline="always" fw={600}>
          Vérifier l’intégrité (Paramètres)
        </Anchor>
      </Text>
    </Alert>
  );
}

import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ApiError } from '../../../shared/api/contract';

export function ErrorAlert({ error, title = 'Une erreur est survenue' }: { error: ApiError | null; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={title} role="alert">
      {error.message}
    </Alert>
  );
}

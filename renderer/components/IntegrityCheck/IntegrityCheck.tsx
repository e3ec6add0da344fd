import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import type { IntegrityReport } from '../../../shared/api/integrity-contract';
import { api } from '../../api/client';
import { toApiError } from '../../lib/errors';
import { pluralize } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';

/** « Vérifier l’intégrité »: the same checks as `verify` in the command line, each finding located. */
export function IntegrityCheck({ allowed }: { allowed: boolean }) {
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);

  function run(): void {
    setRunning(true);
    setError(null);
    api['integrity:verify']({})
      .then(setReport)
      .catch((failure: unknown) => setError(toApiError(failure)))
      .finally(() => setRunning(false));
  }

  if (!allowed) {
    return (
      <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
        Seuls les membres du comité national et les administrateurs ANCT vérifient l’intégrité de la base : elle porte sur les dossiers de tous les départements.
      </Alert>
    );
  }
  return (
    <Stack gap="sm" align="flex-start">
      <Button leftSection={<IconShieldCheck size={18} aria-hidden />} loading={running} onClick={run}>
        Vérifier l’intégrité
      </Button>
      <ErrorAlert error={error} title="La vérification n’a pas pu être faite" />
      {report?.ok && (
        <Alert color="green" variant="light" icon={<IconCircleCheck />} title="Base intègre" role="status" w="100%">
          Aucune anomalie : la chaîne du journal, les empreintes des instantanés et les procès-verbaux scellés correspondent aux décisions enregistrées.
        </Alert>
      )}
      {report && !report.ok && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={pluralize(report.findings.length, 'anomalie trouvée', 'anomalies trouvées')} role="alert" w="100%">
          <List spacing={6} size="sm" data-testid="integrity-findings">
            {report.findings.map((finding, index) => (
              <List.Item key={index}>
                <Text span fw={600} size="sm">
                  {finding.where}
                </Text>
                {' — '}
                {finding.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

import { Alert, Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CONTRACT_LABELS } from '../../../shared/domain/dossier';
import { formatEuros } from '../../../shared/domain/money';
import { SUBSIDY_PER_POST } from '../../../shared/domain/subsidy';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { toApiError } from '../../lib/errors';
import { useNotificationStore } from '../../stores/notification-store';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';

const EMPTY_REQUEST = {};
const ANY_TABLE: readonly string[] = [];

/** The State's subsidy per post: fixed by the AMI except CUI posts, whose amount is configured here. */
export function SubsidySettings({ editable }: { editable: boolean }) {
  const settings = useApiQuery('subsidy:settings', EMPTY_REQUEST, ANY_TABLE);
  const notify = useNotificationStore((state) => state.notify);
  const stored = settings.data?.cuiPerPost ?? null;
  const [value, setValue] = useState<number | ''>('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setValue(stored ?? '');
  }, [stored]);

  function save(next: number | null): void {
    setSaving(true);
    setError(null);
    api['subsidy:saveSettings']({ cuiPerPost: next })
      .then((saved) => {
        notify({ color: 'green', title: 'Subvention CUI enregistrée', message: saved.cuiPerPost === null ? 'Montant non configuré : les postes CUI comptent 0 €.' : `${formatEuros(saved.cuiPerPost)} par poste.` });
        settings.refetch();
      })
      .catch((failure: unknown) => setError(toApiError(failure).message))
      .finally(() => setSaving(false));
  }

  return (
    <Stack gap="sm">
      <ErrorAlert error={settings.error} title="Les montants n’ont pas pu être chargés" />
      <Table withTableBorder layout="fixed" fz="sm" verticalSpacing={4} maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Contrat</Table.Th>
            <Table.Th ta="right">Subvention par poste</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(Object.keys(SUBSIDY_PER_POST) as (keyof typeof SUBSIDY_PER_POST)[]).map((type) => (
            <Table.Tr key={type}>
              <Table.Td>{CONTRACT_LABELS[type]}</Table.Td>
              <Table.Td ta="right">{formatEuros(SUBSIDY_PER_POST[type])}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>{CONTRACT_LABELS.CUI}</Table.Td>
            <Table.Td ta="right" data-testid="cui-per-post">
              {stored === null ? 'non configuré' : formatEuros(stored)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {editable && (
        <Group align="flex-end" gap="sm">
          <NumberInput
            label="Subvention par poste CUI (€)"
            description="Montant non fixé par l’AMI ; les aides publiques déclarées en sont déduites. Il vaut pour les décisions à venir : celles déjà enregistrées gardent leur montant."
            value={value}
            onChange={(next) => setValue(typeof next === 'number' ? next : '')}
            min={0}
            max={200000}
            step={1000}
            decimalScale={2}
            thousandSeparator={'\u202f'}
            decimalSeparator=","
            allowNegative={false}
            suffix=" €"
            w={320}
          />
          <Button onClick={() => value !== '' && save(value)} loading={saving} disabled={value === '' || value === stored}>
            Enregistrer le montant
          </Button>
          <Button variant="default" onClick={() => save(null)} disabled={saving || stored === null}>
            Ne plus configurer
          </Button>
        </Group>
      )}
      {stored === null && (
        <Text size="xs" c="dimmed">
          Tant que le montant n’est pas configuré, les postes CUI accordés comptent 0 € dans les totaux de subvention.
        </Text>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert" title="Montant non enregistré">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

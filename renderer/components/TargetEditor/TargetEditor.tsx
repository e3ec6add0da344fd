import { Alert, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DEPARTMENTS } from '../../../shared/domain/geography';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { toApiError } from '../../lib/errors';
import { formatNumber, pluralize } from '../../lib/format';
import { departmentLabel } from '../../lib/labels';
import { useNotificationStore } from '../../stores/notification-store';
import { TOTALS_TABLES } from '../DepartmentTotals/DepartmentTotalsStrip';

const OPTIONS = DEPARTMENTS.map((department) => ({ value: department.code, label: `${department.code} – ${department.name}` }));

function TargetForm({ departmentCode }: { departmentCode: string }) {
  const totals = useApiQuery('departments:totals', { departmentCode }, TOTALS_TABLES);
  const notify = useNotificationStore((state) => state.notify);
  const [value, setValue] = useState<number | ''>('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = totals.data?.target ?? null;

  useEffect(() => {
    setValue(target ?? '');
  }, [target]);

  function save(next: number | null): void {
    setSaving(true);
    setError(null);
    api['targets:set']({ departmentCode, target: next })
      .then((result) => {
        notify({
          color: 'green',
          title: 'Objectif enregistré',
          message:
            result.target === null
              ? `${departmentLabel(departmentCode)} : plus d’objectif.`
              : `${departmentLabel(departmentCode)} : ${pluralize(result.target, 'poste', 'postes')}.`,
        });
        totals.refetch();
      })
      .catch((failure: unknown) => setError(toApiError(failure).message))
      .finally(() => setSaving(false));
  }

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <NumberInput
          label="Objectif (postes)"
          value={value}
          onChange={(next) => setValue(typeof next === 'number' ? next : '')}
          allowDecimal={false}
          allowNegative={false}
          min={0}
          w={160}
        />
        <Button onClick={() => value !== '' && save(value)} loading={saving} disabled={value === '' || value === target}>
          Enregistrer l’objectif
        </Button>
        <Button variant="default" onClick={() => save(null)} disabled={saving || target === null}>
          Retirer l’objectif
        </Button>
      </Group>
      {totals.data && (
        <Text size="sm" c="dimmed">
          Actuellement : {target === null ? 'aucun objectif' : pluralize(target, 'poste', 'postes')} · {formatNumber(totals.data.postsSupported)} postes
          soutenus par {pluralize(totals.data.favourable, 'avis favorable', 'avis favorables')} · {formatNumber(totals.data.requested)} postes demandés.
        </Text>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

/** The agreed number of posts per department (« accord préalable de principe »), set by the committee or ANCT. */
export function TargetEditor() {
  const [department, setDepartment] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <Select
        label="Département"
        placeholder="Choisissez un département"
        data={OPTIONS}
        value={department}
        onChange={setDepartment}
        searchable
        nothingFoundMessage="Aucun département"
        w={320}
      />
      {department && <TargetForm key={department} departmentCode={department} />}
    </Stack>
  );
}

import { Alert, Badge, Button, FileButton, Group, List, NumberInput, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconScale } from '@tabler/icons-react';
import { memo, useRef, useState } from 'react';
import type { AgreedTargetsPreview, ApiError, TargetVersion } from '../../../shared/api/contract';
import type { UserProfile } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { isNational } from '../../hooks/use-profile';
import { toApiError } from '../../lib/errors';
import { formatDateTime, formatNumber, pluralize } from '../../lib/format';
import { useNotificationStore } from '../../stores/notification-store';
import { FormErrors } from '../FormErrors/FormErrors';
import { describeVersion } from './target-source';

const KIND_LABELS: Record<TargetVersion['kind'], string> = { distribution: 'Répartition', agreement: 'Accords préalables', department: 'Département' };
const KIND_COLORS: Record<TargetVersion['kind'], string> = { distribution: 'blue', agreement: 'grape', department: 'gray' };

function DistributionForm() {
  const [total, setTotal] = useState<number | ''>(4000);
  const [floor, setFloor] = useState<number | ''>(0);
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notify = useNotificationStore((state) => state.notify);
  const problems = [
    ...(total === '' ? ['Indiquez le total national de postes.'] : []),
    ...(floor === '' ? ['Indiquez le plancher par département (0 pour aucun).'] : []),
  ];

  function distribute(): void {
    if (total === '' || floor === '') return;
    setSaving(true);
    setError(null);
    api['targets:distribute']({ total, floor, key: 'population' })
      .then((result) => {
        setConfirming(false);
        notify({ color: 'green', title: 'Objectifs répartis', message: `${formatNumber(result.version.total)} postes répartis entre ${result.targets.length} départements.` });
      })
      .catch((failure: unknown) => setError(toApiError(failure).message))
      .finally(() => setSaving(false));
  }

  return (
    <Stack gap="xs">
      <Text size="sm" fw={700}>
        Répartir un total national selon la population
      </Text>
      <Group gap="sm" align="flex-end">
        <NumberInput label="Total national (postes)" value={total} onChange={(v) => setTotal(typeof v === 'number' ? v : '')} allowDecimal={false} allowNegative={false} min={0} thousandSeparator={'\u202f'} w={180} />
        <NumberInput label="Plancher par département" value={floor} onChange={(v) => setFloor(typeof v === 'number' ? v : '')} allowDecimal={false} allowNegative={false} min={0} w={180} />
        {!confirming && (
          <Button leftSection={<IconScale size={16} aria-hidden />} onClick={() => setConfirming(problems.length === 0)} disabled={problems.length > 0}>
            Répartir…
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        Chaque département reçoit sa part de population (au moins le plancher) ; les arrondis sont répartis au plus fort reste pour que la somme fasse exactement le total.
      </Text>
      {confirming && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title="Remplacer les objectifs des 101 départements ?">
          <Text size="sm" mb="xs">
            La répartition devient l’objectif de chaque département, accords préalables compris. Les versions précédentes restent dans l’historique.
          </Text>
          <Group gap="xs">
            <Button size="xs" color="orange" loading={saving} onClick={distribute}>
              Confirmer la répartition
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming(false)} disabled={saving}>
              Annuler
            </Button>
          </Group>
        </Alert>
      )}
      <FormErrors errors={[]} serverError={error} serverTitle="Répartition refusée" />
    </Stack>
  );
}

function AgreementPreview({ preview }: { preview: AgreedTargetsPreview }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        Colonnes lues : département « {preview.columns.department} »{preview.columns.name ? `, nom « ${preview.columns.name} »` : ''}, nombre « {preview.columns.target} »
        {preview.sheet ? ` (feuille « ${preview.sheet} »)` : ''}.
      </Text>
      {preview.errors.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={`${pluralize(preview.errors.length, 'erreur', 'erreurs')} : rien ne sera enregistré`} role="alert">
          <List size="sm" spacing={2} data-testid="agreement-errors">
            {preview.errors.map((e) => (
              <List.Item key={e.message}>{e.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title="À vérifier">
          <List size="sm" spacing={2}>
            {preview.warnings.map((w) => (
              <List.Item key={w.message}>{w.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview.rows.length > 0 && (
        <ScrollArea.Autosize mah={260}>
          <Table fz="sm" striped verticalSpacing={2} data-testid="agreement-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ligne</Table.Th>
                <Table.Th>Département</Table.Th>
                <Table.Th ta="right">Objectif actuel</Table.Th>
                <Table.Th ta="right">Accord préalable</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r) => (
                <Table.Tr key={r.departmentCode}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>
                    {r.departmentCode} – {r.departmentName}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(r.previous)}</Table.Td>
                  <Table.Td ta="right" fw={r.previous !== r.target ? 700 : undefined}>
                    {formatNumber(r.target)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function AgreementImport() {
  const [file, setFile] = useState<{ name: string; data: Uint8Array } | null>(null);
  const [preview, setPreview] = useState<AgreedTargetsPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resetInput = useRef<() => void>(null);
  const notify = useNotificationStore((state) => state.notify);

  function read(picked: File | null): void {
    resetInput.current?.();
    if (!picked) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    picked
      .arrayBuffer()
      .then((buffer) => {
        const data = new Uint8Array(buffer);
        setFile({ name: picked.name, data });
        return api['targets:importAgreed']({ fileName: picked.name, data });
      })
      .then(setPreview)
      .catch((failure: unknown) => setError(toApiError(failure).message))
      .finally(() => setBusy(false));
  }

  function commit(): void {
    if (!file) return;
    setBusy(true);
    setError(null);
    api['targets:importAgreed']({ fileName: file.name, data: file.data, commit: true })
      .then((result) => {
        notify({ color: 'green', title: 'Accords préalables enregistrés', message: `${pluralize(result.rows.length, 'département', 'départements')}, ${formatNumber(result.version?.total ?? 0)} postes.` });
        setPreview(null);
        setFile(null);
      })
      .catch((failure: unknown) => setError(toApiError(failure).message))
      .finally(() => setBusy(false));
  }

  return (
    <Stack gap="xs">
      <Text size="sm" fw={700}>
        Importer les accords préalables (CSV ou XLSX)
      </Text>
      <Text size="xs" c="dimmed">
        Une ligne par département : une colonne « Département » (code : 06, 2A, 971…), éventuellement son nom, et une colonne « Nombre » de postes convenus. Toutes les lignes sont
        vérifiées d’abord : à la moindre erreur, rien n’est enregistré.
      </Text>
      <Group gap="xs">
        <FileButton onChange={read} resetRef={resetInput} accept=".csv,.txt,.xlsx" inputProps={{ 'aria-label': 'Fichier des accords préalables' }}>
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} loading={busy && !preview}>
              Choisir un fichier…
            </Button>
          )}
        </FileButton>
        {file && <Text size="sm">{file.name}</Text>}
      </Group>
      <FormErrors errors={[]} serverError={error} serverTitle="Fichier refusé" />
      {preview && (
        <>
          <AgreementPreview preview={preview} />
          <Group gap="xs">
            <Button onClick={commit} loading={busy} disabled={preview.errors.length > 0 || preview.rows.length === 0}>
              Enregistrer {pluralize(preview.rows.length, 'accord', 'accords')}
            </Button>
            <Button variant="default" onClick={() => (setPreview(null), setFile(null))} disabled={busy}>
              Annuler
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

interface HistoryProps {
  data: TargetVersion[] | undefined;
  error: ApiError | null;
}

function History({ history }: { history: HistoryProps }) {
  const versions = history.data ?? [];
  return (
    <Stack gap="xs">
      <Text size="sm" fw={700}>
        Historique des objectifs
      </Text>
      {history.error && <Text c="red.8">{history.error.message}</Text>}
      {history.data && versions.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucun objectif fixé pour l’instant.
        </Text>
      )}
      {versions.length > 0 && (
        <ScrollArea.Autosize mah={300}>
          <Table fz="sm" striped verticalSpacing={3} data-testid="target-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Par</Table.Th>
                <Table.Th>Nature</Table.Th>
                <Table.Th>Détail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={`${v.kind}-${v.id}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.setAt)}</Table.Td>
                  <Table.Td>{v.setBy}</Table.Td>
                  <Table.Td>
                    <Badge color={KIND_COLORS[v.kind]} variant="light" tt="none">
                      {KIND_LABELS[v.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{describeVersion(v)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

/** National total spread by population, agreed numbers imported, and every version with who set it (memoised: apart from the measure). */
export const TargetsPanel = memo(function TargetsPanel({ profile, history, historyError }: { profile: UserProfile; history: TargetVersion[] | undefined; historyError: ApiError | null }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={3} size="h4">
          Objectifs de postes par département
        </Title>
        {isNational(profile) ? (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
            <DistributionForm />
            <AgreementImport />
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            Les objectifs sont fixés par le comité national et l’ANCT (répartition nationale ou accords préalables) ; vous voyez ici leur historique.
          </Text>
        )}
        <History history={{ data: history, error: historyError }} />
      </Stack>
    </Paper>
  );
});

import { Alert, Button, Center, Group, Loader, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconInfoCircle, IconPrinter, IconRestore } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { DepartmentRanking } from '../../shared/domain/review';
import { DEPARTMENTS } from '../../shared/domain/geography';
import { targetProgress, progressColor, remainingLabel } from '../components/DepartmentTotals/totals-view';
import { ErrorAlert } from '../components/ErrorAlert/ErrorAlert';
import { arrange, moveItem, orderOf, sameOrder, withRunningTotals } from '../components/Ranking/ranking-order';
import { RankingTable } from '../components/Ranking/RankingTable';
import { api } from '../api/client';
import { useApiQuery } from '../hooks/use-api-query';
import { isNational, useProfile } from '../hooks/use-profile';
import { toApiError } from '../lib/errors';
import { formatNumber, pluralize } from '../lib/format';
import { departmentLabel } from '../lib/labels';
import { navigate } from '../router/use-route';
import { useNotificationStore } from '../stores/notification-store';
import { useReportReady } from '../stores/page-ready-store';

const RANKING_TABLES = ['rankings', 'dossiers', 'opinions', 'department_targets'];

function Totals({ ranking, supported }: { ranking: DepartmentRanking; supported: number }) {
  const { totals } = ranking;
  const progress = targetProgress(supported, totals.target);
  return (
    <Paper withBorder p="sm">
      <Group gap="xl" wrap="wrap" align="center">
        <div>
          <Text size="xs" c="dimmed">
            Dossiers
          </Text>
          <Text fw={700}>
            {formatNumber(totals.dossiers)} · {formatNumber(totals.reviewed)} avec avis
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Avis favorables
          </Text>
          <Text fw={700}>{formatNumber(totals.favourable)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Postes soutenus / demandés
          </Text>
          <Text fw={700}>
            {formatNumber(supported)} / {formatNumber(totals.requested)}
          </Text>
        </div>
        <div style={{ flex: 1, minWidth: 260 }}>
          {progress && totals.target !== null ? (
            <>
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  Objectif du département : {pluralize(totals.target, 'poste', 'postes')}
                </Text>
                <Text size="xs" c={progress.over ? 'red.8' : 'dimmed'} fw={progress.over ? 700 : 400}>
                  {remainingLabel(progress)}
                </Text>
              </Group>
              <Progress value={progress.percent} color={progressColor(progress)} size="lg" mt={4} aria-label={`Objectif atteint à ${progress.percent} %`} />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Aucun objectif de postes n’est fixé pour ce département (il se règle dans Paramètres, par le comité ou l’ANCT).
            </Text>
          )}
        </div>
      </Group>
    </Paper>
  );
}

function DepartmentRankingView({ departmentCode }: { departmentCode: string }) {
  const ranking = useApiQuery('ranking:get', { departmentCode }, RANKING_TABLES);
  const notify = useNotificationStore((state) => state.notify);
  const [order, setOrder] = useState<number[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useReportReady(!ranking.loading);

  const data = ranking.loading ? undefined : ranking.data;
  const stored = useMemo(() => (data ? orderOf(data.entries) : []), [data]);
  const current = order ?? stored;
  const dirty = order !== null && !sameOrder(order, stored);
  const rows = useMemo(() => (data ? withRunningTotals(arrange(data.entries, current), data.totals.target) : []), [data, current]);
  const supported = rows.length > 0 ? rows[rows.length - 1]!.cumulativeSupported : 0;

  // Someone else's change (another window, the CLI) arrives while nothing is being edited: follow it.
  useEffect(() => {
    if (order !== null && sameOrder(order, stored)) setOrder(null);
  }, [order, stored]);

  function move(from: number, to: number): void {
    const next = moveItem(current, from, to);
    setOrder(next);
    const moved = rows[from];
    if (moved) setAnnouncement(`Dossier ${moved.externalId} déplacé au rang ${Math.max(1, Math.min(next.length, to + 1))}.`);
  }

  function save(): void {
    setSaving(true);
    setSaveError(null);
    api['ranking:save']({ departmentCode, order: current })
      .then(() => {
        setOrder(null);
        ranking.refetch();
        notify({ color: 'green', title: 'Classement enregistré', message: `${departmentLabel(departmentCode)} : ${pluralize(current.length, 'dossier classé', 'dossiers classés')}.` });
      })
      .catch((error: unknown) => setSaveError(toApiError(error).message))
      .finally(() => setSaving(false));
  }

  if (ranking.error && !data) return <ErrorAlert error={ranking.error} title="Le classement n’a pas pu être chargé" />;
  if (!data) {
    return (
      <Center h={240}>
        <Loader aria-label="Chargement du classement" />
      </Center>
    );
  }
  return (
    <Stack gap="sm">
      <Totals ranking={data} supported={supported} />
      {data.entries.length === 0 ? (
        <Text c="dimmed">Aucun dossier dans ce département.</Text>
      ) : (
        <>
          <Group justify="space-between" className="no-print" wrap="nowrap">
            {dirty ? (
              <Text size="sm" c="orange.8" fw={700}>
                Modifications non enregistrées
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                Glissez les lignes ou utilisez les flèches. Le cumul ne compte que les avis favorables.
              </Text>
            )}
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" leftSection={<IconRestore size={18} aria-hidden />} disabled={!dirty || saving} onClick={() => setOrder(null)}>
                Annuler les changements
              </Button>
              <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
                Imprimer
              </Button>
              <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} disabled={!dirty} loading={saving} onClick={save}>
                Enregistrer le classement
              </Button>
            </Group>
          </Group>
          {saveError && (
            <Alert color="red" variant="light" title="Classement non enregistré" role="alert">
              {saveError}
            </Alert>
          )}
          <div aria-live="polite" className="visually-hidden">
            {announcement}
          </div>
          <RankingTable rows={rows} target={data.totals.target} onMove={move} />
        </>
      )}
    </Stack>
  );
}

function ChooseDepartment() {
  useReportReady(true);
  return (
    <Paper withBorder p="lg">
      <Text>Choisissez le département à classer.</Text>
    </Paper>
  );
}

export function RankingPage({ department }: { department: string | null }) {
  const profile = useProfile();
  const allowed = profile.role === 'PREFECTURE' ? profile.departments : DEPARTMENTS.map((entry) => entry.code);
  const chosen = department && allowed.includes(department) ? department : profile.role === 'PREFECTURE' ? (allowed[0] ?? null) : null;
  const options = allowed.map((code) => ({ value: code, label: departmentLabel(code) }));
  const refused = department !== null && department !== chosen;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Classement des dossiers{chosen ? ` – ${departmentLabel(chosen)}` : ''}</Title>
          <Text size="sm" c="dimmed">
            L’ordre de priorité des dossiers du département, avec le cumul des postes soutenus par rapport à l’objectif.
          </Text>
        </div>
        <Select
          className="no-print"
          label="Département"
          data={options}
          value={chosen}
          onChange={(code) => code && navigate({ name: 'ranking', department: code })}
          searchable={isNational(profile)}
          allowDeselect={false}
          nothingFoundMessage="Aucun département"
          placeholder="Choisissez un département"
          w={280}
        />
      </Group>
      {refused && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle />}>
          Le département {department} est hors de votre périmètre ({profile.departments.join(', ')}).
        </Alert>
      )}
      {chosen ? (
        <DepartmentRankingView key={chosen} departmentCode={chosen} />
      ) : (
        <ChooseDepartment />
      )}
    </Stack>
  );
}

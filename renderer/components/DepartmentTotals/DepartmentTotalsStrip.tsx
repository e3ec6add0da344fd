import { Group, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatNumber } from '../../lib/format';
import { departmentLabel } from '../../lib/labels';
import { routeHref } from '../../router/routes';
import { progressColor, remainingLabel, targetProgress } from './totals-view';
import classes from './DepartmentTotalsStrip.module.css';

/** Opinions, rankings and targets move these figures; imports move the dossier counts. */
export const TOTALS_TABLES: readonly string[] = ['opinions', 'dossiers', 'department_targets'];

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className={classes.figure}>
      <Text span size="xs" c="dimmed" className={classes.figureLabel}>
        {label}
      </Text>{' '}
      <Text span size="sm" fw={700} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function DepartmentLine({ code }: { code: string }) {
  const totals = useApiQuery('departments:totals', { departmentCode: code }, TOTALS_TABLES);
  const data = totals.data;
  const progress = data ? targetProgress(data.postsSupported, data.target) : null;
  return (
    <Group gap="lg" wrap="nowrap" className={classes.line} data-testid={`totals-${code}`}>
      <a href={routeHref({ name: 'ranking', department: code })} className={classes.department}>
        {departmentLabel(code)}
      </a>
      {!data ? (
        <Text size="sm" c="dimmed">
          {totals.error ? totals.error.message : 'Chargement…'}
        </Text>
      ) : (
        <>
          <Figure label="Avis rendus" value={`${formatNumber(data.reviewed)} / ${formatNumber(data.dossiers)}`} />
          <Figure label="Favorables" value={formatNumber(data.favourable)} />
          <Figure
            label="Postes soutenus"
            value={`${formatNumber(data.postsSupported)} / ${formatNumber(data.requested)} demandés`}
            testId={`totals-${code}-supported`}
          />
          {progress && data.target !== null ? (
            <Tooltip label={`${formatNumber(data.postsSupported)} postes soutenus pour un objectif de ${formatNumber(data.target)} : ${remainingLabel(progress)}.`}>
              <Group gap={8} wrap="nowrap" className={classes.target}>
                <IconTarget size={16} aria-hidden className={classes.targetIcon} />
                <Text size="sm" fw={600} c={progress.over ? 'red.8' : undefined}>
                  Objectif {formatNumber(data.target)}
                </Text>
                <Progress
                  value={progress.percent}
                  color={progressColor(progress)}
                  w={110}
                  size="md"
                  aria-label={`Postes soutenus par rapport à l’objectif : ${progress.percent} %`}
                />
                <Text size="xs" c={progress.over ? 'red.8' : 'dimmed'}>
                  {remainingLabel(progress)}
                </Text>
              </Group>
            </Tooltip>
          ) : (
            <Text size="xs" c="dimmed">
              Pas d’objectif fixé
            </Text>
          )}
        </>
      )}
    </Group>
  );
}

/** Always in sight for a prefecture agent: what the department's favourable opinions add up to. */
export function DepartmentTotalsStrip({ departments }: { departments: readonly string[] }) {
  return (
    <Paper withBorder px="sm" py={6} mb="sm" className={classes.strip} aria-label="Totaux de vos départements" component="section">
      <Stack gap={4}>
        {departments.map((code) => (
          <DepartmentLine key={code} code={code} />
        ))}
      </Stack>
    </Paper>
  );
}

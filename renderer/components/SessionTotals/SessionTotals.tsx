import { Divider, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { SessionTotals as Totals } from '../../../shared/domain/committee';
import { formatEuros } from '../../../shared/domain/money';
import { formatNumber, pluralize } from '../../lib/format';
import { progressColor, targetProgress } from '../DepartmentTotals/totals-view';
import { departmentLines, moneyLines, nationalRemaining } from './totals-view';
import classes from './SessionTotals.module.css';

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className={classes.row}>
      <span>{label}</span>
      <span data-testid={testId}>{value}</span>
    </div>
  );
}

/** Session and national totals, recomputed by the backend after each decision; always in view. */
export function SessionTotals({ totals, agendaCount, live }: { totals: Totals; agendaCount: number; live: boolean }) {
  const national = targetProgress(totals.national.postsGranted, totals.national.target);
  const departments = departmentLines(totals);
  const money = moneyLines(totals.subsidy);
  return (
    <Paper withBorder p="sm" className={classes.panel} component="aside" aria-label="Totaux de la séance" data-testid="session-totals">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {live ? 'Totaux en direct' : 'Totaux de la séance'}
        </Title>
        <div>
          <Text size="xs" c="dimmed">
            Postes accordés par la séance
          </Text>
          <div className={classes.big} data-testid="totals-posts">
            {formatNumber(totals.postsGranted)}
          </div>
        </div>
        <Row label="Dossiers décidés" value={`${formatNumber(totals.decided)} / ${formatNumber(agendaCount)}`} testId="totals-decided" />
        <Row label="Accords" value={formatNumber(totals.approved)} testId="totals-approved" />
        <Row label="Refus" value={formatNumber(totals.refused)} testId="totals-refused" />
        <Row label="Examens complémentaires" value={formatNumber(totals.furtherReview)} testId="totals-further" />
        <Divider />
        <div>
          <Text size="xs" c="dimmed">
            Subvention engagée (aides déclarées déduites)
          </Text>
          <Text fw={800} size="lg" data-testid="totals-subsidy">
            {formatEuros(totals.subsidy.total)}
          </Text>
        </div>
        {money.map((line) => (
          <Row key={line.key} label={line.label} value={formatEuros(line.amount)} testId={`totals-subsidy-${line.key}`} />
        ))}
        <Divider />
        <div>
          <Group justify="space-between" gap={4}>
            <Text size="xs" c="dimmed">
              National, toutes séances
            </Text>
            <Text size="sm" fw={700} data-testid="totals-national" title="Postes accordés, toutes séances et plateforme, sur la somme des objectifs des départements">
              {formatNumber(totals.national.postsGranted)}
              {totals.national.target !== null ? ` / ${formatNumber(totals.national.target)}` : ''} postes
            </Text>
          </Group>
          {national ? (
            <>
              <Progress value={national.percent} color={progressColor(national)} size="sm" mt={4} aria-label={`Objectif national atteint à ${national.percent} %`} />
              <Text size="xs" c={national.over ? 'red.8' : 'dimmed'} mt={2}>
                {nationalRemaining(national.remaining)}
              </Text>
            </>
          ) : (
            <Text size="xs" c="dimmed">
              Pas d’objectif national fixé.
            </Text>
          )}
          <Row label="Subvention engagée" value={formatEuros(totals.national.subsidy)} />
        </div>
        {departments.length > 0 && (
          <>
            <Divider />
            <Text size="xs" c="dimmed">
              Départements de l’ordre du jour : accordés (toutes séances) / objectif
            </Text>
            <table className={classes.departments} data-testid="totals-departments">
              <thead>
                <tr>
                  <th>Dép.</th>
                  <th className={classes.num}>Séance</th>
                  <th className={classes.num}>Total / obj.</th>
                </tr>
              </thead>
              <tbody>
                {departments.map((department) => (
                  <tr key={department.code} data-over={department.over || undefined} data-department={department.code} title={department.over ? `${department.name} : au-delà de l’objectif` : department.name}>
                    <td>
                      {department.code} {department.name}
                    </td>
                    <td className={classes.num}>{department.grantedInSession > 0 ? `+${formatNumber(department.grantedInSession)}` : '0'}</td>
                    <td className={classes.num}>
                      {formatNumber(department.grantedTotal)} / {department.target === null ? '—' : formatNumber(department.target)}
                      {department.over ? ' ▲' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {departments.some((department) => department.over) && (
              <Text size="xs" c="red.8">
                ▲ {pluralize(departments.filter((department) => department.over).length, 'département au-delà', 'départements au-delà')} de l’objectif.
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

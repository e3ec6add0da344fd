import { Badge, Button, Group, Loader, NumberInput, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { memo, useState } from 'react';
import type { CheckSeverity, TerritoryCheck } from '../../../shared/domain/territory';
import { CHECK_LABELS, SEVERITY_LABELS } from '../../../shared/domain/territory-labels';
import { api } from '../../api/client';
import type { ApiError } from '../../../shared/api/contract';
import { downloadBytes } from '../../lib/download';
import { toApiError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useNotificationStore } from '../../stores/notification-store';
import { useMapViewStore } from './map-view-store';
import classes from './CoherenceChecks.module.css';

const SEVERITY_ICONS: Record<CheckSeverity, typeof IconAlertCircle> = { error: IconAlertCircle, warning: IconAlertTriangle, info: IconInfoCircle };
const SEVERITY_COLORS: Record<CheckSeverity, string> = { error: 'red', warning: 'orange', info: 'blue' };
const FIRST_CHECKS = 100;

interface CoherenceChecksProps {
  data: TerritoryCheck[] | undefined;
  error: ApiError | null;
  loading: boolean;
}

/**
 * The coherence checks beside the map: a click outlines their departments; exportable for the
 * committee's records. Memoised: switching the measure must not redraw hundreds of checks.
 */
export const CoherenceChecks = memo(function CoherenceChecks(checks: CoherenceChecksProps) {
  const tolerance = useMapViewStore((state) => state.tolerancePercent);
  const setTolerance = useMapViewStore((state) => state.setTolerance);
  const highlightedCheck = useMapViewStore((state) => state.highlightedCheck);
  const highlight = useMapViewStore((state) => state.highlight);
  const notify = useNotificationStore((state) => state.notify);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [all, setAll] = useState(false);
  const list = checks.data ?? [];
  const shown = all ? list : list.slice(0, FIRST_CHECKS);

  function pick(check: TerritoryCheck, index: number): void {
    if (highlightedCheck === index) highlight([], null);
    else highlight(check.departmentCodes, index);
  }

  function exportAs(format: 'csv' | 'xlsx'): void {
    setExporting(format);
    api['territory:exportChecks']({ format, tolerancePercent: tolerance })
      .then((file) => downloadBytes(file.fileName, file.data))
      .catch((error: unknown) => notify({ color: 'red', title: 'Export impossible', message: toApiError(error).message }))
      .finally(() => setExporting(null));
  }

  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, list.filter((c) => c.severity === s).length] as const);
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" justify="space-between">
        <NumberInput
          label="Tolérance autour des objectifs"
          value={tolerance}
          onChange={(value) => typeof value === 'number' && value >= 0 && value <= 1000 && setTolerance(value)}
          min={0}
          max={1000}
          suffix=" %"
          allowNegative={false}
          decimalScale={1}
          w={200}
          size="xs"
        />
        <Group gap={6}>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />} loading={exporting === 'csv'} onClick={() => exportAs('csv')}>
            CSV
          </Button>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />} loading={exporting === 'xlsx'} onClick={() => exportAs('xlsx')}>
            XLSX
          </Button>
        </Group>
      </Group>
      <Group gap={6}>
        {counts.map(([severity, count]) => (
          <Badge key={severity} color={SEVERITY_COLORS[severity]} variant="light" tt="none">
            {SEVERITY_LABELS[severity]}s : {formatNumber(count)}
          </Badge>
        ))}
        {checks.loading && <Loader size="xs" aria-label="Calcul des contrôles" />}
      </Group>
      {checks.error && <Text c="red.8">{checks.error.message}</Text>}
      {checks.data && list.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucune incohérence avec cette tolérance.
        </Text>
      )}
      <ul className={classes.list} aria-label="Contrôles de cohérence">
        {shown.map((check, index) => {
          const Icon = SEVERITY_ICONS[check.severity];
          return (
            <li key={`${check.code}-${index}`}>
              <UnstyledButton
                className={classes.check}
                data-active={highlightedCheck === index || undefined}
                data-severity={check.severity}
                aria-pressed={highlightedCheck === index}
                onClick={() => pick(check, index)}
              >
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Icon size={16} aria-label={SEVERITY_LABELS[check.severity]} className={classes.icon} color={`var(--mantine-color-${SEVERITY_COLORS[check.severity]}-7)`} />
                  <div>
                    <Text size="xs" fw={700}>
                      {CHECK_LABELS[check.code]}
                    </Text>
                    <Text size="xs">{check.message}</Text>
                  </div>
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </ul>
      {list.length > FIRST_CHECKS && (
        <Button size="compact-xs" variant="subtle" onClick={() => setAll(!all)}>
          {all ? `Afficher les ${FIRST_CHECKS} premiers` : `Afficher les ${formatNumber(list.length)} contrôles`}
        </Button>
      )}
    </Stack>
  );
});

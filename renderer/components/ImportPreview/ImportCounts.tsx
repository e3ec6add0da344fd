import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ImportCounts as Counts } from '../../../shared/api/contract';
import { formatNumber } from '../../lib/format';

interface Stat {
  label: string;
  value: number;
  color?: string;
}

export function ImportCounts({ counts }: { counts: Counts }) {
  const stats: Stat[] = [
    { label: 'Lignes lues', value: counts.total },
    { label: 'Nouveaux', value: counts.new, color: 'green.8' },
    { label: 'Mis à jour', value: counts.updated, color: 'blue.8' },
    { label: 'Inchangés', value: counts.unchanged },
    { label: 'Rejetés', value: counts.rejected, color: counts.rejected > 0 ? 'red.8' : undefined },
    { label: 'Avec alertes', value: counts.withWarnings, color: counts.withWarnings > 0 ? 'orange.9' : undefined },
  ];
  return (
    <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm" data-testid="import-counts">
      {stats.map((stat) => (
        <Paper key={stat.label} withBorder p="sm" aria-label={`${stat.label} : ${formatNumber(stat.value)}`}>
          <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
            {stat.label}
          </Text>
          <Text size="xl" fw={700} c={stat.color}>
            {formatNumber(stat.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

import { Badge } from '@mantine/core';
import type { BadgeProps } from '@mantine/core';
import { STATUS_LABELS } from '../../../shared/domain/dossier';
import type { DossierStatus } from '../../../shared/domain/dossier';
import { STATUS_COLORS } from '../../lib/labels';

export function StatusBadge({ status, size = 'sm' }: { status: DossierStatus; size?: BadgeProps['size'] }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} tt="none">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

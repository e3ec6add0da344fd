import { Badge, Tooltip } from '@mantine/core';
import type { BadgeProps } from '@mantine/core';
import { STATUS_LABELS } from '../../../shared/domain/dossier';
import type { DossierStatus } from '../../../shared/domain/dossier';
import { STATUS_COLORS } from '../../lib/labels';

/** Labels that fit a table column; the full label shows on hover. */
const SHORT_LABELS: Record<DossierStatus, string> = {
  CREEE: 'Non traitée',
  EXAMEN_COMPLEMENTAIRE_COSELEC: 'Examen compl.',
  VALIDATION_COSELEC: 'Validée',
  REFUS_COSELEC: 'Refusée',
  ABANDON: 'Abandon',
  ANNULEE: 'Annulée',
  DOUBLON: 'Doublon',
};

export function StatusBadge({ status, size = 'sm', compact = false }: { status: DossierStatus; size?: BadgeProps['size']; compact?: boolean }) {
  const badge = (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} tt="none">
      {compact ? SHORT_LABELS[status] : STATUS_LABELS[status]}
    </Badge>
  );
  return compact && SHORT_LABELS[status] !== STATUS_LABELS[status] ? <Tooltip label={STATUS_LABELS[status]}>{badge}</Tooltip> : badge;
}

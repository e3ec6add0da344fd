import { Badge, List, Tooltip } from '@mantine/core';
import type { DossierWarning } from '../../../shared/domain/dossier';
import { pluralize } from '../../lib/format';

export function WarningsBadge({ warnings }: { warnings: DossierWarning[] }) {
  if (warnings.length === 0) {
    return <span aria-label="Aucune alerte">—</span>;
  }
  const label = (
    <List size="xs" spacing={2} c="white">
      {warnings.map((warning, index) => (
        <List.Item key={`${warning.code}-${index}`}>{warning.message}</List.Item>
      ))}
    </List>
  );
  return (
    <Tooltip label={label} position="left">
      <Badge color="orange" variant="filled" size="sm" aria-label={pluralize(warnings.length, 'alerte', 'alertes')}>
        {warnings.length}
      </Badge>
    </Tooltip>
  );
}

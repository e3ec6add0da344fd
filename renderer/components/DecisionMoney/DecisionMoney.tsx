import { Alert, Badge, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CHANGED_SINCE_DECISION, frozenMoneyText, type BasisChange, type FrozenMoney } from '../../../shared/domain/decision-money';

/** « Subvention figée à la décision : 59 000 € (2 postes × 32 000 €, CDD, …) »: the amounts the decision recorded. */
export function FrozenMoneyLine({ money }: { money: FrozenMoney }) {
  return (
    <Text size="sm" data-testid="frozen-money">
      <Text span size="sm" fw={600}>
        Montant figé à la décision :{' '}
      </Text>
      {frozenMoneyText(money)}
    </Text>
  );
}

/** The dossier's fields that changed since the decision, before → after; the money above stays as decided. */
export function ChangedSinceDecision({ changes }: { changes: readonly BasisChange[] }) {
  if (changes.length === 0) return null;
  return (
    <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} title={CHANGED_SINCE_DECISION} data-testid="changed-since-decision">
      <List size="sm" spacing={0}>
        {changes.map((c) => (
          <List.Item key={c.field}>
            {c.label.charAt(0).toUpperCase() + c.label.slice(1)} : {c.before} → {c.after}
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt={4}>
        Les montants restent ceux de la décision : seul un amendement ou une nouvelle décision les change.
      </Text>
    </Alert>
  );
}

/** The agenda row's marker: « dossier modifié », what changed since the decision on hover. */
export function ChangedSinceDecisionBadge({ changes }: { changes: readonly BasisChange[] }) {
  if (changes.length === 0) return null;
  return (
    <Badge size="xs" color="orange" variant="outline" tt="none" title={`${CHANGED_SINCE_DECISION} : ${changes.map((c) => `${c.label} ${c.before} → ${c.after}`).join(' ; ')}`} data-testid="changed-since-decision-badge">
      dossier modifié
    </Badge>
  );
}

import { Badge, Group } from '@mantine/core';
import type { BadgeProps } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { SESSION_STATUS_LABELS } from '../../../shared/domain/committee';
import type { SessionStatus } from '../../../shared/domain/committee';
import { SESSION_STATUS_COLORS } from './session-view';

export function SessionStatusBadge({ status, size = 'sm' }: { status: SessionStatus; size?: BadgeProps['size'] }) {
  return (
    <Badge
      color={SESSION_STATUS_COLORS[status]}
      variant={status === 'IN_PROGRESS' ? 'filled' : 'light'}
      size={size}
      tt="none"
      leftSection={status === 'VALIDATED' ? <IconLock size={12} aria-hidden /> : undefined}
      data-testid="session-status"
    >
      {SESSION_STATUS_LABELS[status]}
    </Badge>
  );
}

/** « COSELEC 12 » with its status, as titles show it. */
export function SessionTitle({ number, status }: { number: string; status: SessionStatus }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <span>COSELEC {number}</span>
      <SessionStatusBadge status={status} size="lg" />
    </Group>
  );
}

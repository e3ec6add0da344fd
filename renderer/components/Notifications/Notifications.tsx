import { Notification, Stack } from '@mantine/core';
import { useNotificationStore } from '../../stores/notification-store';
import classes from './Notifications.module.css';

export function Notifications() {
  const notices = useNotificationStore((state) => state.notices);
  const dismiss = useNotificationStore((state) => state.dismiss);
  return (
    <Stack className={classes.stack} gap="sm" role="status" aria-live="polite">
      {notices.map((notice) => (
        <Notification
          key={notice.id}
          color={notice.color}
          title={notice.title}
          withBorder
          closeButtonProps={{ 'aria-label': 'Fermer la notification' }}
          onClose={() => dismiss(notice.id)}
        >
          {notice.message}
        </Notification>
      ))}
    </Stack>
  );
}

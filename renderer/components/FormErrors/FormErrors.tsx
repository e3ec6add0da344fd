import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

interface FormErrorsProps {
  /** What the form itself found wrong (shown once the user has tried to submit). */
  errors: readonly string[];
  title?: string;
  /** The backend's refusal, which has the last word. */
  serverError: string | null;
  serverTitle?: string;
}

/** The two ways a form can be refused, shown the same way in every form of the app. */
export function FormErrors({ errors, title, serverError, serverTitle = 'Refusé par l’application' }: FormErrorsProps) {
  return (
    <>
      {errors.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={title} role="alert">
          <List size="sm" spacing={2}>
            {errors.map((error) => (
              <List.Item key={error}>{error}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {serverError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={serverTitle} role="alert">
          {serverError}
        </Alert>
      )}
    </>
  );
}

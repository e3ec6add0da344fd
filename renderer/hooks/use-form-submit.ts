import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError } from '../lib/errors';

/**
 * The submit cycle every form shares: show the form's own errors once the user has tried,
 * send only a valid form, keep the backend's French refusal, and reset on success.
 */
export function useFormSubmit<T>(errors: readonly string[], send: () => Promise<T>, onSaved: (value: T) => void) {
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  function submit(event?: FormEvent): void {
    event?.preventDefault();
    setSubmitted(true);
    setServerError(null);
    if (errors.length > 0) return;
    setSaving(true);
    send()
      .then((value) => {
        setSubmitted(false);
        onSaved(value);
      })
      .catch((error: unknown) => setServerError(toApiError(error).message))
      .finally(() => setSaving(false));
  }

  return { submitted, saving, serverError, submit };
}

/**
 * The state of one form submission: busy, the form-level error, and errors per field from
 * either the client's own checks or the API's 400 `details`.
 */
import { createSignal } from 'solid-js';
import { ApiRequestError, messageOf } from '../api/errors';

export type FormState = ReturnType<typeof createFormState>;

export function createFormState() {
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<string>();
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});

  /**
   * Runs `work` unless `clientErrors` has any; API validation errors land on their fields.
   * Returns true when the work succeeded.
   */
  async function submit(work: () => Promise<void>, clientErrors: Record<string, string> = {}): Promise<boolean> {
    setFormError(undefined);
    setFieldErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return false;
    setBusy(true);
    try {
      await work();
      return true;
    } catch (error) {
      const fields = error instanceof ApiRequestError ? error.fieldErrors : {};
      setFieldErrors(fields);
      // A validation error whose issues all sit on fields needs no second sentence above the form.
      if (!(error instanceof ApiRequestError && error.code === 'validation_failed' && Object.keys(fields).length > 0)) {
        setFormError(messageOf(error));
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, formError, fieldErrors, error: (field: string) => fieldErrors()[field], submit };
}

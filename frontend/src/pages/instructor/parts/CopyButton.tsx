/** Copies a short text (a join code) to the clipboard and says so in a polite live region. */
import { createSignal, onCleanup, type JSX } from 'solid-js';

export function CopyButton(props: { text: string; label: string }): JSX.Element {
  const [status, setStatus] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      setStatus('Copied');
    } catch {
      setStatus('Could not copy: select the code and copy it');
    }
    clearTimeout(timer);
    timer = setTimeout(() => setStatus(''), 4000);
  }

  return (
    <span class="copy">
      <button type="button" class="copy-button" aria-label={props.label} onClick={() => void copy()}>
        Copy
      </button>
      <span class="copy-status" role="status" aria-live="polite">
        {status()}
      </span>
    </span>
  );
}

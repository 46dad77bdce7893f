/** A join code to read out or copy, with a polite "Copied" for screen readers. */
import { createSignal, Show, type JSX } from 'solid-js';

export function CopyCode(props: { code: string; label: string }): JSX.Element {
  const [said, setSaid] = createSignal('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.code);
      setSaid('Copied.');
    } catch {
      setSaid('Copying is not allowed here; select the code instead.');
    }
    setTimeout(() => setSaid(''), 4000);
  }
  return (
    <span class="copy-code">
      <code class="join-code">{props.code}</code>
      <Show when={typeof navigator !== 'undefined' && navigator.clipboard}>
        <button type="button" class="link" onClick={() => void copy()}>
          Copy<span class="visually-hidden"> {props.label}</span>
        </button>
      </Show>
      <span class="muted" role="status">
        {said()}
      </span>
    </span>
  );
}

/** A course title or summary with its `code spans` shown as code, built as elements (no HTML parsing). */
import { For, type JSX } from 'solid-js';
import { codeSpans } from './learner-format';

export function InlineCode(props: { text: string }): JSX.Element {
  return <For each={codeSpans(props.text)}>{(part) => (part.code ? <code>{part.text}</code> : part.text)}</For>;
}

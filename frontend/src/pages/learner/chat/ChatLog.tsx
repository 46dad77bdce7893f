/**
 * A conversation's scrolling log, for the tutor chat and a group's chat: focusable so it
 * scrolls from the keyboard, a polite live region that reads out new messages, and it
 * follows the newest message unless the reader has scrolled up to read (or the newest is
 * the reader's own, which is always brought into view).
 */
import { createEffect, on, Show, type JSX } from 'solid-js';

export function ChatLog(props: {
  /** The log's accessible name. */
  label: string;
  /** How many messages there are: a new one scrolls the log. */
  count: number;
  /** The newest message is the reader's own. */
  ownLatest?: boolean;
  /** Shown instead of the list while there is no message. */
  empty: JSX.Element;
  /** The messages, as `<li>`s. */
  children: JSX.Element;
}): JSX.Element {
  let log: HTMLDivElement | undefined;
  let stickToBottom = true;
  createEffect(
    on(
      () => props.count,
      () => {
        if (log && (stickToBottom || props.ownLatest)) log.scrollTop = log.scrollHeight;
      },
    ),
  );
  return (
    <div
      class="chat-log"
      ref={(element) => (log = element)}
      tabindex="0"
      aria-label={props.label}
      onScroll={(event) => {
        const element = event.currentTarget;
        stickToBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
      }}
    >
      <Show when={props.count > 0} fallback={props.empty}>
        <ol class="messages" role="log" aria-live="polite" aria-relevant="additions">
          {props.children}
        </ol>
      </Show>
    </div>
  );
}

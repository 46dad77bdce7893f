/** A tutor's answer drawn from its parsed structure (reply-text.ts): elements, never HTML strings. */
import { A } from '@solidjs/router';
import { For, Match, Switch, type JSX } from 'solid-js';
import { parseReplyText, type Block, type Inline, type Reference } from './reply-text';

function InlineParts(props: { parts: Inline[] }): JSX.Element {
  return (
    <For each={props.parts}>
      {(part) => (
        <Switch>
          <Match when={part.kind === 'code' && part}>{(code) => <code>{code().text}</code>}</Match>
          <Match when={part.kind === 'strong' && part}>{(strong) => <strong>{strong().text}</strong>}</Match>
          <Match when={part.kind === 'link' && !part.external && part}>
            {(link) => <A href={link().href}>{link().text}</A>}
          </Match>
          <Match when={part.kind === 'link' && part.external && part}>
            {(link) => (
              <a href={link().href} target="_blank" rel="noopener noreferrer">
                {link().text}
              </a>
            )}
          </Match>
          <Match when={part.kind === 'text' && part}>{(text) => text().text}</Match>
        </Switch>
      )}
    </For>
  );
}

function Lines(props: { lines: Inline[][] }): JSX.Element {
  return (
    <For each={props.lines}>
      {(line, index) => (
        <>
          {index() > 0 && <br />}
          <InlineParts parts={line} />
        </>
      )}
    </For>
  );
}

function BlockView(props: { block: Block }): JSX.Element {
  const block = props.block;
  switch (block.kind) {
    case 'paragraph':
      return (
        <p>
          <Lines lines={block.lines} />
        </p>
      );
    case 'quote':
      return (
        <blockquote>
          <p>
            <Lines lines={block.lines} />
          </p>
        </blockquote>
      );
    case 'list': {
      const items = (
        <For each={block.items}>
          {(item) => (
            <li>
              <InlineParts parts={item} />
            </li>
          )}
        </For>
      );
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'code':
      return (
        <pre>
          <code>{block.text}</code>
        </pre>
      );
  }
}

export function ReplyText(props: { text: string; references?: Reference[] }): JSX.Element {
  const blocks = () => parseReplyText(props.text, props.references);
  return (
    <div class="reply-text">
      <For each={blocks()}>{(block) => <BlockView block={block} />}</For>
    </div>
  );
}

/** One line of the conversation: the learner's question, an agent's answer, or a push. */
import { A } from '@solidjs/router';
import { For, Match, Show, Switch, type JSX } from 'solid-js';
import { actionView, agentLabel, linkHref, linkKind, pushView, type AgentReply } from './agents';
import type { Entry } from './conversation';
import { ReplyText } from './ReplyText';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function Time(props: { at: number }): JSX.Element {
  return <time datetime={new Date(props.at).toISOString()}>{clock.format(props.at)}</time>;
}

export function AgentBadge(props: { agent: string }): JSX.Element {
  const label = () => agentLabel(props.agent);
  return (
    <span class="agent-badge" data-agent={props.agent} title={label().role} aria-hidden="true">
      {label().initials}
    </span>
  );
}

/** An agent's words with the links and suggested step that came with them. */
export function AgentWords(props: { reply: AgentReply }): JSX.Element {
  const references = () => props.reply.links.map((link) => ({ title: link.title, href: linkHref(link) }));
  const action = () => (props.reply.action ? actionView(props.reply.action) : null);
  return (
    <>
      <ReplyText text={props.reply.text} references={references()} />
      <Show when={props.reply.links.length > 0}>
        <ul class="msg-links" aria-label="Links from this answer">
          <For each={props.reply.links}>
            {(link) => (
              <li>
                <A href={linkHref(link)}>
                  <span class="muted">{linkKind(link.kind)}:</span> {link.title}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={action()}>
        {(view) => (
          <Switch>
            <Match when={view().kind === 'link' && (view() as { href: string; label: string })}>
              {(link) => (
                <p>
                  <A class="button" href={link().href}>
                    {link().label}
                  </A>
                </p>
              )}
            </Match>
            <Match when={view().kind === 'note' && (view() as { text: string })}>
              {(note) => <p class="muted">{note().text}</p>}
            </Match>
          </Switch>
        )}
      </Show>
    </>
  );
}

function AgentHeader(props: { agent: string; at?: number }): JSX.Element {
  return (
    <p class="msg-meta">
      <AgentBadge agent={props.agent} />
      <strong class="agent-name">{agentLabel(props.agent).name}</strong>
      <Show when={props.at}>
        {(at) => (
          <span class="muted">
            <Time at={at()} />
          </span>
        )}
      </Show>
    </p>
  );
}

export function ChatEntry(props: { entry: Entry; onRetry: (id: string) => void; now: number }): JSX.Element {
  return (
    <Switch>
      <Match when={props.entry.kind === 'learner' && props.entry}>
        {(question) => (
          <li class="msg msg-learner" data-state={question().state}>
            <p class="msg-meta">
              <strong>You</strong>
              <span class="muted">
                <Time at={question().at} />
              </span>
            </p>
            <p class="msg-text">{question().text}</p>
            <Show when={question().state === 'sending'}>
              <p class="muted msg-state">Sent, waiting for the tutors…</p>
            </Show>
            <Show when={question().state === 'failed'}>
              <div class="msg-error" role="alert">
                <p>{question().error ?? 'No answer came.'}</p>
                <button
                  type="button"
                  disabled={(question().retryAfter ?? 0) > props.now}
                  onClick={() => props.onRetry(question().id)}
                >
                  Send again
                </button>
              </div>
            </Show>
          </li>
        )}
      </Match>
      <Match when={props.entry.kind === 'agent' && props.entry}>
        {(answer) => (
          <li class="msg msg-agent" data-agent={answer().reply.agent}>
            <AgentHeader agent={answer().reply.agent} at={answer().at} />
            <AgentWords reply={answer().reply} />
          </li>
        )}
      </Match>
      <Match when={props.entry.kind === 'push' && props.entry}>
        {(push) => {
          const view = () => pushView(push().event);
          return (
            <li class="msg msg-system" data-push={push().event.kind}>
              <p class="msg-title">
                <strong>{view().title}</strong>{' '}
                <span class="muted">
                  <Time at={push().at} />
                </span>
              </p>
              <Show when={push().reply} fallback={<p>{view().text}</p>}>
                {(reply) => (
                  <>
                    <AgentHeader agent={reply().agent} />
                    <AgentWords reply={reply()} />
                  </>
                )}
              </Show>
              <Show when={!push().reply?.links.length && view().link}>
                {(link) => (
                  <p>
                    <A href={link().href}>{link().label}</A>
                  </p>
                )}
              </Show>
            </li>
          );
        }}
      </Match>
    </Switch>
  );
}

/**
 * The tutor team in chat. Questions go over the learner's live channel (/api/agents/ws),
 * which also brings pushes (an achievement, a concept mastered, a nudge) as they happen;
 * while the channel is down they go over POST /api/agents/chat instead, so the learner can
 * always ask. Each answer names the agent that gave it and links into lessons and practice.
 */
import { A } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, onCleanup, Show, type JSX } from 'solid-js';
import type { ClientMessage, ServerMessage } from '../../../../durable/protocol';
import { api, ok } from '../../api/client';
import { messageOf } from '../../api/errors';
import { createLiveSocket } from '../../app/live-socket';
import { useSession } from '../../app/session';
import { FormError } from '../../ui/Form';
import { usePageTitle } from '../../ui/title';
import { AGENT_ORDER, AGENTS, MAX_CHAT_CHARS, pushView, QUICK_PROMPTS, readReply, type PushView } from './chat/agents';
import { AgentBadge, ChatEntry } from './chat/ChatEntry';
import { Composer } from './chat/Composer';
import { ChatLog } from './chat/ChatLog';
import { ConnectionStatus } from './chat/ConnectionStatus';
import {
  applyServerMessage,
  asked,
  connectionLost,
  emptyConversation,
  failed,
  isWaiting,
  resent,
  answered,
  withTranscript,
  type Conversation,
  type TranscriptTurn,
} from './chat/conversation';
import { socketRefusal } from './chat/socket-refusal';
import './chat/chat.css';

/**
 * The conversation survives leaving this screen and coming back, per tab and per account,
 * pushes included. A tab opening it for the first time (a reload, another device) starts
 * from the team's transcript: the last 40 turns it remembers.
 */
const kept = new Map<string, Conversation>();

interface Toast {
  id: number;
  view: PushView;
}

const TOAST_MS = 8000;

export default function Chat(): JSX.Element {
  usePageTitle(() => 'Tutor chat');
  const session = useSession();
  const accountId = session.account.latest?.id ?? '';
  const [conversation, setConversation] = createSignal<Conversation>(kept.get(accountId) ?? emptyConversation());
  const update = (change: (current: Conversation) => Conversation) => {
    const next = change(conversation());
    kept.set(accountId, next);
    setConversation(next);
  };
  const [draft, setDraft] = createSignal('');
  const [course, setCourse] = createSignal('');
  const [toasts, setToasts] = createSignal<Toast[]>([]);
  const [now, setNow] = createSignal(Date.now());
  let pushes = 0;

  const [courses, { refetch: refetchCourses }] = createResource(() => ok(api.GET('/api/courses')));

  // The transcript, for a tab that has no conversation of its own yet. Without it the chat
  // still works; the learner is told the earlier messages could not be loaded.
  const [history, { refetch: refetchHistory }] = createResource(
    () => !kept.has(accountId),
    async () => {
      const { turns } = await ok(api.GET('/api/agents/chat/history'));
      return turns.map((turn): TranscriptTurn =>
        turn.role === 'learner' ? turn : { role: 'agent', reply: readReply(turn.reply), at: turn.at },
      );
    },
  );
  createEffect(
    on(
      () => history.state,
      (state) => {
        if (state === 'ready') update((current) => withTranscript(current, history() ?? []));
      },
    ),
  );

  function toast(view: PushView) {
    const id = ++pushes;
    setToasts((shown) => [...shown.slice(-2), { id, view }]);
    setTimeout(() => setToasts((shown) => shown.filter((item) => item.id !== id)), TOAST_MS);
  }

  function onMessage(message: ServerMessage) {
    if (message.type === 'error' && message.code === 'unauthorized') {
      live.stop(message.message);
      return;
    }
    update((current) => applyServerMessage(current, message, Date.now(), () => `push-${Date.now()}-${++pushes}`));
    if (message.type === 'push') {
      const view = pushView(message.event);
      if (view.celebrate) toast(view);
    }
  }

  const live = createLiveSocket<ServerMessage, ClientMessage>({
    path: '/api/agents/ws',
    onMessage,
    whyRefused: () =>
      socketRefusal(async () => {
        await ok(api.GET('/api/me'));
        return null;
      }),
  });
  onCleanup(() => live.stop());

  // Questions still waiting on a channel that just closed will get no answer there.
  createEffect(
    on(live.status, (status) => {
      if (status !== 'open') update(connectionLost);
    }),
  );

  // "Send again" after a rate limit unlocks when the wait is over.
  const tick = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(tick));

  async function askOverHttp(id: string, text: string, about: string) {
    try {
      const answer = await ok(api.POST('/api/agents/chat', { body: { text, ...(about ? { course: about } : {}) } }));
      update((current) => answered(current, id, readReply(answer.reply), Date.now()));
    } catch (error) {
      update((current) => failed(current, id, messageOf(error)));
    }
  }

  /** Sends over the live channel when it is open, otherwise over HTTP. */
  function send(id: string, text: string) {
    const about = course();
    const message: ClientMessage = { type: 'chat', id, text, ...(about ? { course: about } : {}) };
    if (live.status() === 'open' && live.send(message)) return;
    update((current) => resent(current, id, 'http'));
    void askOverHttp(id, text, about);
  }

  function ask(text: string) {
    const question = text.trim();
    if (!question || [...question].length > MAX_CHAT_CHARS) return;
    const id = crypto.randomUUID();
    // The entry goes in first, so an answer can never arrive before its question.
    update((current) => asked(current, { id, text: question, at: Date.now(), via: 'socket' }));
    send(id, question);
  }

  function retry(id: string) {
    const entry = conversation().entries.find((candidate) => candidate.id === id);
    if (entry?.kind !== 'learner') return;
    update((current) => resent(current, id, 'socket'));
    send(id, entry.text);
  }

  return (
    <div class="chat-page stack">
      <header class="row spread chat-header">
        <div>
          <h1>Ask your tutors</h1>
          <p class="muted">Six agents work as a team; each answer says which one replied.</p>
        </div>
        <ConnectionStatus socket={live} fallback="Questions still go through, without live updates." />
      </header>

      <ul class="agent-team" aria-label="The tutor team">
        <For each={AGENT_ORDER}>
          {(agent) => (
            <li title={AGENTS[agent].role}>
              <AgentBadge agent={agent} />
              {AGENTS[agent].name}
            </li>
          )}
        </For>
      </ul>

      <section class="card chat-card" aria-labelledby="conversation-title">
        <h2 id="conversation-title" class="visually-hidden">
          Conversation
        </h2>
        <ChatLog
          label="Conversation with the tutors"
          count={conversation().entries.length}
          ownLatest={conversation().entries.at(-1)?.kind === 'learner'}
          empty={
            <Show
              when={!history.loading}
              fallback={
                <p class="empty chat-empty" role="status">
                  <span class="spinner" aria-hidden="true" /> Loading your conversation…
                </p>
              }
            >
              <p class="empty chat-empty">
                No messages yet. Ask anything about your course, or pick one of the questions below.
              </p>
            </Show>
          }
        >
          <For each={conversation().entries}>{(entry) => <ChatEntry entry={entry} onRetry={retry} now={now()} />}</For>
        </ChatLog>
        <p class="thinking" role="status">
          <Show when={isWaiting(conversation())}>
            <span class="spinner" aria-hidden="true" /> The tutors are thinking…
          </Show>
        </p>
        <FormError message={conversation().notice} />
        <Show when={history.error as unknown}>
          {(error) => (
            <p class="muted" role="alert">
              Earlier messages could not be loaded: {messageOf(error())}{' '}
              {/* Once this tab has its own messages, a late transcript would repeat them. */}
              <Show when={conversation().entries.length === 0}>
                <button type="button" class="link" onClick={() => void refetchHistory()}>
                  Retry
                </button>
              </Show>
            </p>
          )}
        </Show>

        <div class="quick-prompts" role="group" aria-label="Quick questions">
          <For each={QUICK_PROMPTS}>
            {(prompt) => (
              <button type="button" onClick={() => ask(prompt)}>
                {prompt}
              </button>
            )}
          </For>
        </div>
        <div class="row chat-course">
          <label for="chat-course">About</label>
          <select id="chat-course" value={course()} onChange={(event) => setCourse(event.currentTarget.value)}>
            <option value="">The course I practised last</option>
            <For each={courses.latest?.courses ?? []}>{(item) => <option value={item.slug}>{item.title}</option>}</For>
          </select>
          <Show when={courses.error}>
            <span class="muted">
              Courses could not be listed.{' '}
              <button type="button" class="link" onClick={() => void refetchCourses()}>
                Retry
              </button>
            </span>
          </Show>
        </div>
        <Composer
          id="chat-message"
          label="Message the tutors"
          placeholder="Ask the tutors…"
          value={draft()}
          onInput={setDraft}
          maxLength={MAX_CHAT_CHARS}
          onSend={() => {
            ask(draft());
            setDraft('');
          }}
        />
      </section>

      <Show when={toasts().length > 0}>
        <div class="toasts" role="region" aria-label="Notifications">
          <For each={toasts()}>
            {(item) => (
              <div class="toast card">
                <p>
                  <strong>{item.view.title}</strong>
                </p>
                <Show when={item.view.text}>
                  <p>{item.view.text}</p>
                </Show>
                <div class="row">
                  <Show when={item.view.link}>{(link) => <A href={link().href}>{link().label}</A>}</Show>
                  <button
                    type="button"
                    class="link"
                    onClick={() => setToasts((shown) => shown.filter((other) => other.id !== item.id))}
                  >
                    Dismiss
                  </button>
                </div>
              </div>
            )}
          </For>
        </div>
      </Show>
    </div>
  );
}

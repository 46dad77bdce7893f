/**
 * A study group's room: who is here, the chat with its history (the newest 100), who is
 * typing (cleared here when it runs out), and the shared practice with everyone's progress,
 * all live over the room's WebSocket (/api/groups/:id/ws) with reconnects and a visible
 * connection status.
 */
import { A, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import type { ClientMessage, ServerMessage } from '../../../../durable/protocol';
import { api, ok } from '../../api/client';
import { createLiveSocket } from '../../app/live-socket';
import { useSession } from '../../app/session';
import { FormError } from '../../ui/Form';
import { ErrorState } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { Time } from './chat/ChatEntry';
import { Composer } from './chat/Composer';
import { ChatLog } from './chat/ChatLog';
import { ConnectionStatus } from './chat/ConnectionStatus';
import { CopyCode } from './groups/CopyCode';
import { PracticePanel } from './groups/PracticePanel';
import {
  activeTypers,
  applyRoomMessage,
  emptyRoom,
  MAX_GROUP_MESSAGE_CHARS,
  nextTypingExpiry,
  pruneTyping,
  typingSentence,
  typingUpdate,
  type RoomState,
  type TypingSent,
} from './groups/room-state';
import { socketRefusal } from './chat/socket-refusal';
import './chat/chat.css';
import './groups/groups.css';

export default function GroupRoom(): JSX.Element {
  const params = useParams<{ id: string }>();
  // A new room, a new connection: everything below is per group.
  return (
    <Show when={params.id} keyed>
      {(id) => <Room id={id} />}
    </Show>
  );
}

function Room(props: { id: string }): JSX.Element {
  const session = useSession();
  const self = () => session.account.latest?.id;
  const [mine, { refetch: refetchGroups }] = createResource(() => ok(api.GET('/api/groups')));
  const listed = () => mine.latest?.groups.find((group) => group.id === props.id);
  const notMember = () => mine.state === 'ready' && !listed();

  const [room, setRoom] = createSignal<RoomState>(emptyRoom());
  const name = () => room().group?.name || listed()?.name || 'Study group';
  usePageTitle(() => name());

  const live = createLiveSocket<ServerMessage, ClientMessage>({
    path: `/api/groups/${encodeURIComponent(props.id)}/ws`,
    onMessage: (message) => setRoom((current) => applyRoomMessage(current, message, Date.now())),
    whyRefused: () =>
      socketRefusal(async () => {
        const { groups } = await ok(api.GET('/api/groups'));
        return groups.some((group) => group.id === props.id) ? null : 'you are not a member of this group.';
      }),
  });
  onCleanup(() => live.stop());

  // Typing indicators clear themselves here when they run out (a closed tab never says "stopped").
  createEffect(() => {
    const expiry = nextTypingExpiry(room().typing);
    if (expiry === null) return;
    const timer = setTimeout(
      () => setRoom((current) => ({ ...current, typing: pruneTyping(current.typing, Date.now()) })),
      Math.max(0, expiry - Date.now()) + 50,
    );
    onCleanup(() => clearTimeout(timer));
  });
  const typers = () => activeTypers(room().typing, Date.now(), self());

  // Chat and "is typing", renewed while there is text and said once when it is gone.
  const [draft, setDraft] = createSignal('');
  const [sendError, setSendError] = createSignal<string | null>(null);
  let typingSent: TypingSent = { active: false, sentAt: 0 };
  function reportTyping(hasText: boolean) {
    const at = Date.now();
    const update = typingUpdate(typingSent, hasText, at);
    if (update === null || live.status() !== 'open') return;
    if (live.send({ type: 'typing', active: update })) typingSent = { active: update, sentAt: at };
  }
  let messageCount = 0;
  function send() {
    const text = draft().trim();
    if (!text) return;
    const id = `m${++messageCount}-${Date.now()}`;
    if (!live.send({ type: 'chat', id, text })) {
      setSendError('Not connected: your message is kept here until the room is back.');
      return;
    }
    // The room ends "is typing" when a message arrives.
    typingSent = { active: false, sentAt: Date.now() };
    setSendError(null);
    setDraft('');
  }
  // A message the room refused (empty once cleaned, a rate limit) is said above the box.
  const refusal = () => room().notice?.text ?? null;

  return (
    <div class="stack group-room">
      <header class="row spread">
        <div>
          <p class="muted breadcrumb">
            <A href="/groups">Study groups</A>
          </p>
          <h1>{name()}</h1>
          <Show when={listed()}>
            {(group) => (
              <p class="muted">
                Invite others with the code <CopyCode code={group().joinCode} label="join code" />
              </p>
            )}
          </Show>
        </div>
        <ConnectionStatus socket={live} />
      </header>

      <Show when={notMember()}>
        <div class="error-state" role="alert">
          <p>You are not a member of this group. Join it with its code on the study groups page.</p>
          <A href="/groups">Study groups</A>
        </div>
      </Show>
      <Show when={mine.error}>
        <ErrorState error={mine.error} retry={() => void refetchGroups()} />
      </Show>

      <div class="room-layout">
        <section class="card chat-card" aria-labelledby="room-chat-title">
          <h2 id="room-chat-title">Chat</h2>
          <ChatLog
            label="Group chat messages"
            count={room().messages.length}
            empty={
              <p class="empty chat-empty">
                {room().group ? 'No messages yet. Say hello!' : 'Loading the conversation…'}
              </p>
            }
          >
            <For each={room().messages}>
              {(message) => (
                <li class="msg" classList={{ 'msg-mine': message.userId === self() }}>
                  <p class="msg-meta">
                    <strong>{message.userId === self() ? 'You' : message.name}</strong>
                    <span class="muted">
                      <Time at={message.at} />
                    </span>
                  </p>
                  {/* Plain text from the room (cleaned there too): drawn as text, never as markup. */}
                  <p class="msg-text">{message.text}</p>
                </li>
              )}
            </For>
          </ChatLog>
          <p class="thinking typing-line" aria-live="polite">
            {typingSentence(typers())}
          </p>
          <FormError message={sendError() ?? refusal()} />
          <Composer
            id="group-message"
            label="Message the group"
            placeholder="Write to the group…"
            value={draft()}
            onInput={(text) => {
              setDraft(text);
              reportTyping(text.trim() !== '');
            }}
            onBlur={() => reportTyping(false)}
            onSend={send}
            maxLength={MAX_GROUP_MESSAGE_CHARS}
            disabled={live.status() !== 'open'}
            hint={live.status() !== 'open' ? 'Sending resumes when the room is connected.' : undefined}
          />
        </section>

        <div class="stack room-side">
          <section class="card" aria-labelledby="online-title">
            <h2 id="online-title">Here now ({room().online.length})</h2>
            <Show when={room().online.length > 0} fallback={<p class="muted">Nobody is connected right now.</p>}>
              <ul class="presence" aria-live="polite">
                <For each={room().online}>
                  {(member) => (
                    <li>
                      <span class="dot up" aria-hidden="true" />
                      {member.name}
                      {member.userId === self() ? ' (you)' : ''}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        </div>
      </div>
      <PracticePanel
        groupId={props.id}
        room={room()}
        self={self()}
        onStarted={(practice) =>
          setRoom((current) => applyRoomMessage(current, { type: 'practice-set', practice }, Date.now()))
        }
      />
    </div>
  );
}

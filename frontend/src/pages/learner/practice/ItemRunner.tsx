/**
 * One item from served to graded, shared by practice and review: the prompt, the control
 * that fits its type, hints on request, Submit, then the feedback and "Next". Exactly-once:
 * each served item gets a client attempt id that a retry after a failed request reuses, so
 * the server counts the answer once however often it is sent; only "Try again" on a code
 * exercise (a new answer) takes a new id. Keyboard: Enter submits (then goes on), 1–9 pick
 * options, Ctrl/Cmd+Enter submits from anywhere, including the code editor. A study group's
 * room runs its shared set through here too: the answer then carries the group's id, so it is
 * graded and stored like any answer and the room tells every member.
 */
import { createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { api, ok } from '../../../api/client';
import { ApiRequestError, messageOf } from '../../../api/errors';
import { AnswerForm } from './AnswerControl';
import { Feedback, type AttemptResult } from './Feedback';
import { FormError } from '../../../ui/Form';
import { Markdown } from '../../../ui/MarkdownView';
import {
  buildResponse,
  emptyDraft,
  numberedChoices,
  pickByNumber,
  readItem,
  revealedAnswer,
  TYPE_LABELS,
  type Draft,
  type PracticeItem,
} from './items';
import { humanize } from './format';
import './practice.css';

/** The server accepts up to an hour of thinking time per answer. */
const MAX_ELAPSED_MS = 3_600_000;

function elapsedSince(startedAt: number, now: number): number {
  return Math.min(Math.max(Math.round(now - startedAt), 0), MAX_ELAPSED_MS);
}

export interface ItemRunnerProps {
  item: PracticeItem;
  mode: 'practice' | 'review';
  /** The course's language, for code without a fence language. */
  language: string;
  titleOf: (concept: string) => string;
  hintsEnabled: boolean;
  nextLabel: string;
  onNext: () => void;
  onAnswered?: (result: AttemptResult) => void;
  /** Move focus to the item when it appears (after "Next"), so keyboard and screen-reader users start there. */
  focusOnMount?: boolean;
  /** Makes attempt ids; tests pass their own. */
  newAttemptId?: () => string;
  /** Answering a study group's shared set: the group, and where this item stands in it. */
  group?: GroupPlace;
}

export interface GroupPlace {
  id: string;
  /** 1-based place of the item in the set. */
  position: number;
  total: number;
  /** I answered it before; answering again updates my tally in the room. */
  answeredBefore: boolean;
}

/** Answer shape errors from the API (400) name the field; show the most specific sentence. */
function submitMessage(error: unknown): string {
  if (error instanceof ApiRequestError) {
    const fields = error.fieldErrors;
    return fields['response.code'] ?? fields.response ?? error.message;
  }
  return messageOf(error);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.cm-editor, textarea, select, [contenteditable="true"]')) return true;
  return target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox';
}

export function ItemRunner(props: ItemRunnerProps): JSX.Element {
  const item = props.item;
  const view = readItem(item);
  const prefix = `item-${item.id.slice(0, 8)}`;
  const makeId = () => (props.newAttemptId ?? (() => crypto.randomUUID()))();

  const [draft, setDraft] = createSignal<Draft>(emptyDraft(view));
  const [attemptId, setAttemptId] = createSignal(makeId());
  const [hintsShown, setHintsShown] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [result, setResult] = createSignal<AttemptResult | null>(null);
  const [announcement, setAnnouncement] = createSignal('');
  let startedAt = Date.now();
  let feedbackHeading: HTMLHeadingElement | undefined;
  let article: HTMLElement | undefined;
  let title: HTMLHeadingElement | undefined;

  const announce = (message: string) => {
    // Clearing first makes a repeated message ("Option 1 selected") be read again.
    setAnnouncement('');
    queueMicrotask(() => setAnnouncement(message));
  };

  async function submit() {
    if (busy() || result()) return;
    const built = buildResponse(view, draft());
    if (!built.ok) {
      setProblem(built.message);
      return;
    }
    setProblem(null);
    setFailure(null);
    setBusy(true);
    try {
      const answer = await ok(
        api.POST('/api/attempts', {
          body: {
            itemId: item.id,
            attemptId: attemptId(),
            response: built.response,
            elapsedMs: elapsedSince(startedAt, Date.now()),
            hintsUsed: hintsShown(),
            mode: props.mode,
            groupId: props.group?.id,
          },
        }),
      );
      setResult(answer);
      props.onAnswered?.(answer);
      queueMicrotask(() => feedbackHeading?.focus());
    } catch (error) {
      // The attempt id stays: if the answer did reach the server, resending it replays the result.
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function tryAgain() {
    setResult(null);
    setAttemptId(makeId());
    startedAt = Date.now();
    announce('Edit your code and submit again.');
    queueMicrotask(() => article?.querySelector<HTMLElement>('.cm-content, textarea')?.focus());
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented || event.altKey) return;
    const target = event.target;
    if (event.key === 'Enter') {
      const modified = event.ctrlKey || event.metaKey;
      if (!modified && (isTyping(target) || (target instanceof HTMLElement && target.closest('button, a, summary')))) {
        return;
      }
      event.preventDefault();
      if (result()) props.onNext();
      else void submit();
      return;
    }
    if (event.ctrlKey || event.metaKey || isTyping(target) || result() || busy()) return;
    if (/^[1-9]$/.test(event.key)) {
      const picked = pickByNumber(view, draft(), Number(event.key));
      if (!picked) return;
      event.preventDefault();
      setDraft(picked.draft);
      announce(picked.announce);
    }
  }
  onMount(() => {
    document.addEventListener('keydown', onKeyDown);
    if (props.focusOnMount) title?.focus();
  });
  onCleanup(() => document.removeEventListener('keydown', onKeyDown));

  const graded = () => result() !== null;
  const correctIds = () => {
    const answer = result();
    if (!answer) return null;
    const shown = revealedAnswer(view, answer.answer);
    if (shown?.kind === 'choices') return shown.ids;
    if (view.type === 'true-false' && typeof answer.answer === 'boolean') return [String(answer.answer)];
    return [];
  };
  const choiceCount = numberedChoices(view).length;
  const hints = item.hints;

  return (
    <article
      class="practice-item"
      data-item-type={item.type}
      data-item-slug={item.slug}
      aria-labelledby={`${prefix}-title`}
      ref={(element) => (article = element)}
    >
      <header class="item-head row spread">
        {/* In the room the item sits under the panel's own headings. */}
        <Dynamic
          component={props.group ? 'h4' : 'h2'}
          id={`${prefix}-title`}
          class="item-title"
          tabindex="-1"
          ref={(element: HTMLHeadingElement) => (title = element)}
        >
          <Show when={props.group}>{(group) => `Question ${group().position} of ${group().total}: `}</Show>
          {TYPE_LABELS[view.type]}
        </Dynamic>
        <p class="row item-meta">
          <span class="badge">{props.titleOf(item.concept) || humanize(item.concept)}</span>
          <span class="badge">{item.difficulty}</span>
        </p>
      </header>
      <Show when={props.group?.answeredBefore && !graded()}>
        <p class="muted">You answered this one already; answering again updates your tally.</p>
      </Show>
      <AnswerForm
        prompt={item.prompt}
        view={view}
        draft={draft()}
        onDraft={setDraft}
        disabled={graded() || busy()}
        correct={correctIds()}
        idPrefix={prefix}
        language={props.language}
        announce={announce}
        onSubmit={() => void submit()}
      >
        <Show when={hints.length > 0 && props.hintsEnabled && (hintsShown() > 0 || !graded())}>
          <div class="hints">
            <Show when={hintsShown() > 0}>
              <ol class="hint-list" aria-label="Hints">
                <For each={hints.slice(0, hintsShown())}>
                  {(hint) => (
                    <li>
                      <Markdown text={hint} language={props.language} />
                    </li>
                  )}
                </For>
              </ol>
            </Show>
            <Show when={!graded() && hintsShown() < hints.length}>
              <button
                type="button"
                class="link"
                onClick={() => {
                  setHintsShown((n) => n + 1);
                  announce(`Hint ${hintsShown()} of ${hints.length} shown.`);
                }}
              >
                {hintsShown() === 0 ? 'Show a hint' : 'Show another hint'} ({hintsShown() + 1} of {hints.length})
              </button>
            </Show>
          </div>
        </Show>

        <FormError message={problem()} />
        <Show when={failure()}>
          <div class="error-state" role="alert">
            <p>{submitMessage(failure())}</p>
            <button type="button" onClick={() => void submit()}>
              Retry
            </button>
          </div>
        </Show>

        <Show when={!graded()}>
          <div class="row submit-row">
            <button type="submit" class="primary" disabled={busy() || view.type === 'unsupported'}>
              <Show when={busy()}>
                <span class="spinner" aria-hidden="true" />
              </Show>
              {busy() ? (view.type === 'code-exercise' ? 'Running the tests…' : 'Checking…') : 'Submit'}
            </button>
            <Show when={view.type === 'unsupported'}>
              <button type="button" onClick={() => props.onNext()}>
                Skip
              </button>
            </Show>
            <p class="hint">
              {choiceCount > 0 ? `Keys 1–${choiceCount} pick an option. ` : ''}
              {view.type === 'code-exercise' || view.type === 'predict-output'
                ? 'Ctrl+Enter submits.'
                : 'Enter submits.'}
            </p>
          </div>
        </Show>
      </AnswerForm>

      <Show when={result()}>
        {(answer) => (
          <>
            <Feedback
              result={answer()}
              view={view}
              idPrefix={prefix}
              course={item.course}
              language={props.language}
              conceptTitle={props.titleOf(answer().mastery.concept) || humanize(answer().mastery.concept)}
              titleOf={(slug) => props.titleOf(slug) || humanize(slug)}
              ref={(heading) => (feedbackHeading = heading)}
            />
            <div class="row next-row">
              <button type="button" class="primary" onClick={() => props.onNext()}>
                {props.nextLabel}
              </button>
              <Show when={view.type === 'code-exercise' && !answer().correct}>
                <button type="button" onClick={tryAgain}>
                  Try again
                </button>
              </Show>
            </div>
          </>
        )}
      </Show>

      <p class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement()}
      </p>
    </article>
  );
}

/**
 * What an answer earned, shown the moment it is graded: right or wrong, the evaluator's
 * points, the tests of a code exercise, the correct answer, the explanation, the mastery
 * change as a bar, XP, streak, achievements and unlocked concepts, when the item comes
 * back for review, and "Why is my answer wrong?" answered by the tutor team.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Match, onMount, Show, Switch, type JSX } from 'solid-js';
import { api, ok, type Schemas } from '../../../api/client';
import { ErrorState } from '../../../ui/Load';
import { CodeBlock } from './CodeBlock';
import { dueWhen, levelLabel, masteryDelta, percent, type MasteryChange } from './format';
import { InlineMarkdown, Markdown } from '../../../ui/MarkdownView';
import { revealedAnswer, type ItemView } from './items';
import { TestResults } from './TestResults';

export type AttemptResult = Schemas['AttemptResult'];

/** Mastery before → after: the numbers in words, and a bar that grows (or shrinks) from before to after. */
export function MasteryBar(props: { change: MasteryChange; title: string }): JSX.Element {
  const [shown, setShown] = createSignal(props.change.before);
  onMount(() => requestAnimationFrame(() => setShown(props.change.after)));
  const direction = () =>
    props.change.after > props.change.before ? 'up' : props.change.after < props.change.before ? 'down' : 'same';
  const width = (probability: number) => `${Math.round(Math.min(Math.max(probability, 0), 1) * 1000) / 10}%`;
  return (
    <div class="mastery">
      <p class="mastery-text">
        <strong>{props.title}</strong>{' '}
        <span class="mastery-numbers">
          {percent(props.change.before)}
          <span aria-hidden="true"> → </span>
          <span class="visually-hidden"> to </span>
          {percent(props.change.after)}
        </span>{' '}
        <span class="badge" classList={{ up: direction() === 'up', down: direction() === 'down' }}>
          {masteryDelta(props.change)}
        </span>{' '}
        <span class="muted">
          {props.change.levelBefore === props.change.levelAfter
            ? levelLabel(props.change.levelAfter)
            : `${levelLabel(props.change.levelBefore)} → ${levelLabel(props.change.levelAfter)}`}
        </span>
      </p>
      <div class={`mastery-bar ${direction()}`} aria-hidden="true">
        <span class="mastery-fill" style={{ width: width(shown()) }} />
        <span class="mastery-before" style={{ left: width(props.change.before) }} />
      </div>
    </div>
  );
}

type Reply = Schemas['AgentReply'];
type WhyState =
  { status: 'idle' } | { status: 'loading' } | { status: 'done'; reply: Reply } | { status: 'error'; error: unknown };

function replyLink(link: Reply['links'][number]): string | null {
  switch (link.kind) {
    case 'lesson':
      return link.slug ? `/courses/${link.course}/lessons/${link.slug}` : null;
    case 'concept':
      return link.slug ? `/courses/${link.course}/practice?concept=${encodeURIComponent(link.slug)}` : null;
    case 'reviews':
      return '/review';
    default:
      return null;
  }
}

/** "Why is my answer wrong?": the evaluator's account of this answer, through the tutor chat. */
function WhyWrong(props: { course: string; language: string }): JSX.Element {
  const [state, setState] = createSignal<WhyState>({ status: 'idle' });
  async function ask() {
    setState({ status: 'loading' });
    try {
      const answer = await ok(
        api.POST('/api/agents/chat', { body: { text: 'Why is my answer wrong?', course: props.course } }),
      );
      setState({ status: 'done', reply: answer.reply });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }
  return (
    <div class="why-wrong">
      <Show when={state().status === 'idle'}>
        <button type="button" onClick={() => void ask()}>
          Why is my answer wrong?
        </button>
      </Show>
      <div aria-live="polite">
        <Switch>
          <Match when={state().status === 'loading'}>
            <p class="loading">
              <span class="spinner" aria-hidden="true" /> Asking the tutor…
            </p>
          </Match>
          <Match when={state().status === 'error' && (state() as { error: unknown }).error}>
            {(error) => <ErrorState error={error()} retry={() => void ask()} />}
          </Match>
          <Match when={state().status === 'done' && (state() as { reply: Reply }).reply}>
            {(reply) => (
              <div class="tutor-reply">
                <h3>The tutor says</h3>
                <Markdown text={reply().text} language={props.language} />
                <Show when={reply().links.some((link) => replyLink(link))}>
                  <ul class="row plain-list">
                    <For each={reply().links}>
                      {(link) => (
                        <Show when={replyLink(link)}>
                          {(href) => (
                            <li>
                              <A href={href()}>{link.title}</A>
                            </li>
                          )}
                        </Show>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
            )}
          </Match>
        </Switch>
      </div>
    </div>
  );
}

export interface FeedbackProps {
  result: AttemptResult;
  view: ItemView;
  idPrefix: string;
  course: string;
  language: string;
  conceptTitle: string;
  /** Concept titles for "unlocked" lists. */
  titleOf: (slug: string) => string;
  ref?: (heading: HTMLHeadingElement) => void;
}

export function Feedback(props: FeedbackProps): JSX.Element {
  const revealed = () => revealedAnswer(props.view, props.result.answer);
  const headingId = () => `${props.idPrefix}-feedback`;
  const xp = () => props.result.xp;
  return (
    <section
      class="feedback card"
      classList={{ correct: props.result.correct, incorrect: !props.result.correct }}
      aria-labelledby={headingId()}
    >
      <h2 id={headingId()} tabindex="-1" ref={props.ref}>
        <span aria-hidden="true">{props.result.correct ? '✓ ' : '✗ '}</span>
        {props.result.correct ? 'Correct!' : 'Not quite'}
      </h2>
      <Show when={props.result.replayed}>
        <p class="muted">This answer had already been recorded; here is its result.</p>
      </Show>
      {/* A code exercise's points restate its tests, which are listed in full just below. */}
      <Show when={props.result.feedback.length > 0 && !props.result.evaluation}>
        <ul class="feedback-points">
          <For each={props.result.feedback}>
            {(point) => (
              <li>
                <InlineMarkdown text={point} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.result.evaluation}>
        {(evaluation) => <TestResults evaluation={evaluation()} idPrefix={props.idPrefix} />}
      </Show>
      <Show when={revealed()}>
        {(shown) => (
          <Switch>
            <Match when={shown().kind === 'solution' && (shown() as { code: string }).code}>
              {(code) => (
                <details class="solution">
                  <summary>Show the reference solution</summary>
                  <CodeBlock code={code()} language={props.language} />
                </details>
              )}
            </Match>
            <Match when={props.result.correct}>{null}</Match>
            <Match when={shown().kind === 'choices' && (shown() as { texts: string[] }).texts}>
              {(texts) => (
                <div class="revealed">
                  <h3>{texts().length === 1 ? 'The correct answer' : 'The correct answers'}</h3>
                  <ul>
                    <For each={texts()}>
                      {(text) => (
                        <li>
                          <InlineMarkdown text={text} />
                        </li>
                      )}
                    </For>
                  </ul>
                </div>
              )}
            </Match>
            <Match when={shown().kind === 'text' && (shown() as { text: string }).text}>
              {(text) => (
                <div class="revealed">
                  <h3>The correct answer</h3>
                  <p>
                    <strong>{text()}</strong>
                  </p>
                </div>
              )}
            </Match>
            <Match when={shown().kind === 'code' && (shown() as { title: string; code: string })}>
              {(code) => (
                <div class="revealed">
                  <h3>{code().title}</h3>
                  <CodeBlock
                    code={code().code}
                    language={code().title === 'The program prints' ? '' : props.language}
                  />
                </div>
              )}
            </Match>
          </Switch>
        )}
      </Show>
      <div class="explanation">
        <h3>Explanation</h3>
        <Markdown text={props.result.explanation} language={props.language} />
      </div>
      <MasteryBar change={props.result.mastery} title={props.conceptTitle} />
      <ul class="rewards plain-list">
        <li>
          <span class="badge" classList={{ up: xp().gained > 0 }}>
            +{xp().gained} XP
          </span>
        </li>
        <li>
          Today: {xp().today} / {xp().dailyGoal} XP
        </li>
        <Show when={props.result.streak.current > 0}>
          <li>
            Streak: {props.result.streak.current} {props.result.streak.current === 1 ? 'day' : 'days'}
          </li>
        </Show>
        <li class="muted">Comes back for review {dueWhen(new Date(props.result.review.due), new Date())}</li>
      </ul>
      <Show when={props.result.achievements.length > 0}>
        <div class="achievements success">
          <h3>Achievement unlocked</h3>
          <ul>
            <For each={props.result.achievements}>
              {(achievement) => (
                <li>
                  <strong>{achievement.title}</strong> — {achievement.description}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={props.result.unlockedConcepts.length > 0}>
        <p class="notice">
          Unlocked: {props.result.unlockedConcepts.map((slug) => props.titleOf(slug)).join(', ')}. You can practise{' '}
          {props.result.unlockedConcepts.length === 1 ? 'it' : 'them'} now.
        </p>
      </Show>
      <Show when={!props.result.correct}>
        <WhyWrong course={props.course} language={props.language} />
      </Show>
    </section>
  );
}

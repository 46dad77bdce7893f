/**
 * A code exercise's hidden tests as they ran (the Exercism-style `evaluation`): a headline
 * tally, why the run stopped when it could not finish, then each test with its outcome in
 * words, the failure message and any console output it wrote.
 */
import { For, Show, type JSX } from 'solid-js';
import { limitAdvice, testTally, type Evaluation } from './format';

const STATUS_WORDS = { pass: 'Passed', fail: 'Failed', error: 'Error' } as const;
const STATUS_ICONS = { pass: '✓', fail: '✗', error: '!' } as const;

export function TestResults(props: { evaluation: Evaluation; idPrefix: string }): JSX.Element {
  const tally = () => testTally(props.evaluation);
  const headingId = () => `${props.idPrefix}-tests`;
  return (
    <section class="test-results" aria-labelledby={headingId()}>
      <h3 id={headingId()}>Test results</h3>
      <p
        class="test-tally"
        classList={{ up: props.evaluation.status === 'pass', down: props.evaluation.status !== 'pass' }}
      >
        {tally().summary}
      </p>
      <Show when={props.evaluation.status === 'error' && props.evaluation.message}>
        {(message) => (
          <div class="test-error">
            <p>The run stopped before the tests could finish:</p>
            <pre>{message()}</pre>
          </div>
        )}
      </Show>
      <Show when={limitAdvice(props.evaluation.limit)}>{(advice) => <p class="notice">{advice()}</p>}</Show>
      <Show when={props.evaluation.tests.length > 0}>
        <ul class="tests">
          <For each={props.evaluation.tests}>
            {(test) => (
              <li class={`test ${test.status}`}>
                <p class="test-head">
                  <span class="test-icon" aria-hidden="true">
                    {STATUS_ICONS[test.status]}
                  </span>
                  <span class="test-status">{STATUS_WORDS[test.status]}</span>
                  <span class="test-name">{test.name}</span>
                </p>
                <Show when={test.message}>{(message) => <pre class="test-message">{message()}</pre>}</Show>
                <Show when={test.output}>
                  {(output) => (
                    <div class="test-output">
                      <p class="hint">Console output</p>
                      <pre>{output()}</pre>
                    </div>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/**
 * Answering the group's shared practice set inside the room: the set's items as a learner
 * answers them (GET /api/groups/{id}/practice), where to start, and a step list to move
 * between them. Each item runs in the practice screen's ItemRunner with the group's id, so
 * the answer is graded and stored like any answer and the room tells every member. Loaded on
 * demand: it brings the practice screen's item controls.
 */
import { createResource, createSignal, For, Show, untrack, type JSX } from 'solid-js';
import { api, ok } from '../../../api/client';
import { useSession } from '../../../app/session';
import { Load } from '../../../ui/Load';
import { createCourseDirectory } from '../practice/course-info';
import { ItemRunner } from '../practice/ItemRunner';
import { preloadMarkdown } from '../../../ui/MarkdownView';
import { firstOpen } from './room-state';

export interface GroupPracticeRunnerProps {
  groupId: string;
  /** My answers so far: item id → right or not (from the room's progress). */
  mine: Record<string, boolean>;
  onClose: () => void;
}

export default function GroupPracticeRunner(props: GroupPracticeRunnerProps): JSX.Element {
  // Items are Markdown: the renderer loads while the set is on its way.
  preloadMarkdown();
  const [set, { refetch }] = createResource(
    () => props.groupId,
    (id) => ok(api.GET('/api/groups/{id}/practice', { params: { path: { id } } })),
  );
  const courses = createCourseDirectory();
  const session = useSession();
  const [chosen, setChosen] = createSignal<number | null>(null);

  return (
    <section class="card group-runner" aria-labelledby="group-runner-title">
      <div class="row spread">
        <h3 id="group-runner-title">Answer the set</h3>
        <button type="button" onClick={() => props.onClose()}>
          Close
        </button>
      </div>
      <Load
        data={set}
        retry={() => void refetch()}
        loading="Loading the questions…"
        isEmpty={(value) => value.items.length === 0}
        empty={<p>The questions of this set are no longer available. Start a new set.</p>}
      >
        {(value) => {
          // Where to start is decided once: my answers coming back must not move me off the feedback.
          const start = untrack(() => firstOpen(value.items, props.mine));
          const index = () => chosen() ?? start;
          const item = () => value.items[index()];
          return (
            <div class="stack">
              <nav aria-label="Questions of the set">
                <ol class="runner-steps">
                  <For each={value.items}>
                    {(step, position) => (
                      <li>
                        <button
                          type="button"
                          aria-current={position() === index() ? 'step' : undefined}
                          classList={{ right: props.mine[step.id] === true, wrong: props.mine[step.id] === false }}
                          onClick={() => setChosen(position())}
                        >
                          {position() + 1}
                          <span class="visually-hidden">
                            {step.id in props.mine
                              ? props.mine[step.id]
                                ? ', answered right'
                                : ', answered wrong'
                              : ''}
                          </span>
                        </button>
                      </li>
                    )}
                  </For>
                </ol>
              </nav>
              <Show when={item()} keyed>
                {(current) => (
                  <ItemRunner
                    item={current}
                    mode="practice"
                    group={{
                      id: props.groupId,
                      position: index() + 1,
                      total: value.items.length,
                      answeredBefore: current.id in props.mine,
                    }}
                    language={courses.language(current.course)}
                    titleOf={(concept) => courses.conceptTitle(current.course, concept)}
                    hintsEnabled={session.account.latest?.preferences.hintsEnabled ?? true}
                    nextLabel="Next question"
                    focusOnMount
                    onNext={() => setChosen((index() + 1) % value.items.length)}
                  />
                )}
              </Show>
            </div>
          );
        }}
      </Load>
    </section>
  );
}

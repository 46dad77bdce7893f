/**
 * Editing one practice item (or writing a new one): a form for its type (prompt, options
 * with the correct ones marked, accepted answers, code, blanks, lines, tests…), the
 * learner's view of it beside the form, and saving through the content API, whose 400s
 * land on the same fields as the form's own checks (item-draft.ts).
 */
import { createMemo, createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { api, ok, type Schemas } from '../../../api/client';
import { createEditorDraft, EditorForm, IdField, type EditorProps } from './EditorForm';
import {
  draftProblems,
  emptyDraft,
  fromDraft,
  ITEM_TYPES,
  sameItem,
  toDraft,
  type Difficulty,
  type ItemDraft,
  type ItemType,
} from './item-draft';
import { ItemPreview } from './ItemPreview';
import { DraftTextField, TypeFields, type TypeFieldsProps } from './ItemTypeFields';

export type AuthoringItem = Schemas['AuthoringItem'];

export type ItemEditorProps = EditorProps<AuthoringItem>;

const DIFFICULTIES: Difficulty[] = ['easy', 'medium', 'hard'];

const typeLabel = (type: ItemType) => ITEM_TYPES.find((entry) => entry.type === type)?.label ?? type;

export function ItemEditor(props: ItemEditorProps): JSX.Element {
  const uid = createUniqueId();
  const startDraft = () =>
    props.initial ? toDraft(props.initial.fields) : emptyDraft('multiple-choice', props.language);
  const [draft, setDraft] = createStore<ItemDraft>(startDraft());
  const [saved, setSaved] = createSignal<ItemDraft>(startDraft());
  const [answers, setAnswers] = createSignal(props.initial?.answers ?? 0);
  const fields = createMemo(() => fromDraft(draft));

  const editor = createEditorDraft(props, {
    changed: () => !sameItem(draft, saved()),
    problems: () => draftProblems(unwrap(draft)),
    send: (slug) =>
      props.initial
        ? ok(
            api.PUT('/api/content/courses/{course}/items/{item}', {
              params: { path: { course: props.course, item: props.initial.slug } },
              body: fields(),
            }),
          )
        : ok(
            api.POST('/api/content/courses/{course}/concepts/{concept}/items', {
              params: { path: { course: props.course, concept: props.concept } },
              body: { ...fields(), slug },
            }),
          ),
    stored: (item) => {
      const stored = toDraft(item.fields);
      setSaved(stored);
      setDraft(reconcile(structuredClone(stored)));
      setAnswers(item.answers);
    },
    savedNote: 'The next learner to meet it gets this version.',
  });
  const { creating, form } = editor;

  const bind: TypeFieldsProps = {
    draft,
    edit: setDraft,
    errorAt: (path) =>
      form.error(path) ??
      Object.entries(form.fieldErrors()).find(([key]) => key.startsWith(`${path}.`) && !/\.\d+\.\w+$/.test(key))?.[1],
    error: form.error,
    id: (name) => `${uid}-${name}`,
  };
  const { edit, id } = bind;

  function changeType(type: ItemType) {
    const fresh = emptyDraft(type, props.language);
    setDraft(
      reconcile({
        ...fresh,
        prompt: draft.prompt,
        explanation: draft.explanation,
        hints: draft.hints,
        difficulty: draft.difficulty,
      }),
    );
  }

  return (
    <EditorForm
      draft={editor}
      heading={creating ? 'New item' : `Item: ${props.initial?.slug ?? ''}`}
      submitLabel={creating ? 'Create item' : 'Save item'}
      busyLabel={draft.type === 'code-exercise' ? 'Running the tests…' : 'Saving…'}
    >
      <Show when={!creating}>
        <p class="muted">
          {typeLabel(draft.type)} (an item's type stays: learners answered it as one).{' '}
          {answers() === 0
            ? 'Nobody has answered it yet.'
            : `Answered ${answers()} ${answers() === 1 ? 'time' : 'times'}: those answers keep their grades; a change applies from the next answer.`}
        </p>
      </Show>
      <div class="split">
        <div class="stack">
          <IdField
            draft={editor}
            id={id('slug')}
            hint="Lower-case words joined by hyphens; it never changes once the item exists."
          />
          <Show when={creating}>
            <div class="field">
              <label for={id('type')}>Type</label>
              <select
                id={id('type')}
                value={draft.type}
                onChange={(event) => changeType(event.currentTarget.value as ItemType)}
              >
                <For each={ITEM_TYPES}>{(entry) => <option value={entry.type}>{entry.label}</option>}</For>
              </select>
            </div>
          </Show>
          <div class="field">
            <label for={id('difficulty')}>Difficulty</label>
            <select
              id={id('difficulty')}
              value={draft.difficulty}
              onChange={(event) => edit('difficulty', event.currentTarget.value as Difficulty)}
            >
              <For each={DIFFICULTIES}>{(level) => <option value={level}>{level}</option>}</For>
            </select>
          </div>
          <DraftTextField bind={bind} name="prompt" label="Prompt (Markdown)" rows={5} />
          <TypeFields {...bind} />
          <DraftTextField bind={bind} name="hints" label="Hints" hint="One per line, weakest first." rows={3} />
          <DraftTextField
            bind={bind}
            name="explanation"
            label="Explanation (Markdown)"
            hint="Shown after answering: why the answer is what it is."
            rows={4}
          />
        </div>
        <section class="preview card" aria-labelledby={id('preview-heading')} tabindex="0">
          <h3 id={id('preview-heading')}>Learner view</h3>
          <ItemPreview fields={fields()} language={props.language} />
        </section>
      </div>
    </EditorForm>
  );
}

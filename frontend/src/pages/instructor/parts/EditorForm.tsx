/**
 * What the lesson and the item editor share: a new one's id, saving it (a POST when new, a
 * PUT otherwise) after the form's own checks, the "Saved at …" line, the unsaved-changes
 * badge, and telling the page whether anything is unsaved (its leave warning, unsaved.ts).
 */
import { createEffect, createMemo, createSignal, onCleanup, Show, type JSX } from 'solid-js';
import { Field } from '../../../ui/Field';
import { FormError, SubmitButton } from '../../../ui/Form';
import { createFormState } from '../../../ui/form-state';
import { slugProblem } from './item-draft';

/** The props of an editor of `T` (a lesson or an item) in one concept of a course. */
export interface EditorProps<T> {
  course: string;
  concept: string;
  language: string;
  /** The one to edit, or null to write a new one in `concept`. */
  initial: T | null;
  onSaved: (saved: T, created: boolean) => void;
  onDirty: (dirty: boolean) => void;
}

export interface EditorDraftOptions<T> {
  /** Whether the fields differ from the stored version (a typed id counts on its own). */
  changed: () => boolean;
  /** The form's own checks, keyed like the API's field errors (the id's are added here). */
  problems: () => Record<string, string>;
  /** Sends the form: a create with `slug` when `initial` is null, else an update. */
  send: (slug: string) => Promise<T>;
  /** Takes the stored version as the form's new starting point. */
  stored: (saved: T) => void;
  /** What the save means for learners, said after "Saved at …". */
  savedNote: string;
}

export type EditorDraft = ReturnType<typeof createEditorDraft>;

export function createEditorDraft<T extends { updatedAt: string }>(
  props: EditorProps<T>,
  options: EditorDraftOptions<T>,
) {
  const creating = props.initial === null;
  const form = createFormState();
  const [slug, setSlug] = createSignal('');
  const [status, setStatus] = createSignal('');
  const dirty = createMemo(() => options.changed() || slug() !== '');
  createEffect(() => props.onDirty(dirty()));
  onCleanup(() => props.onDirty(false));

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setStatus('');
    const problems = options.problems();
    const slugError = creating ? slugProblem(slug()) : undefined;
    if (slugError) problems.slug = slugError;
    await form.submit(async () => {
      const saved = await options.send(slug());
      options.stored(saved);
      setSlug('');
      setStatus(`Saved at ${new Date(saved.updatedAt).toLocaleTimeString()}. ${options.savedNote}`);
      props.onSaved(saved, creating);
    }, problems);
  }

  return { creating, form, slug, setSlug, status, setStatus, dirty, save };
}

/** The id a new one is saved under (nothing while editing a stored one). */
export function IdField(props: { draft: EditorDraft; id: string; hint: string }): JSX.Element {
  return (
    <Show when={props.draft.creating}>
      <Field
        id={props.id}
        label="Id"
        value={props.draft.slug()}
        onInput={(event) => props.draft.setSlug(event.currentTarget.value)}
        error={props.draft.form.error('slug')}
        hint={props.hint}
        autocomplete="off"
        spellcheck={false}
      />
    </Show>
  );
}

/** The editor's form: its heading and error, the fields (children), then the save row. */
export function EditorForm(props: {
  draft: EditorDraft;
  heading: string;
  submitLabel: string;
  busyLabel: string;
  children: JSX.Element;
}): JSX.Element {
  const form = () => props.draft.form;
  return (
    <form
      class="stack editor"
      onSubmit={(event) => void props.draft.save(event)}
      onInput={() => props.draft.setStatus('')}
      novalidate
      aria-labelledby="editor-heading"
    >
      <h2 id="editor-heading">{props.heading}</h2>
      <FormError message={form().formError()} />
      {props.children}
      <div class="row save-row">
        <SubmitButton busy={form().busy()} busyLabel={props.busyLabel}>
          {props.submitLabel}
        </SubmitButton>
        <Show when={props.draft.dirty() && !form().busy()}>
          <span class="badge">Unsaved changes</span>
        </Show>
        <p class="success-text" role="status" aria-live="polite">
          {props.draft.status()}
        </p>
      </div>
    </form>
  );
}

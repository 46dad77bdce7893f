/**
 * The part of the item form only an item of one type has: options with the correct ones
 * marked, the true/false key, accepted answers, fill-in code and its blanks, code and its
 * output, parsons lines, and a code exercise's starter, tests and (wrong) solutions.
 */
import { For, Show, splitProps, type JSX } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { Field } from '../../../ui/Field';
import { newOptionId, syncBlanks, type ItemDraft } from './item-draft';
import { TextField, type TextFieldProps } from './TextField';

/** The draft being edited, how to change it, its errors and the form's element ids. */
export interface TypeFieldsProps {
  draft: ItemDraft;
  edit: SetStoreFunction<ItemDraft>;
  /** A field's error, or the first error inside it (a list's entries: "hints.0"). */
  errorAt: (path: string) => string | undefined;
  error: (path: string) => string | undefined;
  id: (name: string) => string;
}

/** The draft's fields that hold plain text (lists as one entry per line). */
type TextKey = { [K in keyof ItemDraft]: string extends ItemDraft[K] ? K : never }[keyof ItemDraft];

/** A textarea bound to one text field of the draft: its value, its edits and its errors. */
export function DraftTextField(
  props: Omit<TextFieldProps, 'id' | 'value' | 'onInput' | 'error'> & { bind: TypeFieldsProps; name: TextKey },
): JSX.Element {
  const [own, area] = splitProps(props, ['bind', 'name']);
  return (
    <TextField
      id={own.bind.id(own.name)}
      value={own.bind.draft[own.name]}
      onInput={(event) => own.bind.edit(own.name, event.currentTarget.value)}
      error={own.bind.errorAt(own.name)}
      {...area}
    />
  );
}

/** The fields only an item of this type has. */
export function TypeFields(props: TypeFieldsProps): JSX.Element {
  const { draft, edit, id } = props;
  return (
    <>
      <Show when={draft.type === 'multiple-choice' || draft.type === 'multi-select'}>
        <OptionsFields {...props} />
      </Show>
      <Show when={draft.type === 'true-false'}>
        <fieldset class="field">
          <legend>The statement is</legend>
          <div class="row">
            <label>
              <input type="radio" name={id('truth')} checked={draft.answer} onChange={() => edit('answer', true)} />{' '}
              True
            </label>
            <label>
              <input type="radio" name={id('truth')} checked={!draft.answer} onChange={() => edit('answer', false)} />{' '}
              False
            </label>
          </div>
        </fieldset>
      </Show>
      <Show when={draft.type === 'short-answer'}>
        <DraftTextField
          bind={props}
          name="accepted"
          label="Accepted answers"
          hint="One per line. Case and extra spaces are ignored when grading."
          rows={3}
        />
      </Show>
      <Show when={draft.type === 'fill-blanks'}>
        <TextField
          id={id('code')}
          label="Code"
          code
          rows={8}
          hint="Write {{id}} where each blank goes, e.g. {{keyword}}; a field for its answers appears below."
          value={draft.code}
          onInput={(event) => {
            const code = event.currentTarget.value;
            edit('code', code);
            edit('blanks', syncBlanks(code, draft.blanks));
          }}
          error={props.error('code')}
        />
        <For each={draft.blanks}>
          {(blank, index) => (
            <TextField
              id={id(`blank-${blank.id}`)}
              label={`Accepted answers for {{${blank.id}}}`}
              hint="One per line. Spacing is ignored; case counts (it is code)."
              code
              rows={2}
              value={blank.accepted}
              onInput={(event) => edit('blanks', index(), 'accepted', event.currentTarget.value)}
              error={props.errorAt(`blanks.${index()}.accepted`) ?? props.errorAt(`blanks.${index()}`)}
            />
          )}
        </For>
        <Show when={props.errorAt('blanks')}>
          <p class="field-error">{props.errorAt('blanks')}</p>
        </Show>
      </Show>
      <Show when={draft.type === 'predict-output'}>
        <DraftTextField bind={props} name="code" label="Code" code rows={8} />
        <DraftTextField
          bind={props}
          name="output"
          label="Expected output"
          code
          rows={4}
          hint="Trailing spaces and blank lines at the end are ignored when grading."
        />
      </Show>
      <Show when={draft.type === 'parsons'}>
        <DraftTextField
          bind={props}
          name="lines"
          label="Lines, in their correct order"
          code
          rows={8}
          hint="One per line, indentation kept. Learners get them (with the distractors) in a fixed scrambled order."
        />
        <DraftTextField
          bind={props}
          name="distractors"
          label="Distractors"
          code
          rows={3}
          hint="Lines that do not belong, one per line (optional)."
        />
      </Show>
      <Show when={draft.type === 'code-exercise'}>
        <CodeExerciseFields {...props} />
      </Show>
    </>
  );
}

function OptionsFields(props: TypeFieldsProps): JSX.Element {
  const { draft, edit, id } = props;
  const single = () => draft.type === 'multiple-choice';
  const markCorrect = (index: number, checked: boolean) => {
    if (single()) edit('options', (options) => options.map((option, at) => ({ ...option, correct: at === index })));
    else edit('options', index, 'correct', checked);
  };
  return (
    <fieldset class="field options" aria-describedby={props.error('options') ? id('options-error') : undefined}>
      <legend>Options {single() ? '(mark the correct one)' : '(mark every correct one)'}</legend>
      <Show when={props.error('options')}>
        <p class="field-error" id={id('options-error')}>
          {props.error('options')}
        </p>
      </Show>
      <For each={draft.options}>
        {(option, index) => (
          <div class="option-row">
            <label class="correct-toggle">
              <input
                type={single() ? 'radio' : 'checkbox'}
                name={id('correct')}
                checked={option.correct}
                onChange={(event) => markCorrect(index(), event.currentTarget.checked)}
              />
              Correct<span class="visually-hidden"> (option {index() + 1})</span>
            </label>
            <Field
              id={id(`option-${index()}`)}
              label={`Option ${index() + 1}`}
              value={option.text}
              onInput={(event) => edit('options', index(), 'text', event.currentTarget.value)}
              error={props.error(`options.${index()}.text`) ?? props.error(`options.${index()}.id`)}
              hint={`id: ${option.id}`}
            />
            <button
              type="button"
              class="link"
              disabled={draft.options.length <= 2}
              onClick={() => edit('options', (options) => options.filter((_, at) => at !== index()))}
            >
              Remove<span class="visually-hidden"> option {index() + 1}</span>
            </button>
          </div>
        )}
      </For>
      <button
        type="button"
        disabled={draft.options.length >= (single() ? 8 : 10)}
        onClick={() =>
          edit('options', (options) => [...options, { id: newOptionId(options), text: '', correct: false }])
        }
      >
        Add option
      </button>
    </fieldset>
  );
}

function CodeExerciseFields(props: TypeFieldsProps): JSX.Element {
  const { draft, edit, id } = props;
  return (
    <>
      <Field
        id={id('language')}
        label="Language"
        value={draft.language}
        onInput={(event) => edit('language', event.currentTarget.value)}
        error={props.error('language')}
        hint="Exercises are graded in javascript."
      />
      <DraftTextField bind={props} name="starter" label="Starter code" code rows={6} />
      <DraftTextField
        bind={props}
        name="tests"
        label="Hidden tests"
        code
        rows={10}
        hint="test('name', () => { expect(…).toBe(…); }) — never shown to learners."
      />
      <DraftTextField
        bind={props}
        name="solution"
        label="Reference solution"
        code
        rows={8}
        hint="Must pass every test; saving runs it."
      />
      <fieldset class="field">
        <legend>Wrong solutions (each must fail a test)</legend>
        <Show when={props.error('wrongSolutions')}>
          <p class="field-error">{props.error('wrongSolutions')}</p>
        </Show>
        <For each={draft.wrongSolutions}>
          {(wrong, index) => (
            <div class="card stack wrong-solution">
              <Field
                id={id(`wrong-why-${index()}`)}
                label={`Mistake ${index() + 1}`}
                value={wrong.why}
                onInput={(event) => edit('wrongSolutions', index(), 'why', event.currentTarget.value)}
                error={props.error(`wrongSolutions.${index()}.why`)}
              />
              <TextField
                id={id(`wrong-code-${index()}`)}
                label={`Code of mistake ${index() + 1}`}
                code
                rows={6}
                value={wrong.code}
                onInput={(event) => edit('wrongSolutions', index(), 'code', event.currentTarget.value)}
                error={props.error(`wrongSolutions.${index()}.code`)}
              />
              <button
                type="button"
                class="link"
                disabled={draft.wrongSolutions.length <= 1}
                onClick={() => edit('wrongSolutions', (list) => list.filter((_, at) => at !== index()))}
              >
                Remove<span class="visually-hidden"> mistake {index() + 1}</span>
              </button>
            </div>
          )}
        </For>
        <button type="button" onClick={() => edit('wrongSolutions', (list) => [...list, { why: '', code: '' }])}>
          Add a wrong solution
        </button>
      </fieldset>
    </>
  );
}

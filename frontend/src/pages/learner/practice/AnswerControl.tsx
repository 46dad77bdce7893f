/**
 * The control that fits an item's type: radios, checkboxes, True/False, a text field, an
 * output box under the program, blanks inside the code, Parsons lines, or the code editor.
 * The item's view never changes while it is on screen, so the type is chosen once; the
 * draft it edits is the runner's.
 */
import { splitProps, type JSX } from 'solid-js';
import { Markdown } from '../../../ui/MarkdownView';
import { ChoiceItem, TRUE_FALSE } from './ChoiceItem';
import { CodeBlock } from './CodeBlock';
import { CodeEditor } from './CodeEditor';
import { FillBlanks } from './FillBlanks';
import { Parsons } from './Parsons';
import type { Draft, ItemView } from './items';

export interface AnswerControlProps {
  view: ItemView;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  disabled: boolean;
  /** After grading, for choice items: the correct option ids. */
  correct: readonly string[] | null;
  idPrefix: string;
  language: string;
  announce: (message: string) => void;
  onSubmit: () => void;
}

/**
 * An item's prompt and the form around its control, as the practice and the group runners
 * show them: the form is labelled by the item's title (`<idPrefix>-title`, the runner's
 * heading) and described by the prompt; the children (hints, problems, the submit button)
 * go inside the form, after the control.
 */
export function AnswerForm(props: AnswerControlProps & { prompt: string; children: JSX.Element }): JSX.Element {
  const [own, control] = splitProps(props, ['prompt', 'children']);
  return (
    <>
      <Markdown id={`${props.idPrefix}-prompt`} class="prompt" text={own.prompt} language={props.language} />
      <form
        class="answer"
        aria-labelledby={`${props.idPrefix}-title`}
        aria-describedby={`${props.idPrefix}-prompt`}
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        <AnswerControl {...control} />
        {own.children}
      </form>
    </>
  );
}

export function AnswerControl(props: AnswerControlProps): JSX.Element {
  const view = props.view;
  const prefix = props.idPrefix;
  switch (view.type) {
    case 'multiple-choice':
      return (
        <ChoiceItem
          name={`${prefix}-choice`}
          kind="single"
          options={view.options}
          chosen={props.draft.type === 'multiple-choice' && props.draft.choice ? [props.draft.choice] : []}
          onChange={(chosen) => props.onDraft({ type: 'multiple-choice', choice: chosen[0] ?? null })}
          disabled={props.disabled}
          correct={props.correct}
        />
      );
    case 'multi-select':
      return (
        <ChoiceItem
          name={`${prefix}-choice`}
          kind="multiple"
          options={view.options}
          chosen={props.draft.type === 'multi-select' ? props.draft.chosen : []}
          onChange={(chosen) => props.onDraft({ type: 'multi-select', chosen })}
          disabled={props.disabled}
          correct={props.correct}
        />
      );
    case 'true-false':
      return (
        <ChoiceItem
          name={`${prefix}-tf`}
          kind="single"
          options={TRUE_FALSE}
          markdown={false}
          chosen={props.draft.type === 'true-false' && props.draft.value !== null ? [String(props.draft.value)] : []}
          onChange={(chosen) => props.onDraft({ type: 'true-false', value: chosen[0] === 'true' })}
          disabled={props.disabled}
          correct={props.correct}
        />
      );
    case 'short-answer':
      return (
        <div class="field">
          <label for={`${prefix}-text`}>Your answer</label>
          <input
            id={`${prefix}-text`}
            type="text"
            autocomplete="off"
            value={props.draft.type === 'short-answer' ? props.draft.text : ''}
            disabled={props.disabled}
            onInput={(event) => props.onDraft({ type: 'short-answer', text: event.currentTarget.value })}
          />
        </div>
      );
    case 'predict-output':
      return (
        <>
          <CodeBlock code={view.code} language={props.language} />
          <div class="field">
            <label for={`${prefix}-output`}>What the program prints</label>
            <textarea
              id={`${prefix}-output`}
              class="output-answer"
              rows={4}
              spellcheck={false}
              autocapitalize="off"
              value={props.draft.type === 'predict-output' ? props.draft.text : ''}
              disabled={props.disabled}
              onInput={(event) => props.onDraft({ type: 'predict-output', text: event.currentTarget.value })}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  props.onSubmit();
                }
              }}
            />
            <p class="hint">One line per printed line.</p>
          </div>
        </>
      );
    case 'fill-blanks':
      return (
        <FillBlanks
          idPrefix={prefix}
          segments={view.segments}
          blanks={view.blanks}
          values={props.draft.type === 'fill-blanks' ? props.draft.blanks : {}}
          onChange={(blanks) => props.onDraft({ type: 'fill-blanks', blanks })}
          disabled={props.disabled}
        />
      );
    case 'parsons':
      return (
        <Parsons
          idPrefix={prefix}
          lines={view.lines}
          state={props.draft.type === 'parsons' ? props.draft.parsons : { program: [], unused: [] }}
          onChange={(parsons) => props.onDraft({ type: 'parsons', parsons })}
          announce={props.announce}
          disabled={props.disabled}
        />
      );
    case 'code-exercise':
      return (
        <div class="field">
          <p class="label" aria-hidden="true">
            Your code
          </p>
          <CodeEditor
            id={`${prefix}-code`}
            label="Your code"
            describedBy={`${prefix}-code-hint`}
            language={view.language}
            value={props.draft.type === 'code-exercise' ? props.draft.code : ''}
            onInput={(code) => props.onDraft({ type: 'code-exercise', code })}
            onSubmit={props.onSubmit}
            readOnly={props.disabled}
          />
          <p class="hint" id={`${prefix}-code-hint`}>
            Hidden tests run against your code when you submit. Tab leaves the editor; Ctrl+Enter submits.
          </p>
        </div>
      );
    case 'unsupported':
      return <p class="notice">{view.reason}</p>;
  }
}

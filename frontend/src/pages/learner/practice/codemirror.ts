/**
 * The CodeMirror 6 editor for code exercises. Loaded only by dynamic import from
 * CodeEditor.tsx, so CodeMirror ships in its own chunk and only when a code exercise is on
 * screen. Tab is left to move focus (no indent-with-Tab: keyboard users must be able to
 * leave the editor); Ctrl/Cmd+Enter submits. Colours come from the app's tokens, so the
 * editor follows light and dark themes.
 */
import { javascript } from '@codemirror/lang-javascript';
import { defaultHighlightStyle, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';

export interface EditorOptions {
  doc: string;
  label: string;
  describedBy?: string;
  language: string;
  readOnly: boolean;
  onChange: (text: string) => void;
  onSubmit: () => void;
}

export interface EditorHandle {
  value(): string;
  setValue(text: string): void;
  setReadOnly(readOnly: boolean): void;
  destroy(): void;
}

/** CodeMirror's default colours mapped onto highlight.css's token variables (light and dark). */
const TOKEN_COLOURS: Record<string, string> = {
  '#404740': 'var(--muted)',
  '#708': 'var(--tok-keyword)',
  '#219': 'var(--tok-number)',
  '#164': 'var(--tok-number)',
  '#a11': 'var(--tok-string)',
  '#e40': 'var(--tok-string)',
  '#00f': 'var(--tok-function)',
  '#30a': 'var(--fg)',
  '#085': 'var(--tok-type)',
  '#167': 'var(--tok-type)',
  '#256': 'var(--tok-builtin)',
  '#00c': 'var(--tok-property)',
  '#940': 'var(--tok-comment)',
  '#f00': 'var(--down)',
};

const tokenStyle = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec) => {
    const colour = typeof spec.color === 'string' ? TOKEN_COLOURS[spec.color] : undefined;
    return colour ? { ...spec, color: colour } : spec;
  }),
);

const theme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--bg)',
    color: 'var(--fg)',
    border: '1px solid var(--border)',
    borderRadius: '8px',
    fontSize: '0.92rem',
  },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': {
    fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
    minHeight: '12rem',
    maxHeight: '32rem',
  },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-soft)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)', color: 'var(--fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--accent-soft)',
  },
  '.cm-tooltip': { backgroundColor: 'var(--card)', color: 'var(--fg)', border: '1px solid var(--border)' },
});

function languageSupport(language: string): Extension {
  return ['javascript', 'js', 'mjs'].includes(language.toLowerCase()) ? javascript() : [];
}

export function createEditor(parent: HTMLElement, options: EditorOptions): EditorHandle {
  const editable = new Compartment();
  const readOnlyState = (readOnly: boolean) => [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                options.onSubmit();
                return true;
              },
            },
          ]),
        ),
        basicSetup,
        languageSupport(options.language),
        syntaxHighlighting(tokenStyle),
        theme,
        editable.of(readOnlyState(options.readOnly)),
        EditorView.contentAttributes.of({
          'aria-label': options.label,
          ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    value: () => view.state.doc.toString(),
    setValue: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    setReadOnly: (readOnly) => view.dispatch({ effects: editable.reconfigure(readOnlyState(readOnly)) }),
    destroy: () => view.destroy(),
  };
}

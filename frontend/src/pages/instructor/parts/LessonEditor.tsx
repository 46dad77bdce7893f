/**
 * Editing one lesson (or writing a new one): title, minutes and the Markdown body beside
 * its live preview, saved through the content API with its field errors. Reports whether
 * it holds unsaved changes, for the page's leave warning.
 */
import { createSignal, type JSX } from 'solid-js';
import { api, ok, type Schemas } from '../../../api/client';
import { Field } from '../../../ui/Field';
import { createEditorDraft, EditorForm, IdField, type EditorProps } from './EditorForm';
import { MarkdownPreview } from './MarkdownPreview';
import { TextField } from './TextField';

export type AuthoringLesson = Schemas['AuthoringLesson'];

interface LessonValues {
  title: string;
  minutes: string;
  body: string;
}

const valuesOf = (lesson: AuthoringLesson | null): LessonValues => ({
  title: lesson?.title ?? '',
  minutes: String(lesson?.minutes ?? 10),
  body: lesson?.body ?? '',
});

/** Words in the body, roughly as a reader counts them (code included). */
const wordCount = (text: string) => text.split(/\s+/).filter((word) => /\w/.test(word)).length;

function lessonProblems({ title, minutes, body }: LessonValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (title.trim() === '') errors.title = 'Give the lesson a title.';
  else if (title.length > 120) errors.title = 'Keep the title to 120 characters.';
  const n = Number(minutes);
  if (!Number.isInteger(n) || n < 1 || n > 120) errors.minutes = 'Reading time is a whole number of minutes, 1–120.';
  if (body.trim() === '') errors.body = 'Write the lesson.';
  return errors;
}

export type LessonEditorProps = EditorProps<AuthoringLesson>;

export function LessonEditor(props: LessonEditorProps): JSX.Element {
  const [saved, setSaved] = createSignal<LessonValues>(valuesOf(props.initial));
  const [values, setValues] = createSignal<LessonValues>(valuesOf(props.initial));
  const set = (key: keyof LessonValues, value: string) => setValues({ ...values(), [key]: value });

  const editor = createEditorDraft(props, {
    changed: () => {
      const now = values();
      const then = saved();
      return now.title !== then.title || now.minutes !== then.minutes || now.body !== then.body;
    },
    problems: () => lessonProblems(values()),
    send: (slug) => {
      const { title, minutes, body } = values();
      const content = { title, minutes: Number(minutes), body };
      return props.initial
        ? ok(
            api.PUT('/api/content/courses/{course}/lessons/{lesson}', {
              params: { path: { course: props.course, lesson: props.initial.slug } },
              body: content,
            }),
          )
        : ok(
            api.POST('/api/content/courses/{course}/concepts/{concept}/lessons', {
              params: { path: { course: props.course, concept: props.concept } },
              body: { ...content, slug },
            }),
          );
    },
    stored: (lesson) => {
      setSaved(valuesOf(lesson));
      setValues(valuesOf(lesson));
    },
    savedNote: 'Learners see it on their next visit.',
  });
  const form = editor.form;

  return (
    <EditorForm
      draft={editor}
      heading={editor.creating ? 'New lesson' : `Lesson: ${saved().title}`}
      submitLabel={editor.creating ? 'Create lesson' : 'Save lesson'}
      busyLabel="Saving…"
    >
      <div class="editor-fields">
        <IdField
          draft={editor}
          id="lesson-slug"
          hint="Lower-case words joined by hyphens; it names the lesson's address and never changes."
        />
        <Field
          id="lesson-title"
          label="Title"
          value={values().title}
          onInput={(event) => set('title', event.currentTarget.value)}
          error={form.error('title')}
          maxLength={120}
        />
        <Field
          id="lesson-minutes"
          label="Reading time (minutes)"
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          value={values().minutes}
          onInput={(event) => set('minutes', event.currentTarget.value)}
          error={form.error('minutes')}
        />
      </div>
      <div class="split">
        <TextField
          id="lesson-body"
          label="Body (Markdown)"
          code
          class="tall"
          rows={24}
          value={values().body}
          onInput={(event) => set('body', event.currentTarget.value)}
          error={form.error('body')}
          hint={`About ${wordCount(values().body)} words. Code fences without a language are read as ${props.language}.`}
        />
        <section class="preview card" aria-labelledby="lesson-preview-heading" tabindex="0">
          <h3 id="lesson-preview-heading">Preview</h3>
          <MarkdownPreview text={values().body} language={props.language} class="lesson-body" />
        </section>
      </div>
    </EditorForm>
  );
}

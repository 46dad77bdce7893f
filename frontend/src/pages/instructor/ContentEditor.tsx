/**
 * The content editor: pick a course, then a lesson or an item in its outline (by concept),
 * and edit it beside a live preview; or add a lesson or an item to a concept. What is open
 * lives in the address (?course=…&lesson=… / &item=… / &add=lesson:concept), so Back works
 * and a link can point at one item; leaving with unsaved changes asks first.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, ok, type Schemas } from '../../api/client';
import { Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { createDeepSignal } from './parts/deep-signal';
import { ITEM_TYPES } from './parts/item-draft';
import { ItemEditor, type AuthoringItem } from './parts/ItemEditor';
import { LessonEditor, type AuthoringLesson } from './parts/LessonEditor';
import { useUnsavedChangesGuard } from './parts/unsaved';
import './parts/instructor.css';

type AuthoringCourse = Schemas['AuthoringCourse'];
type Concept = AuthoringCourse['concepts'][number];

type OpenedEntry =
  | { kind: 'lesson'; concept: string; initial: AuthoringLesson | null }
  | { kind: 'item'; concept: string; initial: AuthoringItem | null };

interface Selection {
  course?: string;
  lesson?: string;
  item?: string;
  /** "lesson:<concept>" or "item:<concept>": a new one in that concept. */
  add?: string;
}

const loadCourses = async () => (await ok(api.GET('/api/courses'))).courses;
const loadCourse = (course: string) => ok(api.GET('/api/content/courses/{course}', { params: { path: { course } } }));

/** Outline links are plain anchors (the router still handles their clicks): `<A>` would mark every one as current, since they share a path. */
const href = (selection: Selection) => {
  const query = new URLSearchParams(
    Object.entries(selection).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return `/instructor/content?${query.toString()}`;
};

const typeLabel = (type: string) => ITEM_TYPES.find((entry) => entry.type === type)?.label ?? type;

export default function ContentEditor(): JSX.Element {
  usePageTitle(() => 'Content editor');
  const [params, setParams] = useSearchParams<{ course?: string; lesson?: string; item?: string; add?: string }>();
  const [courses, coursesControl] = createResource(loadCourses);
  const [view, { refetch, mutate }] = createResource(() => params.course, loadCourse, {
    storage: createDeepSignal,
  });
  const [dirty, setDirty] = createSignal(false);
  useUnsavedChangesGuard(dirty);

  /**
   * After a save: the outline shows the stored version (and a new entry) without a reload;
   * the store-backed resource updates in place, so the open editor keeps its state.
   */
  function replaceIn(concept: string, change: (entry: Concept) => Concept) {
    mutate((current) =>
      current
        ? { ...current, concepts: current.concepts.map((entry) => (entry.slug === concept ? change(entry) : entry)) }
        : current,
    );
  }

  function lessonSaved(concept: string, lesson: AuthoringLesson, created: boolean) {
    replaceIn(concept, (entry) => ({
      ...entry,
      lessons: created ? [...entry.lessons, lesson] : entry.lessons.map((l) => (l.slug === lesson.slug ? lesson : l)),
    }));
    if (created) {
      setDirty(false);
      setParams({ lesson: lesson.slug, add: undefined });
    }
  }

  function itemSaved(concept: string, item: AuthoringItem, created: boolean) {
    replaceIn(concept, (entry) => ({
      ...entry,
      items: created ? [...entry.items, item] : entry.items.map((i) => (i.slug === item.slug ? item : i)),
    }));
    if (created) {
      setDirty(false);
      setParams({ item: item.slug, add: undefined });
    }
  }

  return (
    <div class="stack instructor content-editor">
      <div class="row spread">
        <h1>Content editor</h1>
        <A href="/instructor">← Teach</A>
      </div>
      <Load
        data={courses}
        retry={coursesControl.refetch}
        loading="Loading courses…"
        isEmpty={(list) => list.length === 0}
      >
        {(list) => (
          <div class="field course-picker">
            <label for="content-course">Course</label>
            <select
              id="content-course"
              value={params.course ?? ''}
              onChange={(event) => {
                const select = event.currentTarget;
                setParams({ course: select.value || undefined, lesson: undefined, item: undefined, add: undefined });
                // Still here (unsaved changes kept): show the course that is still open.
                select.value = params.course ?? '';
              }}
            >
              <option value="">Choose a course…</option>
              <For each={list}>{(course) => <option value={course.slug}>{course.title}</option>}</For>
            </select>
          </div>
        )}
      </Load>
      <p class="notice">
        Learners see a saved change on their next request (the tutor may quote a lesson’s old text for up to a minute).
        Edits live in the database: re-seeding from <code>content/</code> writes the pack’s version back, so copy
        lasting changes into the pack too.
      </p>
      <Show when={params.course}>
        <Load data={view} retry={refetch} loading="Loading the course…">
          {(course) => (
            <Workspace
              course={course}
              selection={params}
              onLesson={lessonSaved}
              onItem={itemSaved}
              setDirty={setDirty}
            />
          )}
        </Load>
      </Show>
    </div>
  );
}

function Workspace(props: {
  course: AuthoringCourse;
  selection: Selection;
  onLesson: (concept: string, lesson: AuthoringLesson, created: boolean) => void;
  onItem: (concept: string, item: AuthoringItem, created: boolean) => void;
  setDirty: (dirty: boolean) => void;
}): JSX.Element {
  const slug = () => props.course.course.slug;
  const language = () => props.course.course.language;
  const lessonEntry = createMemo(() => {
    for (const concept of props.course.concepts) {
      const lesson = concept.lessons.find((entry) => entry.slug === props.selection.lesson);
      if (lesson) return { concept: concept.slug, lesson };
    }
    return undefined;
  });
  const itemEntry = createMemo(() => {
    for (const concept of props.course.concepts) {
      const item = concept.items.find((entry) => entry.slug === props.selection.item);
      if (item) return { concept: concept.slug, item };
    }
    return undefined;
  });
  const adding = createMemo((): Pick<OpenedEntry, 'kind' | 'concept'> | undefined => {
    const [kind, concept] = (props.selection.add ?? '').split(':');
    const known = props.course.concepts.some((entry) => entry.slug === concept);
    return (kind === 'lesson' || kind === 'item') && concept && known ? { kind, concept } : undefined;
  });

  const openConcept = () => adding()?.concept ?? lessonEntry()?.concept ?? itemEntry()?.concept;
  /** What the editor pane holds: a stored lesson or item, or a new one for a concept. */
  const opened = (): OpenedEntry | undefined => {
    const lesson = lessonEntry();
    if (lesson) return { kind: 'lesson', concept: lesson.concept, initial: lesson.lesson };
    const item = itemEntry();
    if (item) return { kind: 'item', concept: item.concept, initial: item.item };
    const target = adding();
    return target && { kind: target.kind, concept: target.concept, initial: null };
  };
  // A key that re-creates the editor (fresh state) only when another thing is opened.
  const openedKey = () => {
    const entry = opened();
    return entry && `${slug()}/${entry.kind}:${entry.initial?.slug ?? `new:${entry.concept}`}`;
  };

  return (
    <div class="workspace">
      <nav class="outline card" aria-labelledby="outline-heading">
        <h2 id="outline-heading">{props.course.course.title}</h2>
        <For each={props.course.concepts}>
          {(concept) => (
            <details open={openConcept() === concept.slug}>
              <summary>
                {concept.title}{' '}
                <span class="muted">
                  ({concept.lessons.length} {concept.lessons.length === 1 ? 'lesson' : 'lessons'},{' '}
                  {concept.items.length} {concept.items.length === 1 ? 'item' : 'items'})
                </span>
              </summary>
              <h3 class="outline-group">Lessons</h3>
              <ul role="list">
                <For each={concept.lessons}>
                  {(lesson) => (
                    <li>
                      <a
                        href={href({ course: slug(), lesson: lesson.slug })}
                        aria-current={props.selection.lesson === lesson.slug ? 'page' : undefined}
                      >
                        {lesson.title}
                      </a>
                    </li>
                  )}
                </For>
                <li>
                  <a
                    class="add-link"
                    href={href({ course: slug(), add: `lesson:${concept.slug}` })}
                    aria-current={props.selection.add === `lesson:${concept.slug}` ? 'page' : undefined}
                  >
                    + Add a lesson<span class="visually-hidden"> to {concept.title}</span>
                  </a>
                </li>
              </ul>
              <h3 class="outline-group">Items</h3>
              <ul role="list">
                <For each={concept.items}>
                  {(item) => (
                    <li>
                      <a
                        href={href({ course: slug(), item: item.slug })}
                        aria-current={props.selection.item === item.slug ? 'page' : undefined}
                      >
                        {item.slug}
                      </a>{' '}
                      <span class="muted small">
                        {typeLabel(item.fields.type)}, {item.fields.difficulty}
                      </span>
                    </li>
                  )}
                </For>
                <li>
                  <a
                    class="add-link"
                    href={href({ course: slug(), add: `item:${concept.slug}` })}
                    aria-current={props.selection.add === `item:${concept.slug}` ? 'page' : undefined}
                  >
                    + Add an item<span class="visually-hidden"> to {concept.title}</span>
                  </a>
                </li>
              </ul>
            </details>
          )}
        </For>
      </nav>
      <div class="editor-pane">
        <Show
          when={openedKey()}
          keyed
          fallback={
            <div class="empty">
              <p>
                Choose a lesson or an item in the outline to edit it
                {props.selection.lesson || props.selection.item
                  ? ' (the one in the address is not in this course)'
                  : ''}
                .
              </p>
            </div>
          }
        >
          {(_key) => {
            const entry = opened();
            if (!entry) return null;
            const common = { course: slug(), concept: entry.concept, language: language(), onDirty: props.setDirty };
            return entry.kind === 'lesson' ? (
              <LessonEditor
                {...common}
                initial={entry.initial}
                onSaved={(lesson, created) => props.onLesson(entry.concept, lesson, created)}
              />
            ) : (
              <ItemEditor
                {...common}
                initial={entry.initial}
                onSaved={(item, created) => props.onItem(entry.concept, item, created)}
              />
            );
          }}
        </Show>
      </div>
    </div>
  );
}

/**
 * Reads a course pack from disk (content/<slug>/: course.yaml, lessons/*.md, items/*.yaml)
 * and reports every problem as `file:line: message`, the way a compiler does, so an author
 * can jump straight to it. The pack format itself (zod schemas) and the checks beyond its
 * shape (validatePack) live in worker/curriculum; this module owns only the mapping from
 * files to a CoursePack and from problems back to the lines that cause them.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import {
  CourseSchema,
  ItemSchema,
  LessonSchema,
  type Course,
  type CoursePack,
  type Item,
  type Lesson,
} from '../../worker/curriculum/pack-schema.ts';
import { validatePack, type PackProblem, type PublishingRules } from '../../worker/curriculum/validate-pack.ts';
import { fencedBlocks } from './markdown-fences.ts';

export type { PublishingRules };

export interface FileProblem {
  /** Relative to the repository root. */
  file: string;
  /** 1-based; absent when the problem is about the file as a whole. */
  line?: number;
  message: string;
}

export interface ReadPackResult {
  /** Only when there are no problems at all. */
  pack?: CoursePack;
  problems: FileProblem[];
}

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Location {
  file: string;
  line?: number;
}

/** A parsed YAML text plus what is needed to turn a node back into a file line. */
interface YamlSource {
  doc: Document;
  lineCounter: LineCounter;
  file: string;
  /** Lines before the YAML text in its file (the opening `---` of front matter). */
  lineOffset: number;
}

function lineAt(source: YamlSource, offset: number): number {
  return source.lineCounter.linePos(offset).line + source.lineOffset;
}

function nodeLine(source: YamlSource, node: YamlNode | null | undefined): number | undefined {
  return node?.range ? lineAt(source, node.range[0]) : undefined;
}

/**
 * The line of the deepest node along `path` (a zod issue path): a missing key is reported
 * where its object starts, an unknown key where that key is written.
 */
function lineOfPath(source: YamlSource, path: readonly PropertyKey[], unknownKey?: string): number | undefined {
  let node: unknown = source.doc.contents;
  let line = nodeLine(source, node as YamlNode | null) ?? 1 + source.lineOffset;
  const keys = unknownKey === undefined ? path : [...path, unknownKey];
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((candidate) => isScalar(candidate.key) && String(candidate.key.value) === key);
      if (!pair) break;
      line = nodeLine(source, (pair.value ?? pair.key) as YamlNode) ?? line;
      // An unknown key points at the key itself, whatever its value spans.
      if (key === unknownKey) line = nodeLine(source, pair.key as YamlNode) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const entry = node.items[key];
      if (entry === undefined) break;
      line = nodeLine(source, entry as YamlNode) ?? line;
      node = entry;
    } else {
      break;
    }
  }
  return line;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.join(', ') : '';
    return `unknown ${String(issue.path.at(-1))}; expected one of: ${options}`;
  }
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'is required';
  return issue.message;
}

function zodProblems(source: YamlSource, issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): FileProblem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return unknownKeys.map((key) => {
      const at = [...path, ...(key === undefined ? [] : [key])].map(String).join('.');
      const message =
        key === undefined ? describeIssue(issue) : `unknown key "${key}" (check its spelling or indentation)`;
      return { file: source.file, line: lineOfPath(source, path, key), message: at ? `${at}: ${message}` : message };
    });
  });
}

function parseYaml(
  text: string,
  file: string,
  lineOffset = 0,
): { source: YamlSource; value: unknown; problems: FileProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source = { doc, lineCounter, file, lineOffset };
  const problems = doc.errors.map((error) => ({
    file,
    line: lineAt(source, error.pos[0]),
    message: `YAML: ${error.message.split('\n')[0]}`,
  }));
  return { source, value: problems.length ? undefined : doc.toJS(), problems };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function filesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Where each concept, lesson and item is defined; a list, because ids may repeat. */
type Locations = Record<'concept' | 'lesson' | 'item', Map<string, Location[]>>;

function remember(locations: Map<string, Location[]>, id: unknown, at: Location): void {
  if (typeof id !== 'string') return;
  locations.set(id, [...(locations.get(id) ?? []), at]);
}

function idLocation(source: YamlSource, path: PropertyKey[]): Location {
  return { file: source.file, line: lineOfPath(source, [...path, 'id']) };
}

/** A lesson's Markdown as written, for checks that point at its lines. */
export interface LessonFile {
  file: string;
  absolutePath: string;
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
}

interface Reader {
  problems: FileProblem[];
  locations: Locations;
  display: (path: string) => string;
}

async function readCourse(dir: string, reader: Reader): Promise<Course | undefined> {
  const path = join(dir, 'course.yaml');
  const file = reader.display(path);
  const text = await readText(path);
  if (text === undefined) {
    reader.problems.push({ file, message: 'course.yaml is missing: every pack starts with one' });
    return undefined;
  }
  const { source, value, problems } = parseYaml(text, file);
  reader.problems.push(...problems);
  if (problems.length) return undefined;
  const parsed = CourseSchema.safeParse(value);
  const concepts: unknown = (value as { concepts?: unknown } | null)?.concepts;
  if (Array.isArray(concepts)) {
    concepts.forEach((concept: { id?: unknown } | null, index) =>
      remember(reader.locations.concept, concept?.id, idLocation(source, ['concepts', index])),
    );
  }
  if (!parsed.success) {
    reader.problems.push(...zodProblems(source, parsed.error.issues, []));
    return undefined;
  }
  return parsed.data;
}

/** Splits `---\nYAML\n---\nbody`; undefined (with a problem) when there is no front matter. */
function splitFrontMatter(
  text: string,
  file: string,
  problems: FileProblem[],
): { frontMatter: string; body: string; bodyLine: number } | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    problems.push({
      file,
      line: 1,
      message: 'no front matter: a lesson starts with a "---" line, YAML (id, concept, title, minutes), then "---"',
    });
    return undefined;
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) {
    problems.push({ file, line: 1, message: 'front matter is not closed: add a "---" line after it' });
    return undefined;
  }
  let first = end + 1;
  while (first < lines.length && lines[first]?.trim() === '') first += 1;
  // An empty body "starts" right after the closing line, so its problem points there.
  if (first === lines.length) first = end + 1;
  return {
    frontMatter: lines.slice(1, end).join('\n'),
    body: lines.slice(first).join('\n').trimEnd(),
    bodyLine: first + 1,
  };
}

async function readLessons(dir: string, reader: Reader): Promise<{ lessons: Lesson[]; files: LessonFile[] }> {
  const lessons: Lesson[] = [];
  const files: LessonFile[] = [];
  for (const name of (await filesIn(join(dir, 'lessons'))).filter((entry) => entry.endsWith('.md'))) {
    const absolutePath = join(dir, 'lessons', name);
    const file = reader.display(absolutePath);
    const split = splitFrontMatter(await readFile(absolutePath, 'utf8'), file, reader.problems);
    if (!split) continue;
    files.push({ file, absolutePath, body: split.body, bodyLine: split.bodyLine });
    const { source, value, problems } = parseYaml(split.frontMatter, file, 1);
    reader.problems.push(...problems);
    if (problems.length) continue;
    const frontMatter: unknown = value ?? {};
    if (typeof frontMatter === 'object' && frontMatter !== null && !Array.isArray(frontMatter)) {
      remember(reader.locations.lesson, (frontMatter as { id?: unknown }).id, idLocation(source, []));
      const parsed = LessonSchema.safeParse({ ...frontMatter, body: split.body });
      if (parsed.success) lessons.push(parsed.data);
      else
        reader.problems.push(
          ...zodProblems(source, parsed.error.issues, []).map((problem) =>
            // The body is not in the YAML; it can only be empty: point at the closing "---".
            problem.message.startsWith('body:')
              ? { file, line: split.bodyLine - 1, message: 'body: the lesson has no text after its front matter' }
              : problem,
          ),
        );
    } else {
      reader.problems.push({ file, line: 2, message: 'front matter must be YAML keys: id, concept, title, minutes' });
    }
  }
  return { lessons, files };
}

/** An item with the line of its id, where problems with it are reported. */
export interface LocatedItem {
  item: Item;
  file: string;
  line?: number;
}

async function readItems(dir: string, reader: Reader): Promise<LocatedItem[]> {
  const items: LocatedItem[] = [];
  for (const name of await filesIn(join(dir, 'items'))) {
    const absolutePath = join(dir, 'items', name);
    const file = reader.display(absolutePath);
    if (name.endsWith('.yml')) {
      reader.problems.push({ file, message: 'not read: items files are named *.yaml' });
      continue;
    }
    if (!name.endsWith('.yaml')) continue;
    const { source, value, problems } = parseYaml(await readFile(absolutePath, 'utf8'), file);
    reader.problems.push(...problems);
    if (problems.length) continue;
    if (!Array.isArray(value)) {
      reader.problems.push({ file, line: 1, message: 'an items file holds a YAML list of items ("- id: …")' });
      continue;
    }
    value.forEach((entry: unknown, index) => {
      const at = idLocation(source, [index]);
      remember(reader.locations.item, (entry as { id?: unknown } | null)?.id, at);
      const parsed = ItemSchema.safeParse(entry);
      if (parsed.success) items.push({ item: parsed.data, ...at });
      else reader.problems.push(...zodProblems(source, parsed.error.issues, [index]));
    });
  }
  return items;
}

const LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/;

/** Link targets in a Markdown body with their line in the body, outside code. */
function linkTargets(body: string): { target: string; line: number }[] {
  const targets: { target: string; line: number }[] = [];
  const inCode = new Set<number>();
  for (const block of fencedBlocks(body))
    for (let line = block.openLine; line <= block.closeLine; line += 1) inCode.add(line);
  body.split('\n').forEach((text, index) => {
    if (inCode.has(index)) return;
    // Inline code may look like a link (`handlers[0](event)`).
    const prose = text.replace(/(`+)[\s\S]*?\1/g, (span) => ' '.repeat(span.length));
    for (const match of prose.matchAll(LINK)) if (match[1]) targets.push({ target: match[1], line: index });
    const definition = LINK_DEFINITION.exec(prose)?.[1];
    if (definition) targets.push({ target: definition, line: index });
  });
  return targets;
}

async function linkProblems(lesson: LessonFile, lessonIds: Set<string>, conceptIds: Set<string>) {
  const problems: FileProblem[] = [];
  for (const { target, line } of linkTargets(lesson.body)) {
    const reason = await whyBroken(target, dirname(lesson.absolutePath), lessonIds, conceptIds);
    if (reason) problems.push({ file: lesson.file, line: lesson.bodyLine + line, message: `(${target}) ${reason}` });
  }
  return problems;
}

async function whyBroken(
  target: string,
  lessonDir: string,
  lessonIds: Set<string>,
  conceptIds: Set<string>,
): Promise<string | undefined> {
  if (/^(https?|mailto):/i.test(target) || target.startsWith('#')) return undefined;
  const reference = /^(lesson|concept):(.*)$/.exec(target);
  if (reference) {
    const [, kind, id = ''] = reference;
    const known = kind === 'lesson' ? lessonIds : conceptIds;
    return known.has(id) ? undefined : `links to nothing: no ${kind} "${id}" in this pack`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    return 'links to nothing: use http(s), mailto, #anchor, lesson:<id>, concept:<id> or a file next to the lesson';
  }
  const path = target.replace(/[?#].*$/, '');
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // A malformed escape is checked as written, and will most likely not exist.
  }
  return (await exists(resolve(lessonDir, decoded))) ? undefined : 'links to nothing: no such file';
}

function locate(where: string, locations: Locations, courseFile: string): { at: Location; also?: Location } {
  const [kind = '', id = ''] = where.split(' ', 2);
  const found = kind in locations ? locations[kind as keyof Locations].get(id) : undefined;
  return { at: found?.[0] ?? { file: courseFile }, also: found?.[1] };
}

function packProblems(problems: PackProblem[], locations: Locations, courseFile: string): FileProblem[] {
  return problems.map(({ where, message }) => {
    const { at, also } = locate(where, locations, courseFile);
    if (message === 'this id is used twice' && also) {
      // Point at the second definition: the first is usually the one to keep.
      const first = at.line === undefined ? at.file : `${at.file}:${at.line}`;
      return { ...also, message: `${where}: this id is used twice (first at ${first})` };
    }
    return { ...at, message: `${where}: ${message}` };
  });
}

function newReader(): Reader {
  return {
    problems: [],
    locations: { concept: new Map(), lesson: new Map(), item: new Map() },
    display: (path) => relative(REPO_ROOT, path),
  };
}

async function readFiles(root: string, reader: Reader) {
  const course = await readCourse(root, reader);
  const { lessons, files } = await readLessons(root, reader);
  const items = await readItems(root, reader);
  return { course, lessons, lessonFiles: files, items };
}

/**
 * Reads and checks the pack in `dir`. `rules` adds the publishing rules (enough items per
 * concept, a lesson for each); without them only what makes a pack unusable is reported.
 */
export async function readPack(dir: string, rules?: PublishingRules): Promise<ReadPackResult> {
  const root = resolve(dir);
  const reader = newReader();
  const { course, lessons, lessonFiles, items } = await readFiles(root, reader);

  const lessonIds = new Set(reader.locations.lesson.keys());
  const conceptIds = new Set(reader.locations.concept.keys());
  for (const lesson of lessonFiles) reader.problems.push(...(await linkProblems(lesson, lessonIds, conceptIds)));

  if (reader.problems.length || !course) return { problems: reader.problems };
  const pack: CoursePack = { course, lessons, items: items.map(({ item }) => item) };
  const problems = packProblems(validatePack(pack, rules), reader.locations, reader.display(join(root, 'course.yaml')));
  return problems.length ? { problems } : { pack, problems: [] };
}

/** What a pack's files hold, each part with where it is written, even when others are broken. */
export interface PackSources {
  /** Absent when course.yaml is missing or malformed. */
  course?: Course;
  /** Every lesson file whose front matter could be split off, valid or not. */
  lessonFiles: LessonFile[];
  /** Every item of the right shape. */
  items: LocatedItem[];
  /** Problems within single files (YAML, shape, front matter); no checks across files. */
  problems: FileProblem[];
}

/**
 * Reads the pack in `dir` for checks of its own (the code in it, say) that should not wait
 * for the whole pack to be valid: an author mid-way through a course still gets answers.
 */
export async function readPackSources(dir: string): Promise<PackSources> {
  const reader = newReader();
  const { course, lessonFiles, items } = await readFiles(resolve(dir), reader);
  return { course, lessonFiles, items, problems: reader.problems };
}

/** Every folder directly under `contentRoot` that holds a course.yaml, sorted. */
export async function listPacks(contentRoot: string): Promise<string[]> {
  const entries = await readdir(contentRoot, { withFileTypes: true });
  const dirs = entries.filter((entry) => entry.isDirectory()).map((entry) => join(contentRoot, entry.name));
  const packs: string[] = [];
  for (const dir of dirs.sort()) if (await exists(join(dir, 'course.yaml'))) packs.push(dir);
  return packs;
}

/**
 * Which Jac programs a course pack holds, by the authors' convention:
 *
 * - in a lesson, a ```jac block is a complete program (```jac fragment is a piece, not run),
 *   and a ```text block right after it (at most one short paragraph between) is its output;
 * - a predict-output item's code prints exactly its `output`;
 * - a fill-blanks item's code runs once each blank holds its first accepted answer;
 * - a parsons item's lines, in order, are a program.
 *
 * Pure: from what read-pack found to a list of programs, each pointing at the line an
 * author should look at. Running them is jac-runtime's job, judging them jac-outcome's.
 */
import type { FileProblem, LessonFile, LocatedItem } from './read-pack.ts';
import { blockLanguage, fencedBlocks, type FencedBlock } from './markdown-fences.ts';

export interface JacProgram {
  file: string;
  /** The opening fence of a lesson block, or the item's id line. */
  line?: number;
  /** How messages name it: "```jac block", "item spawn-blank (fill-blanks)". */
  name: string;
  source: string;
  /** File line of the source's first line, when the source is written verbatim in the file. */
  sourceLine?: number;
  /** Present when what the program prints is checked. */
  expected?: {
    output: string;
    /** How messages name it: "the ```text block", "its output". */
    name: string;
    /** File line of the output's first line, when written verbatim in the file. */
    line?: number;
  };
}

export interface ProgramsFound {
  programs: JacProgram[];
  /** ```jac fragment blocks seen and, as agreed, not run. */
  fragments: number;
  /** Code that cannot be made into a program at all. */
  problems: FileProblem[];
}

/**
 * Between a program and its ```text block an author may explain in a sentence or two
 * ("It prints:"); more than that, or a heading, and the text block is about something else.
 */
const MAX_LINES_BETWEEN = 3;

function isJac(block: FencedBlock): boolean {
  return blockLanguage(block) === 'jac';
}

function isFragment(block: FencedBlock): boolean {
  return block.info.split(/\s+/).slice(1).includes('fragment');
}

/** Whether the lines between two blocks are blank, or one short paragraph that is no heading. */
function closeEnough(between: string[]): boolean {
  const written = between.map((line) => line.trim());
  const first = written.findIndex((line) => line !== '');
  if (first < 0) return true;
  const paragraph = written.slice(first, written.findLastIndex((line) => line !== '') + 1);
  return paragraph.length <= MAX_LINES_BETWEEN && !paragraph.includes('') && !/^#{1,6}(\s|$)/.test(paragraph[0] ?? '');
}

export function lessonPrograms(lesson: Pick<LessonFile, 'file' | 'body' | 'bodyLine'>): ProgramsFound {
  const found: ProgramsFound = { programs: [], fragments: 0, problems: [] };
  const lines = lesson.body.split('\n');
  const blocks = fencedBlocks(lesson.body);
  blocks.forEach((block, index) => {
    if (!isJac(block)) return;
    const line = lesson.bodyLine + block.openLine;
    if (isFragment(block)) {
      found.fragments += 1;
      return;
    }
    if (!block.closed) {
      found.problems.push({
        file: lesson.file,
        line,
        message: '```jac block is never closed: add a ``` line after it',
      });
      return;
    }
    const program: JacProgram = {
      file: lesson.file,
      line,
      name: '```jac block',
      source: block.content,
      sourceLine: line + 1,
    };
    const next = blocks[index + 1];
    if (
      next &&
      next.closed &&
      blockLanguage(next) === 'text' &&
      closeEnough(lines.slice(block.closeLine + 1, next.openLine))
    ) {
      program.expected = {
        output: next.content,
        name: 'the ```text block after it',
        line: lesson.bodyLine + next.openLine + 1,
      };
    }
    found.programs.push(program);
  });
  return found;
}

const BLANK = /\{\{([a-z0-9-]+)\}\}/g;

export function itemPrograms(items: readonly LocatedItem[]): ProgramsFound {
  const found: ProgramsFound = { programs: [], fragments: 0, problems: [] };
  for (const { item, file, line } of items) {
    const name = `item ${item.id} (${item.type})`;
    switch (item.type) {
      case 'predict-output':
        found.programs.push({
          file,
          line,
          name,
          source: item.code,
          expected: { output: item.output, name: 'its output' },
        });
        break;
      case 'fill-blanks': {
        const answers = new Map(item.blanks.map((blank) => [blank.id, blank.accepted[0]]));
        const unanswered = [...item.code.matchAll(BLANK)]
          .map((match) => match[1])
          .filter((id) => !answers.has(id ?? ''));
        if (unanswered.length) {
          const list = unanswered.map((id) => `{{${id}}}`).join(', ');
          found.problems.push({ file, line, message: `${name}: cannot fill ${list}: no blank with that id` });
          break;
        }
        // A function replacement, so an answer holding "$&" or "$1" is inserted as written.
        found.programs.push({
          file,
          line,
          name,
          source: item.code.replace(BLANK, (_, id: string) => answers.get(id) ?? ''),
        });
        break;
      }
      case 'parsons':
        found.programs.push({ file, line, name, source: item.lines.join('\n') });
        break;
      default:
        // Other items hold no Jac program: code exercises are graded by their own tests.
        break;
    }
  }
  return found;
}

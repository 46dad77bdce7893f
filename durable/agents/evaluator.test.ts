import { describe, expect, it } from 'vitest';
import { splitItem } from '../../worker/curriculum/item-parts';
import { ItemSchema } from '../../worker/curriculum/pack-schema';
import type { Evaluation } from '../../worker/evaluation/evaluation';
import { FAILED_TESTS_SHOWN, feedbackFor, judge } from './evaluator';

/** An authored item as the grader reads it: its type, answer key and shown content. */
function stored(fields: Record<string, unknown>) {
  const item = ItemSchema.parse({
    id: 'item',
    concept: 'graphs',
    difficulty: 'easy',
    prompt: 'Prompt.',
    explanation: 'Because.',
    ...fields,
  });
  const { content, answer } = splitItem(item);
  return { type: item.type, content, answer };
}

const mc = stored({
  type: 'multiple-choice',
  options: [
    { id: 'nodes', text: 'The nodes of the graph', correct: true },
    { id: 'edges', text: 'The edges of the graph' },
  ],
});
const multi = stored({
  type: 'multi-select',
  options: [
    { id: 'both-keys', text: '{ a: [b], b: [] }', correct: true },
    { id: 'reordered', text: '{ b: [], a: [b] }', correct: true },
    { id: 'missing-sink', text: '{ a: [b] }' },
    { id: 'edge-list', text: '[[a, b]]' },
  ],
});
const tf = stored({ type: 'true-false', answer: false });
const short = stored({ type: 'short-answer', accepted: ['edge list', 'edge-list', 'edgelist', 'list of edges'] });
const blanks = stored({
  type: 'fill-blanks',
  code: 'graph[from] {{assign}} [];\ngraph[{{target}}] ??= [];\ngraph[from].{{add}}(to);',
  blanks: [
    { id: 'assign', accepted: ['??=', '||='] },
    { id: 'target', accepted: ['to'] },
    { id: 'add', accepted: ['push'] },
  ],
});
const predict = stored({ type: 'predict-output', code: 'console.log(1)', output: 'x y z\n2 0\n' });
const parsons = stored({
  type: 'parsons',
  lines: ['function count(graph) {', '  let total = 0;', '  return total / 2;', '}'],
  distractors: ['  return total;'],
});
const exercise = stored({
  type: 'code-exercise',
  language: 'javascript',
  starter: 'export function f() {}',
  tests: "test('t', () => {});",
  solution: 'export function f() { return 1; }',
  wrongSolutions: [{ why: 'returns nothing', code: 'export function f() {}' }],
});

const feedback = (item: ReturnType<typeof stored>, response: unknown, evaluation?: Evaluation) => {
  const judged = judge(item, response, evaluation);
  if (!judged.gradable) throw new Error(judged.reason);
  return judged;
};

describe('evaluator: the verdict and what to say about it', () => {
  it('multiple choice names the option chosen and the right one', () => {
    expect(feedback(mc, 'edges')).toEqual({
      gradable: true,
      correct: false,
      feedback: ['You chose "The edges of the graph"; the answer is "The nodes of the graph".'],
    });
    expect(feedback(mc, 'nodes').feedback).toEqual(['You chose "The nodes of the graph", which is right.']);
    expect(feedback(mc, 'weights').feedback).toEqual([
      '"weights" is not one of the options; the answer is "The nodes of the graph".',
    ]);
  });

  it('multi-select says which right options were missing and which chosen ones were not right', () => {
    const wrong = feedback(multi, ['both-keys', 'missing-sink', 'edge-list']);
    expect(wrong.correct).toBe(false);
    expect(wrong.feedback).toEqual([
      'Missing: "{ b: [], a: [b] }" is also right.',
      'Not right: "{ a: [b] }", "[[a, b]]" should not be chosen.',
    ]);
    expect(feedback(multi, ['reordered', 'both-keys']).feedback).toEqual([
      'You chose all 2 right options and nothing else.',
    ]);
  });

  it('true/false says what the statement really is', () => {
    expect(feedback(tf, true).feedback).toEqual(['You answered true; the statement is false.']);
    expect(feedback(tf, false).feedback).toEqual(['Right: the statement is false.']);
  });

  it('short answer shows what would have been accepted, or which accepted form matched', () => {
    expect(feedback(short, 'adjacency list').feedback).toEqual([
      'You answered "adjacency list".',
      'Accepted: "edge list", "edge-list", "edgelist" (and 1 more); case and spacing do not matter.',
    ]);
    expect(feedback(short, '  Edge   List ').feedback).toEqual(['"Edge   List" is accepted, as "edge list".']);
    expect(feedback(short, 'edge list').feedback).toEqual(['"edge list" is accepted.']);
  });

  it('fill-blanks names each blank that does not fit and what fits there', () => {
    const wrong = feedback(blanks, { assign: '=', target: 'to', add: '' });
    expect(wrong.correct).toBe(false);
    expect(wrong.feedback).toEqual([
      'Blank 1 (assign): you wrote "="; "??=" fits there.',
      'Blank 3 (add): you left it empty; "push" fits there.',
    ]);
    expect(feedback(blanks, { assign: '||=', target: ' to ', add: 'push' }).feedback).toEqual([
      'Every blank fits (3 blanks).',
    ]);
  });

  it('predict-output points at the first line that differs, then both outputs', () => {
    expect(feedback(predict, 'x y z\n2 1').feedback).toEqual([
      'Line 2: expected "2 0", yours is "2 1".',
      'Expected output:\nx y z\n2 0',
      'Your output:\nx y z\n2 1',
    ]);
    expect(feedback(predict, 'x y z')).toMatchObject({
      correct: false,
      feedback: [
        'Line 2: expected "2 0", but your output ends before it.',
        'Expected output:\nx y z\n2 0',
        'Your output:\nx y z',
      ],
    });
    expect(feedback(predict, 'x y z\n2 0\nextra').feedback[0]).toBe(
      'The output ends after line 2; yours goes on with "extra".',
    );
    // Trailing spaces and blank lines are not differences.
    expect(feedback(predict, 'x y z  \n2 0\n\n')).toMatchObject({
      correct: true,
      feedback: ['Your output matches, line for line.'],
    });
  });

  it('parsons names a distractor used, then the first line out of order', () => {
    const withDistractor = feedback(parsons, ['function count(graph) {', '  let total = 0;', '  return total;', '}']);
    expect(withDistractor.feedback).toEqual([
      'This line does not belong in the solution: "return total;".',
      'Missing: "return total / 2;".',
    ]);
    const swapped = feedback(parsons, ['function count(graph) {', '  return total / 2;', '  let total = 0;', '}']);
    expect(swapped.feedback).toEqual([
      'Line 2 is out of order: it should be "let total = 0;", not "return total / 2;".',
    ]);
    expect(
      feedback(parsons, ['function count(graph) {', '  let total = 0;', '  return total / 2;', '}']).feedback,
    ).toEqual(['Every line is in its place (4 lines).']);
  });

  it('code exercise: a pass says so, and the verdict follows the evaluation', () => {
    const pass: Evaluation = {
      status: 'pass',
      tests: [
        { name: 'a', status: 'pass' },
        { name: 'b', status: 'pass' },
      ],
    };
    expect(feedback(exercise, { code: '…' }, pass)).toEqual({
      gradable: true,
      correct: true,
      feedback: ['All 2 tests passed.'],
      evaluation: pass,
    });
  });

  it('code exercise: failing tests are named with their messages, the first few of them', () => {
    const tests = [
      { name: 'empty', status: 'pass' as const },
      {
        name: 'sinks get a key',
        status: 'fail' as const,
        message: 'expected { a: ["b"] } to equal { a: ["b"], b: [] }',
      },
      { name: 'reads edges', status: 'error' as const, message: "TypeError: cannot read property '0' of undefined" },
      ...Array.from({ length: FAILED_TESTS_SHOWN }, (_, i) => ({ name: `more ${i}`, status: 'fail' as const })),
    ];
    const judged = feedback(exercise, { code: '…' }, { status: 'fail', tests });
    expect(judged.correct).toBe(false);
    expect(judged.feedback).toEqual([
      `1 of ${tests.length} tests passed.`,
      'Test "sinks get a key" failed: expected { a: ["b"] } to equal { a: ["b"], b: [] }',
      'Test "reads edges" threw: TypeError: cannot read property \'0\' of undefined',
      'Test "more 0" failed',
      '… and 2 more tests did not pass.',
    ]);
  });

  it('code exercise: a limit gets a specific hint, and where it was hit', () => {
    const time = feedbackFor('code-exercise', exercise.answer, exercise.content, {}, false, {
      status: 'error',
      limit: 'time',
      message: 'ran past its instruction budget',
      tests: [],
    });
    expect(time).toEqual(['Stopped: the code ran past its instruction budget — is there a loop that never ends?']);
    const stack = feedbackFor('code-exercise', exercise.answer, exercise.content, {}, false, {
      status: 'error',
      limit: 'stack',
      message: 'the stack overflowed',
      tests: [{ name: 'deep graphs', status: 'error', message: 'InternalError: stack overflow' }],
    });
    expect(stack).toEqual([
      'Stopped: the stack overflowed — does the recursion always reach its base case?',
      'It happened in test "deep graphs".',
    ]);
    const memory = feedbackFor('code-exercise', exercise.answer, exercise.content, {}, false, {
      status: 'error',
      limit: 'memory',
      tests: [],
    });
    expect(memory[0]).toContain('ran out of memory (32 MB)');
  });

  it('code exercise: code that does not load says why', () => {
    const judged = feedback(
      exercise,
      { code: 'export function f( {' },
      {
        status: 'error',
        message: 'SyntaxError: expecting ")" (line 1 of the code)',
        tests: [],
      },
    );
    expect(judged.feedback).toEqual([
      'Your code did not run to the end: SyntaxError: expecting ")" (line 1 of the code).',
    ]);
  });

  it('error: a code exercise without a run, or an answer of the wrong shape, is not gradable', () => {
    expect(judge(exercise, { code: 'x' })).toEqual({
      gradable: false,
      reason: 'A code exercise is graded by running its tests first.',
    });
    expect(judge(mc, ['nodes'])).toEqual({
      gradable: false,
      reason: 'This answer does not fit a multiple-choice item.',
    });
  });

  it('security: feedback never quotes a code exercise’s hidden tests or wrong solutions', () => {
    const judged = feedback(exercise, { code: '…' }, { status: 'fail', tests: [{ name: 't', status: 'fail' }] });
    const text = judged.feedback.join('\n');
    expect(text).not.toContain("test('t'");
    expect(text).not.toContain('returns nothing');
  });

  it('unknown types get no points rather than a guess', () => {
    expect(feedbackFor('essay', {}, {}, 'text', false)).toEqual([]);
  });
});

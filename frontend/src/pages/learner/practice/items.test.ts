import { describe, expect, it } from 'vitest';
import {
  buildResponse,
  codeSegments,
  emptyDraft,
  MAX_CODE_BYTES,
  pickByNumber,
  readItem,
  revealedAnswer,
  toggleChoice,
  type Draft,
  type ItemView,
} from './items';
import { leaveOut, shiftLine } from './parsons';

const options = [
  { id: 'nodes', text: 'The nodes' },
  { id: 'edges', text: 'The edges' },
  { id: 'weights', text: 'The weights' },
];

function view(type: string, content: Record<string, unknown> = {}): ItemView {
  return readItem({ type, content });
}

describe('readItem', () => {
  it('reads every item type the API serves', () => {
    expect(view('multiple-choice', { options })).toEqual({ type: 'multiple-choice', options });
    expect(view('multi-select', { options })).toEqual({ type: 'multi-select', options });
    expect(view('true-false')).toEqual({ type: 'true-false' });
    expect(view('short-answer')).toEqual({ type: 'short-answer' });
    expect(view('predict-output', { code: 'console.log(1)' })).toEqual({
      type: 'predict-output',
      code: 'console.log(1)',
    });
    expect(view('parsons', { lines: ['a', 'b'] })).toEqual({ type: 'parsons', lines: ['a', 'b'] });
    expect(view('code-exercise', { language: 'javascript', starter: 'export function f() {}' })).toEqual({
      type: 'code-exercise',
      language: 'javascript',
      starter: 'export function f() {}',
    });
    const fill = view('fill-blanks', { code: 'graph[from] {{assign}} [];', blanks: ['assign'] });
    expect(fill).toMatchObject({
      type: 'fill-blanks',
      blanks: ['assign'],
      segments: [
        { kind: 'text', text: 'graph[from] ' },
        { kind: 'blank', id: 'assign' },
        { kind: 'text', text: ' [];' },
      ],
    });
  });

  it('error: content that does not fit its type, or an unknown type, is unsupported with a reason', () => {
    expect(view('multiple-choice', { options: [{ id: 'a' }] })).toMatchObject({ type: 'unsupported' });
    expect(view('parsons', { lines: ['only one'] })).toMatchObject({ type: 'unsupported' });
    expect(view('code-exercise', { starter: 'x' })).toMatchObject({ type: 'unsupported' });
    expect(view('essay')).toEqual({
      type: 'unsupported',
      reason: 'Questions of type “essay” cannot be answered here yet.',
    });
  });
});

describe('codeSegments', () => {
  it('cuts only at known blanks, so Jac braces and f-strings stay text', () => {
    const code = 'print({{prefix}}"{name} will be {age {{op}} 1}");';
    expect(codeSegments(code, ['prefix', 'op'])).toEqual([
      { kind: 'text', text: 'print(' },
      { kind: 'blank', id: 'prefix' },
      { kind: 'text', text: '"{name} will be {age ' },
      { kind: 'blank', id: 'op' },
      { kind: 'text', text: ' 1}");' },
    ]);
    expect(codeSegments('a {{other}} b', ['op'])).toEqual([{ kind: 'text', text: 'a {{other}} b' }]);
  });
});

describe('buildResponse', () => {
  it('multiple choice sends the chosen option id, or asks for one', () => {
    const mc = view('multiple-choice', { options });
    expect(buildResponse(mc, emptyDraft(mc))).toEqual({ ok: false, message: 'Choose an option.' });
    expect(buildResponse(mc, { type: 'multiple-choice', choice: 'edges' })).toEqual({ ok: true, response: 'edges' });
  });

  it('multi-select sends the chosen ids as an array, at least one', () => {
    const ms = view('multi-select', { options });
    expect(buildResponse(ms, emptyDraft(ms))).toEqual({ ok: false, message: 'Choose at least one option.' });
    expect(buildResponse(ms, { type: 'multi-select', chosen: ['nodes', 'weights'] })).toEqual({
      ok: true,
      response: ['nodes', 'weights'],
    });
  });

  it('true/false sends a boolean', () => {
    const tf = view('true-false');
    expect(buildResponse(tf, emptyDraft(tf)).ok).toBe(false);
    expect(buildResponse(tf, { type: 'true-false', value: false })).toEqual({ ok: true, response: false });
  });

  it('short answers are trimmed and must not be blank; predicted output is sent as typed, even empty', () => {
    const short = view('short-answer');
    expect(buildResponse(short, { type: 'short-answer', text: '   ' })).toEqual({
      ok: false,
      message: 'Type your answer.',
    });
    expect(buildResponse(short, { type: 'short-answer', text: ' edge list ' })).toEqual({
      ok: true,
      response: 'edge list',
    });
    const predict = view('predict-output', { code: 'x' });
    expect(buildResponse(predict, { type: 'predict-output', text: 'x y z\n2 0\n' })).toEqual({
      ok: true,
      response: 'x y z\n2 0\n',
    });
    expect(buildResponse(predict, emptyDraft(predict))).toEqual({ ok: true, response: '' });
  });

  it('fill-blanks sends one trimmed answer per blank and counts the empty ones', () => {
    const fill = view('fill-blanks', { code: '{{a}} and {{b}}', blanks: ['a', 'b'] });
    expect(buildResponse(fill, { type: 'fill-blanks', blanks: { a: '??=', b: '' } })).toEqual({
      ok: false,
      message: 'Fill in every blank (1 still empty).',
    });
    expect(buildResponse(fill, { type: 'fill-blanks', blanks: { a: ' ??= ', b: 'push' } })).toEqual({
      ok: true,
      response: { a: '??=', b: 'push' },
    });
  });

  it('parsons sends the program lines in order, without the lines left out', () => {
    const parsons = view('parsons', { lines: ['  return total;', 'let total = 0;', '}'] });
    const draft = emptyDraft(parsons);
    if (draft.type !== 'parsons') throw new Error('expected a parsons draft');
    const arranged = leaveOut(shiftLine(draft.parsons, 1, -1), 1);
    expect(buildResponse(parsons, { type: 'parsons', parsons: arranged })).toEqual({
      ok: true,
      response: ['let total = 0;', '}'],
    });
    expect(buildResponse(parsons, { type: 'parsons', parsons: { program: [], unused: [0, 1, 2] } }).ok).toBe(false);
  });

  it('code exercises send { code }, starting from the starter, within the server’s 100 KB', () => {
    const code = view('code-exercise', { language: 'javascript', starter: 'export function f() {}' });
    expect(emptyDraft(code)).toEqual({ type: 'code-exercise', code: 'export function f() {}' });
    expect(buildResponse(code, { type: 'code-exercise', code: 'let a = 1;' })).toEqual({
      ok: true,
      response: { code: 'let a = 1;' },
    });
    expect(buildResponse(code, { type: 'code-exercise', code: ' \n ' }).ok).toBe(false);
    // Multi-byte characters count as their UTF-8 bytes, as on the server.
    const tooBig = 'é'.repeat(MAX_CODE_BYTES / 2 + 1);
    expect(buildResponse(code, { type: 'code-exercise', code: tooBig })).toEqual({
      ok: false,
      message: 'Code is limited to 100 KB.',
    });
  });

  it('error: a draft of another type or an unsupported item is never sent', () => {
    const mc = view('multiple-choice', { options });
    expect(buildResponse(mc, { type: 'true-false', value: true }).ok).toBe(false);
    const odd = view('essay');
    expect(buildResponse(odd, emptyDraft(odd))).toEqual({ ok: false, message: expect.stringContaining('essay') });
  });
});

describe('toggleChoice and number keys', () => {
  it('toggles an option and keeps the options’ order', () => {
    expect(toggleChoice(options, [], 'weights')).toEqual(['weights']);
    expect(toggleChoice(options, ['weights'], 'nodes')).toEqual(['nodes', 'weights']);
    expect(toggleChoice(options, ['nodes', 'weights'], 'nodes')).toEqual(['weights']);
  });

  it('number n picks option n and says so; keys beyond the options do nothing', () => {
    const mc = view('multiple-choice', { options });
    expect(pickByNumber(mc, emptyDraft(mc), 2)).toEqual({
      draft: { type: 'multiple-choice', choice: 'edges' },
      announce: 'Option 2 selected: The edges',
    });
    expect(pickByNumber(mc, emptyDraft(mc), 4)).toBeNull();

    const ms = view('multi-select', { options });
    const once = pickByNumber(ms, emptyDraft(ms), 3);
    expect(once?.announce).toBe('Option 3 checked: The weights');
    const twice = pickByNumber(ms, once?.draft as Draft, 3);
    expect(twice).toEqual({ draft: { type: 'multi-select', chosen: [] }, announce: 'Option 3 unchecked: The weights' });

    const tf = view('true-false');
    expect(pickByNumber(tf, emptyDraft(tf), 2)).toEqual({
      draft: { type: 'true-false', value: false },
      announce: 'False selected',
    });
    const short = view('short-answer');
    expect(pickByNumber(short, emptyDraft(short), 1)).toBeNull();
  });
});

describe('revealedAnswer', () => {
  it('shows the correct option texts, the value, the output, the filled code or the solution', () => {
    expect(revealedAnswer(view('multi-select', { options }), ['nodes', 'edges'])).toEqual({
      kind: 'choices',
      ids: ['nodes', 'edges'],
      texts: ['The nodes', 'The edges'],
    });
    expect(revealedAnswer(view('true-false'), false)).toEqual({ kind: 'text', text: 'False' });
    expect(revealedAnswer(view('predict-output', { code: 'x' }), '6 3\n')).toEqual({
      kind: 'code',
      title: 'The program prints',
      code: '6 3\n',
    });
    const fill = view('fill-blanks', { code: 'graph[from] {{assign}} [];', blanks: ['assign'] });
    expect(revealedAnswer(fill, { assign: '??=' })).toMatchObject({ code: 'graph[from] ??= [];' });
    expect(revealedAnswer(view('parsons', { lines: ['b', 'a'] }), ['a', 'b'])).toMatchObject({ code: 'a\nb' });
    expect(
      revealedAnswer(view('code-exercise', { language: 'javascript', starter: '' }), { solution: 'return 1;' }),
    ).toEqual({ kind: 'solution', code: 'return 1;' });
  });

  it('error: an answer of the wrong shape reveals nothing rather than something wrong', () => {
    expect(revealedAnswer(view('multiple-choice', { options }), 'nodes')).toBeNull();
    expect(revealedAnswer(view('true-false'), 'yes')).toBeNull();
    expect(revealedAnswer(view('code-exercise', { language: 'javascript', starter: '' }), undefined)).toBeNull();
  });
});

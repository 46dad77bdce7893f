import { describe, expect, it } from 'vitest';
import { buildProgram } from './build-program';
import type { ExerciseResult, TestOutcome } from './exercise-result';
import { createQuickJsSandbox } from './quickjs-sandbox';

const sandbox = createQuickJsSandbox();

function run(code: string, tests: string, timeoutMs = 1000): Promise<ExerciseResult> {
  return sandbox.run(buildProgram({ language: 'javascript', code, tests }), { timeoutMs });
}

/** The outcome of one test whose body is `body`, next to the module `code`. */
async function outcomeOf(body: string, code = ''): Promise<TestOutcome> {
  const result = await run(code, `test('it', async () => {\n${body}\n});`);
  expect(result.error).toBeUndefined();
  expect(result.tests).toHaveLength(1);
  return result.tests[0] as TestOutcome;
}

/** Every `expect(…).toX` in `body` turned into `expect(…).not.toX`. */
const negated = (body: string) => body.replaceAll(').to', ').not.to');

// [matcher, a body where it holds, a body where it does not, the message for the latter]
const MATCHERS: [string, string, string, string][] = [
  ['toBe', 'expect(2).toBe(2); expect(NaN).toBe(NaN)', 'expect(1).toBe(2)', 'expected 1 to be 2'],
  [
    'toEqual',
    'expect({ a: [1, { b: 2 }], c: undefined }).toEqual({ a: [1, { b: 2 }] }); expect(new Map([[1, [2]]])).toEqual(new Map([[1, [2]]]))',
    "expect([1, { b: 'x' }]).toEqual([1, { b: 'y' }])",
    'expected [1, { b: "x" }] to equal [1, { b: "y" }]',
  ],
  [
    'toBeTruthy',
    "expect(1).toBeTruthy(); expect('a').toBeTruthy()",
    "expect('').toBeTruthy()",
    'expected "" to be truthy',
  ],
  ['toBeFalsy', 'expect(0).toBeFalsy(); expect(null).toBeFalsy()', 'expect([]).toBeFalsy()', 'expected [] to be falsy'],
  ['toBeNull', 'expect(null).toBeNull()', 'expect(undefined).toBeNull()', 'expected undefined to be null'],
  [
    'toBeUndefined',
    'expect(undefined).toBeUndefined()',
    'expect(null).toBeUndefined()',
    'expected null to be undefined',
  ],
  ['toBeDefined', 'expect(0).toBeDefined()', 'expect(undefined).toBeDefined()', 'expected undefined to be defined'],
  [
    'toContain',
    "expect([1, 2]).toContain(2); expect('graph').toContain('rap'); expect(new Set(['a'])).toContain('a')",
    'expect([1, 2]).toContain(3)',
    'expected [1, 2] to contain 3',
  ],
  [
    'toHaveLength',
    "expect([1, 2]).toHaveLength(2); expect('abc').toHaveLength(3)",
    'expect([1]).toHaveLength(2)',
    'expected [1] to have length 2, but its length is 1',
  ],
  [
    'toBeGreaterThan',
    'expect(3).toBeGreaterThan(2)',
    'expect(2).toBeGreaterThan(2)',
    'expected 2 to be greater than 2',
  ],
  [
    'toBeGreaterThanOrEqual',
    'expect(2).toBeGreaterThanOrEqual(2)',
    'expect(1).toBeGreaterThanOrEqual(2)',
    'expected 1 to be greater than or equal to 2',
  ],
  ['toBeLessThan', 'expect(1).toBeLessThan(2)', 'expect(2).toBeLessThan(2)', 'expected 2 to be less than 2'],
  [
    'toBeLessThanOrEqual',
    'expect(2).toBeLessThanOrEqual(2)',
    'expect(3).toBeLessThanOrEqual(2)',
    'expected 3 to be less than or equal to 2',
  ],
  [
    'toBeCloseTo',
    'expect(0.1 + 0.2).toBeCloseTo(0.3); expect(1.04).toBeCloseTo(1, 1)',
    'expect(1.01).toBeCloseTo(1)',
    'expected 1.01 to be close to 1 (to 2 decimal places)',
  ],
  [
    'toThrow',
    "expect(() => { throw new Error('no such node') }).toThrow(); expect(() => { throw new Error('no such node') }).toThrow('such')",
    'expect(() => 1).toThrow()',
    'expected the function to throw, but it did not throw',
  ],
];

describe('the exercise harness, run by the QuickJS sandbox', () => {
  it.each(MATCHERS)('%s: passes when it holds, fails with a message when not', async (_, holds, fails, message) => {
    expect(await outcomeOf(holds)).toEqual({ name: 'it', passed: true });
    expect(await outcomeOf(fails)).toEqual({ name: 'it', passed: false, message });
  });

  it.each(MATCHERS)('%s: .not turns it around', async (_, holds, fails) => {
    const failing = await outcomeOf(negated(holds));
    expect(failing.passed).toBe(false);
    expect(failing.message).toMatch(/^expected .* not to /);
    expect(await outcomeOf(negated(fails))).toEqual({ name: 'it', passed: true });
  });

  it('error: matchers explain the near misses a learner makes', async () => {
    expect((await outcomeOf('expect({ a: 1 }).toBe({ a: 1 })')).message).toContain('use toEqual to compare contents');
    expect((await outcomeOf("expect(() => { throw new TypeError('bad') }).toThrow('good')")).message).toBe(
      'expected the function to throw an error containing "good", but it threw TypeError: bad',
    );
    expect((await outcomeOf("expect(() => { throw new TypeError('bad') }).not.toThrow()")).message).toBe(
      'expected the function not to throw, but it threw TypeError: bad',
    );
    expect((await outcomeOf('expect(2).toThrow()')).message).toContain('expect(() => …).toThrow()');
    expect((await outcomeOf("expect('3').toBeGreaterThan(2)")).message).toContain('need numbers');
  });

  it('toEqual ignores undefined properties and classes, but not missing items or Map contents', async () => {
    const holds = [
      'expect({ a: 1, b: undefined }).toEqual({ a: 1 })',
      'class Point { constructor() { this.x = 1 } }; expect(new Point()).toEqual({ x: 1 })',
      'expect(new Set([1, [2]])).toEqual(new Set([[2], 1]))',
      'const a = { self: null }; a.self = a; const b = { self: null }; b.self = b; expect(a).toEqual(b)',
    ];
    for (const body of holds) expect(await outcomeOf(body), body).toEqual({ name: 'it', passed: true });
    const fails = [
      'expect([1, undefined]).toEqual([1])',
      'expect(new Map([[1, 2]])).toEqual(new Map([[1, 3]]))',
      'expect({ a: 1 }).toEqual([1])',
    ];
    for (const body of fails) expect((await outcomeOf(body)).passed, body).toBe(false);
  });

  it('happy: async tests are awaited, in order', async () => {
    const code = 'export async function later(value) { await null; return value; }';
    const result = await run(
      code,
      `test('resolves', async () => { expect(await later(2)).toBe(2); });
test('a failing assertion after await', async () => { expect(await later(2)).toBe(3); });
test('sync after async', () => { expect(1).toBe(1); });`,
    );
    expect(result).toEqual({
      tests: [
        { name: 'resolves', passed: true },
        { name: 'a failing assertion after await', passed: false, message: 'expected 2 to be 3' },
        { name: 'sync after async', passed: true },
      ],
      passed: 2,
      total: 3,
      logs: [],
    });
  });

  it('error: a throw in the code under test fails that test with what was thrown', async () => {
    const code = "export function first(list) { return list[0].name; }\nexport function nope() { throw 'oops'; }";
    const result = await run(
      code,
      "test('type error', () => { first([]); });\ntest('a thrown string', () => { nope(); });\ntest('still runs', () => {});",
    );
    expect(result.tests).toEqual([
      {
        name: 'type error',
        passed: false,
        message: expect.stringMatching(/^TypeError: cannot read property 'name' of undefined/),
        errored: true,
      },
      { name: 'a thrown string', passed: false, message: 'threw "oops"', errored: true },
      { name: 'still runs', passed: true },
    ]);
    expect(result.error).toBeUndefined();
  });

  it('error: a syntax error in the code is the run’s error, with its line in the code', async () => {
    const tests = "test('t', () => {});";
    expect(await run('export function f() {\n  return 1 +;\n}', tests)).toEqual({
      tests: [],
      passed: 0,
      total: 0,
      logs: [],
      error: "SyntaxError: unexpected token in expression: ';' (line 2 of the code)",
    });
    expect((await run('export function f() {\n  return [1, 2;\n}', tests)).error).toBe(
      'SyntaxError: unexpected }: the [ on line 2 is still open (line 3 of the code)',
    );
    expect((await run('export function f() {\n  return 1;\n', tests)).error).toBe(
      'SyntaxError: a { is never closed: add its } (line 1 of the code)',
    );
    expect((await run('export const s = `open', tests)).error).toMatch(
      /^SyntaxError: a template literal is never closed/,
    );
    expect((await run('export function f() {}', "test('t', () => {\n  expect(f()).toBe(1 +);\n});")).error).toBe(
      "SyntaxError: unexpected token in expression: ')' (line 2 of the tests)",
    );
  });

  it('error: code that throws at the top level does not load', async () => {
    const result = await run("console.log('before');\nthrow new RangeError('boom');", "test('t', () => {});");
    expect(result.error).toBe('the code threw before any test ran: RangeError: boom');
    expect(result.total).toBe(0);
  });

  it('error: tests that throw while registering say so', async () => {
    const result = await run('export const a = 1;', "const graph = missing();\ntest('t', () => {});");
    expect(result.error).toBe("the tests could not start: ReferenceError: 'missing' is not defined");
    const nested = await outcomeOf("test('inner', () => {});");
    expect(nested.message).toBe('Error: test() belongs at the top level of the tests, not inside another test');
  });

  it('error: an endless loop times out instead of hanging, in the code, a test, or after an await', async () => {
    const loops: [string, string][] = [
      ['while (true) {}', "test('t', () => {});"],
      ['export function spin() { for (;;) {} }', "test('t', () => { spin(); });"],
      ['', "test('t', async () => { await null; while (true) {} });"],
    ];
    for (const [code, tests] of loops) {
      const started = Date.now();
      const result = await run(code, tests, 200);
      expect(result.error, tests).toBe('ran past its instruction budget: is there a loop that never ends?');
      expect(result.limit).toBe('time');
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('error: code that fills the heap is stopped, by the memory limit or the backstop', async () => {
    const started = Date.now();
    const result = await run(
      'export function grow() { const all = []; for (;;) all.push(new Array(1000).fill(all.length)); }',
      "test('t', () => { grow(); });",
      500,
    );
    const failure = result.error ?? result.tests[0]?.message ?? '';
    expect(failure).toMatch(/out of memory|ran out of time/);
    expect(result.passed).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The engine is still usable afterwards.
    expect(await outcomeOf('expect(1 + 1).toBe(2);')).toEqual({ name: 'it', passed: true });
  });

  it('error: memory bombs of every shape stop at the memory limit, fast, and leave the engine usable', async () => {
    const bombs = [
      // Fast arrays' elements escape QuickJS's own count: only the engine's memory cap stops these.
      'export function grow() { const all = []; for (;;) all.push(new Array(1000).fill(all.length)); }',
      'export function grow() { return new Array(5e7).fill(0); }',
      "export function grow() { let s = 'ab'; const all = []; for (;;) all.push(s + all.length); }",
      'export function grow() { const m = new Map(); for (let i = 0; ; i++) m.set(i, { i }); }',
    ];
    for (const code of bombs) {
      const started = Date.now();
      const result = await run(code, "test('grows', () => { grow(); });\ntest('after', () => {});");
      expect(result, code).toMatchObject({ error: 'ran out of memory (the limit is 32 MB)', limit: 'memory' });
      expect(result.tests[0], code).toMatchObject({ name: 'grows', passed: false });
      expect(Date.now() - started, code).toBeLessThan(5000);
    }
    expect(await outcomeOf('expect(1 + 1).toBe(2);')).toEqual({ name: 'it', passed: true });
  });

  it('error: recursion without a base case overflows the stack, cleanly, in the code or a test', async () => {
    const endless = 'export function down(n) { return down(n + 1) + 1; }';
    const inTest = await run(endless, "test('deep', () => { down(0); });");
    expect(inTest).toMatchObject({
      limit: 'stack',
      error: 'the stack overflowed: is there a recursion that never reaches its base case?',
      tests: [{ name: 'deep', passed: false, errored: true }],
    });
    const atLoad = await run(`${endless}\ndown(0);`, "test('t', () => {});");
    expect(atLoad).toMatchObject({ limit: 'stack', tests: [] });
    // Through built-ins, each level also takes native frames of the host's stack.
    const throughBuiltIns = [
      'export function down(n) { return [n].map((x) => down(x + 1))[0]; }',
      'export function down(n) { return JSON.stringify({ toJSON: () => down(n + 1) }); }',
      'export function down(n) { return new Proxy({}, { get: () => down(n + 1) }).x; }',
    ];
    for (const code of throughBuiltIns) {
      expect(await run(code, "test('deep', () => { down(0); });"), code).toMatchObject({ limit: 'stack' });
    }
    // Recursion a graph exercise needs is well within the limit, and the engine still works.
    const depth = await outcomeOf(
      'expect(depth(1000)).toBe(1000);',
      'export function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }',
    );
    expect(depth).toEqual({ name: 'it', passed: true });
  });

  it('happy: each test knows the log lines it wrote, and whether it threw or failed', async () => {
    const result = await run(
      "console.log('loading');\nexport function f(x) { console.log('f of', x); return x; }",
      "test('a', () => { expect(f(1)).toBe(2); });\ntest('quiet', () => {});\ntest('b', () => { f(2); null.x; });",
    );
    expect(result.logs).toEqual(['loading', 'f of 1', 'f of 2']);
    expect(result.tests).toEqual([
      { name: 'a', passed: false, message: 'expected 1 to be 2', logRange: [1, 2] },
      { name: 'quiet', passed: true },
      { name: 'b', passed: false, message: expect.stringMatching(/^TypeError/), errored: true, logRange: [2, 3] },
    ]);
  });

  it('error: a test waiting on a promise that never settles times out', async () => {
    const result = await run('', "test('t', async () => { await new Promise(() => {}); });", 200);
    expect(result.error).toBe('a test is waiting for a promise that never settles');
  });

  it('happy: the exports, and only the exports, are in the tests’ scope, as live bindings', async () => {
    const code = `export const answer = 42;
export let count = 0;
export function increment() { count += 1; }
export class Graph {}
export const { first, rest: [second] } = { first: 'a', rest: ['b'] };
function helper() { return 'h'; }
export { helper as publicHelper };`;
    const result = await run(
      code,
      `test('exports', () => {
  expect(answer).toBe(42);
  increment();
  expect(count).toBe(1);
  expect(typeof Graph).toBe('function');
  expect([first, second]).toEqual(['a', 'b']);
  expect(publicHelper()).toBe('h');
});
test('not exported', () => { expect(typeof helper).toBe('undefined'); });`,
    );
    expect(result.tests.map((test) => [test.name, test.passed, test.message])).toEqual([
      ['exports', true, undefined],
      ['not exported', true, undefined],
    ]);
  });

  it('error: a function the tests need but the code does not export is reported as not defined', async () => {
    expect(await outcomeOf('expect(countNodes({})).toBe(0);', 'function countNodes(graph) { return 0; }')).toEqual({
      name: 'it',
      passed: false,
      message: "ReferenceError: 'countNodes' is not defined",
      errored: true,
    });
  });

  it('security: the code cannot replace test, expect or the harness’s built-ins to pass', async () => {
    const code = `export function countNodes() { return 0; }
function expect() { return { toBe() {} }; }
function test() {}
Object.is = () => true;`;
    const tests = "test('counts', () => { expect(countNodes({ a: [] })).toBe(1); });";
    expect((await run(code, tests)).tests).toEqual([{ name: 'counts', passed: false, message: 'expected 0 to be 1' }]);
    // Promise decides what every await sees, so the harness freezes it before the code runs.
    const promise = await run('Promise.prototype.then = function (resolve) { resolve(); };', tests);
    expect(promise.error).toMatch(/^the code threw before any test ran: TypeError: 'then' is read-only/);
  });

  it('security: the hook that hands over exports cannot be called again', async () => {
    const result = await run('__jeseciExports([]);', "test('t', () => {});");
    expect(result.error).toContain('__jeseciExports is reserved');
  });

  it('security: only standard built-ins exist, and each run starts from a fresh global', async () => {
    const builtIns = await outcomeOf(
      "for (const name of ['require', 'process', 'setTimeout', 'fetch', 'Buffer']) expect(typeof globalThis[name]).toBe('undefined');\nexpect(eval('typeof process')).toBe('undefined');",
    );
    expect(builtIns).toEqual({ name: 'it', passed: true });
    await run('globalThis.leaked = 1;', "test('t', () => {});");
    expect(await outcomeOf("expect(typeof globalThis.leaked).toBe('undefined');")).toEqual({
      name: 'it',
      passed: true,
    });
  });

  it('happy: console output is captured, in order, from the code and the tests', async () => {
    const result = await run(
      "console.log('loading', 1, { a: [2, 'x'] });\nexport function f() { console.warn('in f'); globalThis.console.log('global'); }",
      "test('t', () => { f(); console.log(new Map([['k', null]]), undefined); });",
    );
    expect(result.logs).toEqual(['loading 1 { a: [2, "x"] }', 'in f', 'global', 'Map(1) {"k" => null} undefined']);
  });

  it('a flood of output is cut, so a result stays small', async () => {
    const result = await run("for (let i = 0; i < 10000; i += 1) console.log('line ' + i);", "test('t', () => {});");
    expect(result.logs).toHaveLength(201);
    expect(result.logs.at(-1)).toBe('… (more output was cut)');
  });
});

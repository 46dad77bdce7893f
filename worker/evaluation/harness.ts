/**
 * The test runtime placed at the top of every exercise program: `test`, `expect` and its
 * matchers, a `console` that captures what is logged, and the loop that runs each test and
 * serialises the result. It is JavaScript source rather than a TypeScript function because
 * it runs inside a sandbox, not here: a bundler's helpers (esbuild's `__name`, say) must not
 * leak into it, and it may use only what every engine has (no timers, no Node, no eval).
 *
 * Learner code runs in the same realm, after the harness. So the harness takes the built-ins
 * it relies on before that code can replace them, freezes Promise (its `then` decides what
 * every `await` sees), keeps its state in closures the learner's code cannot name, and writes
 * the result JSON by hand from primitives (a planted `toJSON` cannot rewrite it).
 *
 * Called as HARNESS(load, defineTests): `load(console, exposeExports)` runs the learner's
 * module, which first hands over getters for its exports; `defineTests(test, expect,
 * console)` registers the tests. Returns a Promise of the ExerciseResult as JSON, each test's
 * outcome saying whether it threw (rather than failed an expectation) and which log lines
 * it wrote.
 */

/** Caps that keep a result small whatever the code does (a loop that logs, a huge value). */
export const HARNESS_LIMITS = { logLines: 200, logChars: 20_000, lineChars: 2_000, valueChars: 500, depth: 3 };

export const HARNESS_SOURCE = String.raw`function (load, defineTests) {
  'use strict';
  const G = globalThis;
  const apply = Reflect.apply;
  const ownKeys = Reflect.ownKeys;
  const getPrototypeOf = Object.getPrototypeOf;
  const defineProperty = Object.defineProperty;
  const describeProperty = Object.getOwnPropertyDescriptor;
  const freeze = Object.freeze;
  const objectIs = Object.is;
  const isArray = Array.isArray;
  const stringify = JSON.stringify;
  const toText = String;
  const abs = Math.abs;
  const pow = Math.pow;
  const min = Math.min;
  const hasOwn = Object.prototype.hasOwnProperty;
  const isEnumerable = Object.prototype.propertyIsEnumerable;
  const ObjectPrototype = Object.prototype;
  const ErrorPrototype = Error.prototype;
  const includesText = String.prototype.includes;
  const sliceText = String.prototype.slice;
  const includesItem = Array.prototype.includes;
  const testPattern = RegExp.prototype.test;
  const patternSource = describeProperty(RegExp.prototype, 'source').get;
  const patternFlags = describeProperty(RegExp.prototype, 'flags').get;
  const timeOf = Date.prototype.getTime;
  const isoDate = Date.prototype.toISOString;
  const mapSize = describeProperty(Map.prototype, 'size').get;
  const mapEach = Map.prototype.forEach;
  const mapHas = Map.prototype.has;
  const mapGet = Map.prototype.get;
  const setSize = describeProperty(Set.prototype, 'size').get;
  const setEach = Set.prototype.forEach;
  const setHas = Set.prototype.has;
  freeze(Promise.prototype);
  freeze(Promise);

  const LIMITS = ${JSON.stringify(HARNESS_LIMITS)};
  const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

  // Writes by definition, so a setter planted on Array.prototype cannot intercept them.
  function append(list, value) {
    defineProperty(list, list.length, { value: value, writable: true, enumerable: true, configurable: true });
  }
  function join(parts, separator) {
    let text = '';
    for (let i = 0; i < parts.length; i += 1) text += (i ? separator : '') + parts[i];
    return text;
  }
  function clip(text, max) {
    return text.length > max ? apply(sliceText, text, [0, max - 1]) + '…' : text;
  }
  function branded(getter, value) {
    try {
      apply(getter, value, []);
      return true;
    } catch (_) {
      return false;
    }
  }
  const isMap = (value) => branded(mapSize, value);
  const isSet = (value) => branded(setSize, value);
  const isDate = (value) => branded(timeOf, value);
  const isPattern = (value) => branded(patternSource, value);
  function isErrorLike(value) {
    let prototype = value;
    for (let i = 0; i < 50 && prototype !== null; i += 1) {
      prototype = getPrototypeOf(prototype);
      if (prototype === ErrorPrototype) return true;
    }
    return false;
  }
  function ownValue(object, key) {
    const property = describeProperty(object, key);
    return property && 'value' in property ? property.value : undefined;
  }
  function functionName(fn) {
    const name = ownValue(fn, 'name');
    return typeof name === 'string' && name ? name : '(anonymous)';
  }

  // Values as a reader expects them in a message or a log line: "text", 3, [1, 2], { a: 1 }.
  function describe(value, depth, seen) {
    switch (typeof value) {
      case 'string': return stringify(value);
      case 'number': return objectIs(value, -0) ? '-0' : toText(value);
      case 'bigint': return toText(value) + 'n';
      case 'symbol': return toText(value);
      case 'boolean': return value ? 'true' : 'false';
      case 'undefined': return 'undefined';
      case 'function': return '[Function ' + functionName(value) + ']';
    }
    if (value === null) return 'null';
    if (apply(includesItem, seen, [value])) return '[Circular]';
    if (isDate(value)) {
      const time = apply(timeOf, value, []);
      return time === time ? apply(isoDate, value, []) : 'Invalid Date';
    }
    if (isPattern(value)) return '/' + apply(patternSource, value, []) + '/' + apply(patternFlags, value, []);
    if (isErrorLike(value)) return errorText(value);
    const map = isMap(value);
    const set = !map && isSet(value);
    const array = isArray(value);
    if (depth >= LIMITS.depth) return array ? '[Array]' : map ? '[Map]' : set ? '[Set]' : '[Object]';
    append(seen, value);
    try {
      const parts = [];
      const item = (text) => {
        if (parts.length < 20) append(parts, text);
        else if (parts.length === 20) append(parts, '…');
      };
      if (array) {
        for (let i = 0; i < min(value.length, 21); i += 1) item(describe(value[i], depth + 1, seen));
        return '[' + join(parts, ', ') + ']';
      }
      if (map || set) {
        const each = map ? mapEach : setEach;
        apply(each, value, [(entry, key) => item(map ? describe(key, depth + 1, seen) + ' => ' + describe(entry, depth + 1, seen) : describe(entry, depth + 1, seen))]);
        return (map ? 'Map(' : 'Set(') + apply(map ? mapSize : setSize, value, []) + ') {' + join(parts, ', ') + '}';
      }
      const keys = ownKeys(value);
      for (let i = 0; i < keys.length; i += 1) {
        const key = keys[i];
        if (!apply(isEnumerable, value, [key])) continue;
        const label = typeof key === 'symbol' ? '[' + toText(key) + ']' : apply(testPattern, IDENTIFIER, [key]) ? key : stringify(key);
        item(label + ': ' + describe(value[key], depth + 1, seen));
      }
      const prototype = getPrototypeOf(value);
      let prefix = '';
      if (prototype === null) prefix = '[Object: null prototype] ';
      else if (prototype !== ObjectPrototype) {
        const constructor = ownValue(prototype, 'constructor');
        if (typeof constructor === 'function') prefix = functionName(constructor) + ' ';
      }
      return prefix + (parts.length ? '{ ' + join(parts, ', ') + ' }' : '{}');
    } finally {
      seen.length -= 1;
    }
  }
  function show(value) {
    try {
      return clip(describe(value, 0, []), LIMITS.valueChars);
    } catch (_) {
      return '[a value that cannot be shown]';
    }
  }
  function errorText(error) {
    try {
      if (error !== null && typeof error === 'object' && typeof error.message === 'string') {
        const name = typeof error.name === 'string' && error.name ? error.name : 'Error';
        return name + ': ' + error.message;
      }
    } catch (_) {
      // An error whose name or message cannot be read is shown as a value.
    }
    return 'threw ' + show(error);
  }
  function thrownMessage(error) {
    try {
      if (error !== null && typeof error === 'object' && typeof error.message === 'string') return error.message;
    } catch (_) {
      // Falls through to the value itself.
    }
    return typeof error === 'string' ? error : show(error);
  }

  const logs = [];
  let logChars = 0;
  let logsCut = false;
  function log(...values) {
    if (logsCut) return;
    let line = '';
    for (let i = 0; i < values.length; i += 1) line += (i ? ' ' : '') + (typeof values[i] === 'string' ? values[i] : show(values[i]));
    line = clip(line, LIMITS.lineChars);
    if (logs.length >= LIMITS.logLines || logChars + line.length > LIMITS.logChars) {
      logsCut = true;
      append(logs, '… (more output was cut)');
      return;
    }
    logChars += line.length;
    append(logs, line);
  }
  const console = { log: log, info: log, warn: log, error: log, debug: log };
  // The code and tests get it as a parameter; globalThis.console should not escape capture either.
  try {
    defineProperty(G, 'console', { value: console, writable: true, enumerable: false, configurable: true });
  } catch (_) {
    // An engine whose console cannot be replaced still captures every plain console.log.
  }

  function equals(a, b, stackA, stackB) {
    if (objectIs(a, b)) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    for (let i = stackA.length - 1; i >= 0; i -= 1) if (stackA[i] === a) return stackB[i] === b;
    if (isArray(a) !== isArray(b) || isMap(a) !== isMap(b) || isSet(a) !== isSet(b)) return false;
    if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && objectIs(apply(timeOf, a, []), apply(timeOf, b, []));
    if (isPattern(a) || isPattern(b)) return isPattern(a) && isPattern(b) && describe(a, 0, []) === describe(b, 0, []);
    if (isErrorLike(a) && isErrorLike(b) && thrownMessage(a) !== thrownMessage(b)) return false;
    append(stackA, a);
    append(stackB, b);
    try {
      if (isMap(a)) return sameMaps(a, b, stackA, stackB);
      if (isSet(a)) return sameSets(a, b, stackA, stackB);
      if (isArray(a)) {
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i += 1) if (!equals(a[i], b[i], stackA, stackB)) return false;
        return true;
      }
      // Like Jest's toEqual: properties holding undefined count as absent; classes are not compared.
      const keysA = definedKeys(a);
      const keysB = definedKeys(b);
      if (keysA.length !== keysB.length) return false;
      for (let i = 0; i < keysA.length; i += 1) {
        const key = keysA[i];
        if (!apply(hasOwn, b, [key]) || !equals(a[key], b[key], stackA, stackB)) return false;
      }
      return true;
    } finally {
      stackA.length -= 1;
      stackB.length -= 1;
    }
  }
  function definedKeys(object) {
    const keys = ownKeys(object);
    const defined = [];
    for (let i = 0; i < keys.length; i += 1) {
      if (apply(isEnumerable, object, [keys[i]]) && object[keys[i]] !== undefined) append(defined, keys[i]);
    }
    return defined;
  }
  function entriesOf(collection, each) {
    const entries = [];
    apply(each, collection, [(value, key) => append(entries, [key, value])]);
    return entries;
  }
  function sameMaps(a, b, stackA, stackB) {
    if (apply(mapSize, a, []) !== apply(mapSize, b, [])) return false;
    const others = entriesOf(b, mapEach);
    const entries = entriesOf(a, mapEach);
    for (let i = 0; i < entries.length; i += 1) {
      const key = entries[i][0];
      const value = entries[i][1];
      if (apply(mapHas, b, [key])) {
        if (!equals(value, apply(mapGet, b, [key]), stackA, stackB)) return false;
        continue;
      }
      let found = false;
      for (let j = 0; j < others.length && !found; j += 1) {
        found = equals(key, others[j][0], stackA, stackB) && equals(value, others[j][1], stackA, stackB);
      }
      if (!found) return false;
    }
    return true;
  }
  function sameSets(a, b, stackA, stackB) {
    if (apply(setSize, a, []) !== apply(setSize, b, [])) return false;
    const others = entriesOf(b, setEach);
    const entries = entriesOf(a, setEach);
    for (let i = 0; i < entries.length; i += 1) {
      const value = entries[i][1];
      if (apply(setHas, b, [value])) continue;
      let found = false;
      for (let j = 0; j < others.length && !found; j += 1) found = equals(value, others[j][1], stackA, stackB);
      if (!found) return false;
    }
    return true;
  }

  // A failed expectation; any other throw inside a test is reported as what it is.
  class Failure {
    constructor(message) {
      this.message = message;
    }
  }
  const isNumeric = (value) => typeof value === 'number' || typeof value === 'bigint';

  function matchers(actual, negated) {
    const not = negated ? 'not ' : '';
    const got = () => show(actual);
    // message() is built only when the expectation fails.
    function verdict(pass, message) {
      if (pass === negated) throw new Failure(message());
    }
    function compare(words, expected, holds) {
      if (!isNumeric(actual) || !isNumeric(expected)) throw new Failure('to compare, expect() and the matcher need numbers: got ' + got() + ' and ' + show(expected));
      verdict(holds(actual, expected), () => 'expected ' + got() + ' ' + not + 'to be ' + words + ' ' + show(expected));
    }
    return {
      toBe(expected) {
        const pass = objectIs(actual, expected);
        const hint = !pass && typeof actual === 'object' && actual !== null && equals(actual, expected, [], []) ? ' (they are equal, but not the same object: use toEqual to compare contents)' : '';
        verdict(pass, () => 'expected ' + got() + ' ' + not + 'to be ' + show(expected) + hint);
      },
      toEqual(expected) {
        verdict(equals(actual, expected, [], []), () => 'expected ' + got() + ' ' + not + 'to equal ' + show(expected));
      },
      toBeTruthy() {
        verdict(!!actual, () => 'expected ' + got() + ' ' + not + 'to be truthy');
      },
      toBeFalsy() {
        verdict(!actual, () => 'expected ' + got() + ' ' + not + 'to be falsy');
      },
      toBeNull() {
        verdict(actual === null, () => 'expected ' + got() + ' ' + not + 'to be null');
      },
      toBeUndefined() {
        verdict(actual === undefined, () => 'expected ' + got() + ' ' + not + 'to be undefined');
      },
      toBeDefined() {
        verdict(actual !== undefined, () => 'expected ' + got() + ' ' + not + 'to be defined');
      },
      toContain(item) {
        let pass;
        if (typeof actual === 'string') {
          if (typeof item !== 'string') throw new Failure('toContain on a string looks for a string, not ' + show(item));
          pass = apply(includesText, actual, [item]);
        } else if (isArray(actual)) pass = apply(includesItem, actual, [item]);
        else if (isSet(actual)) pass = apply(setHas, actual, [item]);
        else throw new Failure('toContain looks in an array, a Set or a string, not in ' + got());
        verdict(pass, () => 'expected ' + got() + ' ' + not + 'to contain ' + show(item));
      },
      toHaveLength(expected) {
        const length = actual === null || actual === undefined ? undefined : actual.length;
        if (typeof length !== 'number') throw new Failure('expected something with a length, got ' + got());
        verdict(length === expected, () => 'expected ' + got() + ' ' + not + 'to have length ' + show(expected) + (negated ? '' : ', but its length is ' + length));
      },
      toBeGreaterThan(expected) {
        compare('greater than', expected, (a, b) => a > b);
      },
      toBeGreaterThanOrEqual(expected) {
        compare('greater than or equal to', expected, (a, b) => a >= b);
      },
      toBeLessThan(expected) {
        compare('less than', expected, (a, b) => a < b);
      },
      toBeLessThanOrEqual(expected) {
        compare('less than or equal to', expected, (a, b) => a <= b);
      },
      toBeCloseTo(expected, digits) {
        const places = digits === undefined ? 2 : digits;
        if (typeof actual !== 'number' || typeof expected !== 'number') throw new Failure('toBeCloseTo compares numbers: got ' + got() + ' and ' + show(expected));
        const pass = actual === expected || abs(expected - actual) < pow(10, -places) / 2;
        verdict(pass, () => 'expected ' + got() + ' ' + not + 'to be close to ' + show(expected) + ' (to ' + places + ' decimal places)');
      },
      toThrow(expected) {
        if (typeof actual !== 'function') throw new Failure('toThrow calls a function: write expect(() => …).toThrow(), not expect(' + got() + ')');
        if (expected !== undefined && typeof expected !== 'string' && !isPattern(expected)) throw new Failure('toThrow looks for a message (a string or a regular expression), not ' + show(expected));
        let threw = false;
        let error;
        try {
          actual();
        } catch (caught) {
          threw = true;
          error = caught;
        }
        let pass = threw;
        if (threw && expected !== undefined) {
          const message = thrownMessage(error);
          pass = typeof expected === 'string' ? apply(includesText, message, [expected]) : apply(testPattern, expected, [message]);
        }
        const what = expected === undefined ? '' : ' an error containing ' + show(expected);
        verdict(pass, () => 'expected the function ' + not + 'to throw' + what + (threw ? ', but it threw ' + errorText(error) : ', but it did not throw'));
      },
    };
  }
  function expect(actual) {
    const positive = matchers(actual, false);
    return freeze({ ...positive, not: freeze(matchers(actual, true)) });
  }

  const registered = [];
  let registering = false;
  function test(name, fn) {
    if (!registering) throw new Error('test() belongs at the top level of the tests, not inside another test');
    if (typeof name !== 'string' || typeof fn !== 'function') throw new TypeError('test(name, fn) takes a name and a function');
    append(registered, { name: name, fn: fn });
  }

  let exportCalls = 0;
  // Each export becomes a global getter: the tests see exactly the exports, by name, live.
  function exposeExports(pairs) {
    exportCalls += 1;
    if (exportCalls > 1) throw new Error('__jeseciExports is reserved for the test harness');
    for (let i = 0; i < pairs.length; i += 1) {
      defineProperty(G, pairs[i][0], { get: pairs[i][1], enumerable: false, configurable: true });
    }
  }

  const outcomes = [];
  let passed = 0;
  function finish(error) {
    let json = '{"tests":[';
    for (let i = 0; i < outcomes.length; i += 1) {
      const outcome = outcomes[i];
      json += (i ? ',' : '') + '{"name":' + stringify(outcome.name) + ',"passed":' + (outcome.passed ? 'true' : 'false');
      json += outcome.message === undefined ? '' : ',"message":' + stringify(outcome.message);
      json += outcome.errored ? ',"errored":true' : '';
      const range = outcome.logRange;
      json += range[1] > range[0] ? ',"logRange":[' + range[0] + ',' + range[1] + ']' : '';
      json += '}';
    }
    json += '],"passed":' + passed + ',"total":' + outcomes.length + ',"logs":[';
    for (let i = 0; i < logs.length; i += 1) json += (i ? ',' : '') + stringify(logs[i]);
    return json + ']' + (error === undefined ? '' : ',"error":' + stringify(clip(error, LIMITS.lineChars))) + '}';
  }

  async function run() {
    try {
      await load(console, exposeExports);
    } catch (error) {
      return finish('the code threw before any test ran: ' + errorText(error));
    }
    if (exportCalls !== 1) return finish('the code did not load: __jeseciExports is reserved for the test harness');
    registering = true;
    try {
      defineTests(test, expect, console);
    } catch (error) {
      return finish('the tests could not start: ' + errorText(error));
    } finally {
      registering = false;
    }
    for (let i = 0; i < registered.length; i += 1) {
      const entry = registered[i];
      const firstLog = logs.length;
      let message;
      let errored = false;
      try {
        await entry.fn();
      } catch (error) {
        errored = !(error instanceof Failure);
        message = errored ? errorText(error) : error.message;
      }
      const logRange = [firstLog, logs.length];
      if (message === undefined) {
        passed += 1;
        append(outcomes, { name: entry.name, passed: true, errored: false, logRange: logRange });
      } else {
        append(outcomes, { name: entry.name, passed: false, message: clip(message, LIMITS.lineChars), errored: errored, logRange: logRange });
      }
    }
    return finish();
  }
  return run();
}`;

import { describe, expect, it } from 'vitest';
import { moduleAsScript, type ModuleExport } from './module-as-script';

function exported(code: string): string[] {
  const result = moduleAsScript(code);
  if (!result.ok) throw new Error(`not a module: ${result.message} (line ${result.line})`);
  return result.exports.map((entry: ModuleExport) =>
    entry.name === entry.local ? entry.name : `${entry.local} as ${entry.name}`,
  );
}

describe('moduleAsScript', () => {
  it('happy: lists every exported declaration and blanks the export keywords, keeping every position', () => {
    const code = [
      'export function countNodes(graph) { return 0; }',
      'export async function load() {}',
      'export function* walk() {}',
      'export class Graph {}',
      'export const a = f(1, 2), b = { c: [3, 4] }, d = (x) => x;',
      'export let { e, f: [g], ...h } = source, [i, , j = 1] = list;',
      'function helper() {}',
      'export { helper, helper as alias };',
    ].join('\n');
    expect(exported(code)).toEqual([
      'countNodes',
      'load',
      'walk',
      'Graph',
      'a',
      'b',
      'd',
      'e',
      'g',
      'h',
      'i',
      'j',
      'helper',
      'helper as alias',
    ]);
    const result = moduleAsScript(code);
    expect(result.ok && result.body.length).toBe(code.length);
    expect(result.ok && result.body.split('\n')[0]).toBe('       function countNodes(graph) { return 0; }');
    expect(result.ok && result.body.split('\n')[7]).toBe(' '.repeat('export { helper, helper as alias }'.length) + ';');
    expect(result.ok && result.body).not.toMatch(/\bexport\b/);
  });

  it('ends a declaration where JavaScript inserts a semicolon', () => {
    expect(exported('export const a = 1\nexport const b = 2\nlet c = 3')).toEqual(['a', 'b']);
    expect(exported('export const sum = (list) => {\n  return list.length\n}\nconst hidden = 1')).toEqual(['sum']);
    expect(exported('export const a = b\n  + c, d = 1')).toEqual(['a', 'd']);
  });

  it('leaves "export" alone in strings, comments, templates and property names', () => {
    const code =
      'const s = "export function x() {}"; // export const y = 1\nconst o = { export: 1 }; o.export;\nconst t = `\nexport function z() {}`;';
    const result = moduleAsScript(code);
    expect(result).toEqual({ ok: true, body: code, exports: [] });
  });

  it.each([
    ['export default function () {}', 'export default is not supported', 1],
    ["import { x } from './x.js';", 'import: an exercise is a single module', 1],
    ["const a = 1;\nexport { a } from './a.js';", 'export … from: an exercise is a single module', 2],
    ["export * from './a.js';", 'export * from', 1],
    ['export const a = 1;\nexport function a() {}', '"a" is exported twice', 2],
    ['export function () {}', 'an exported function needs a name', 1],
    ['export { a as default };', 'export { a as default }', 1],
  ])('error: %s', (code, message, line) => {
    const result = moduleAsScript(code);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
    expect(!result.ok && result.line).toBe(line);
  });

  it('leaves import() and import.meta to the engine', () => {
    expect(moduleAsScript('export const load = () => import("x");').ok).toBe(true);
  });

  it('error: code that does not scan is refused before it is placed anywhere', () => {
    expect(moduleAsScript('export function f() {\n  return 1;\n')).toEqual({
      ok: false,
      message: 'a { is never closed: add its }',
      line: 1,
    });
  });
});

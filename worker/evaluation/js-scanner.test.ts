import { describe, expect, it } from 'vitest';
import { scan, type Token } from './js-scanner';

function tokens(source: string): Token[] {
  const result = scan(source);
  if (!result.ok) throw new Error(`did not scan: ${result.message} (line ${result.line})`);
  return result.tokens;
}

const kinds = (source: string, kind: Token['kind']) =>
  tokens(source)
    .filter((token) => token.kind === kind)
    .map((token) => token.value);

describe('scan', () => {
  it('happy: brackets inside strings, comments, templates and regular expressions do not count', () => {
    const source = [
      'const a = "}" + \'{\'; // }',
      '/* { */ const re = /[}/]{2}/g;',
      'const t = `}{ ${ { b: 1 }.b } ${`nested ${a}`}`;',
    ].join('\n');
    expect(kinds(source, 'regex')).toEqual(['/[}/]{2}/g']);
    expect(kinds(source, 'string')).toEqual(['"}"', "'{'"]);
    expect(kinds(source, 'template')).toEqual(['`}{ ${', '} ${', '`nested ${', '}`', '}`']);
  });

  it('tells division from a regular expression by what comes before the slash', () => {
    expect(kinds('const r = a / b / c; const h = { a: 4 }.a / 2 / 1; x.return / 2 / 3;', 'regex')).toEqual([]);
    expect(kinds('if (ok) /}/.test(s);\nfunction f() { return /{/; }\n{}\n/a/.exec(s);', 'regex')).toEqual([
      '/}/',
      '/{/',
      '/a/',
    ]);
    expect(kinds('const n = (a + b) / 2 / c; const m = list[0] / 2 / 1; i++ / 2 / 1;', 'regex')).toEqual([]);
  });

  it('records lines, depth and line breaks between tokens', () => {
    const [first, open, inner, close, last] = tokens('a {\n  b /* x\n */ }\nc');
    expect([first?.line, open?.line, inner?.line, close?.line, last?.line]).toEqual([1, 1, 2, 3, 4]);
    expect([first?.depth, open?.depth, inner?.depth, close?.depth]).toEqual([0, 0, 1, 0]);
    expect([inner?.newlineBefore, close?.newlineBefore, last?.newlineBefore]).toEqual([true, true, true]);
    const [, afterTemplate] = tokens('`a\nb` c');
    expect(afterTemplate).toMatchObject({ value: 'c', line: 2, newlineBefore: false });
  });

  it('error: an unclosed bracket is reported where it opens', () => {
    expect(scan('function f() {\n  if (x) {\n    return 1;\n}')).toEqual({
      ok: false,
      message: 'a { is never closed: add its }',
      line: 1,
    });
  });

  it('error: a closer that does not match says which bracket is still open', () => {
    expect(scan('f(a, [1, 2)\n')).toEqual({
      ok: false,
      message: 'unexpected ): the [ on line 1 is still open',
      line: 1,
    });
    expect(scan('}\n')).toEqual({ ok: false, message: 'unexpected }', line: 1 });
  });

  it('error: unclosed strings, templates, comments and regular expressions', () => {
    expect(scan('const s = "abc\nnext";')).toMatchObject({ ok: false, message: 'a string is never closed: add its "' });
    expect(scan('const t = `abc ${x}')).toMatchObject({
      ok: false,
      message: 'a template literal is never closed: add its `',
    });
    expect(scan('const t = `abc ${x')).toMatchObject({
      ok: false,
      message: 'a ${ in a template literal is never closed: add its }',
    });
    expect(scan('a; /* note')).toMatchObject({ ok: false, message: 'a /* comment is never closed' });
    expect(scan('const r = /ab\n/;')).toMatchObject({
      ok: false,
      message: 'a regular expression is never closed: add its /',
    });
  });
});

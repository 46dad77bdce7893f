import { describe, expect, it } from 'vitest';
import { javascriptGrammar } from './javascript-grammar';
import { tokenize } from './tokenizer';

function coloured(source: string): string[] {
  return tokenize(source, javascriptGrammar)
    .filter((token) => token.kind !== 'plain')
    .map((token) => `${token.kind}:${token.text}`);
}

describe('javascriptGrammar', () => {
  it('happy: declarations, calls, properties and builtins', () => {
    expect(coloured('export function count(graph) { return graph.nodes.length ?? null; }')).toEqual([
      'keyword:export',
      'keyword:function',
      'function:count',
      'punctuation:(',
      'punctuation:)',
      'punctuation:{',
      'keyword:return',
      'punctuation:.',
      'property:nodes',
      'punctuation:.',
      'property:length',
      'operator:??',
      'builtin:null',
      'punctuation:;',
      'punctuation:}',
    ]);
    expect(coloured('class Graph extends Base { #edges = new Map(); }')).toEqual([
      'keyword:class',
      'type:Graph',
      'keyword:extends',
      'type:Base',
      'punctuation:{',
      'property:#edges',
      'operator:=',
      'keyword:new',
      'builtin:Map',
      'punctuation:(',
      'punctuation:)',
      'punctuation:;',
      'punctuation:}',
    ]);
  });

  it('happy: strings with escapes, and template literals with code inside ${…}', () => {
    expect(coloured(`'it\\'s' + "say \\"hi\\""`)).toEqual([`string:'it\\'s'`, 'operator:+', 'string:"say \\"hi\\""']);
    expect(coloured('`n = ${count(g) + `${x}`} \\${not code}`')).toEqual([
      'string:`n = ',
      'punctuation:${',
      'function:count',
      'punctuation:(',
      'punctuation:)',
      'operator:+',
      'string:`',
      'punctuation:${',
      'punctuation:}',
      'string:`',
      'punctuation:}',
      'string: \\${not code}`',
    ]);
  });

  it('happy: comments and numbers', () => {
    expect(coloured('x = 0xff + 1_000n + .5e-3; // note\n/* block\n */')).toEqual([
      'operator:=',
      'number:0xff',
      'operator:+',
      'number:1_000n',
      'operator:+',
      'number:.5e-3',
      'punctuation:;',
      'comment:// note',
      'comment:/* block\n */',
    ]);
  });

  it('happy: arrows, optional chaining and strict equality are single operators', () => {
    expect(coloured('a?.b === c => d >>>= 1').filter((token) => token.startsWith('operator'))).toEqual([
      'operator:?.',
      'operator:===',
      'operator:=>',
      'operator:>>>=',
    ]);
  });

  it('edge: unfinished strings, templates and comments give back every character', () => {
    for (const source of ['"open\nnext', '`a ${b', '/* open', "'\\", '`${`${']) {
      expect(
        tokenize(source, javascriptGrammar)
          .map((token) => token.text)
          .join(''),
      ).toBe(source);
    }
    expect(coloured('"open\nnext')).toEqual(['string:"open']);
  });
});

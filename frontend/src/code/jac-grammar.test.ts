import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jacGrammar } from './jac-grammar';
import { tokenize, type Token } from './tokenizer';

function jac(source: string): Token[] {
  return tokenize(source, jacGrammar);
}

/** The tokens that carry a colour, as `kind:text`, for compact expectations. */
function coloured(source: string): string[] {
  return jac(source)
    .filter((token) => token.kind !== 'plain')
    .map((token) => `${token.kind}:${token.text}`);
}

function kindOf(source: string, text: string): string | undefined {
  return jac(source).find((token) => token.text === text)?.kind;
}

describe('jacGrammar', () => {
  it('happy: archetypes, has fields, abilities with entry and the walker statements', () => {
    const source = 'walker Rider {\n    has stops: int = 0;\n    can ride with Station entry { visit [-->]; }\n}';
    expect(coloured(source)).toEqual([
      'keyword:walker',
      'type:Rider',
      'punctuation:{',
      'keyword:has',
      'property:stops',
      'punctuation::',
      'type:int',
      'operator:=',
      'number:0',
      'punctuation:;',
      'keyword:can',
      'function:ride',
      'keyword:with',
      'type:Station',
      'keyword:entry',
      'punctuation:{',
      'keyword:visit',
      'punctuation:[',
      'operator:-->',
      'punctuation:]',
      'punctuation:;',
      'punctuation:}',
      'punctuation:}',
    ]);
  });

  it('happy: every archetype keyword and object-spatial keyword of jac.lark is a keyword', () => {
    const words = 'obj node edge walker class enum has can def with entry exit visit spawn report disengage skip';
    const more = 'import include from as glob let impl sem test by static override abs priv pub protect';
    for (const word of `${words} ${more}`.split(' ')) expect(kindOf(`${word} `, word), word).toBe('keyword');
  });

  it('happy: here, self, visitor, root and super read as builtins; True, False and None too', () => {
    for (const word of ['here', 'self', 'visitor', 'root', 'super', 'True', 'False', 'None']) {
      expect(kindOf(`x = ${word};`, word), word).toBe('builtin');
    }
  });

  it('happy: connect operators, plain and typed, are single operators', () => {
    expect(coloured('a ++> b; a <++ b; a <++> b;').filter((token) => token.startsWith('operator'))).toEqual([
      'operator:++>',
      'operator:<++',
      'operator:<++>',
    ]);
    expect(coloured('a +>:Route:cost=3:+> b;')).toEqual([
      'operator:+>:',
      'type:Route',
      'punctuation::',
      'operator:=',
      'number:3',
      'operator::+>',
      'punctuation:;',
    ]);
    expect(coloured('a <+:Route:<+ b;')).toContain('operator::<+');
  });

  it('happy: edge references, plain and typed', () => {
    expect(coloured('[<--]; [<-->]; [->:Route:cost > 2:->]; [<-:Route:<-];')).toEqual([
      'punctuation:[',
      'operator:<--',
      'punctuation:]',
      'punctuation:;',
      'punctuation:[',
      'operator:<-->',
      'punctuation:]',
      'punctuation:;',
      'punctuation:[',
      'operator:->:',
      'type:Route',
      'punctuation::',
      'operator:>',
      'number:2',
      'operator::->',
      'punctuation:]',
      'punctuation:;',
      'punctuation:[',
      'operator:<-:',
      'type:Route',
      'operator::<-',
      'punctuation:]',
      'punctuation:;',
    ]);
  });

  it('happy: `root and `Type are type references; <>node is a name, not the keyword', () => {
    expect(kindOf('can go with `root entry {}', '`root')).toBe('type');
    expect(coloured('x = <>node; <>node(1);')).toEqual([
      'operator:=',
      'punctuation:;',
      'function:<>node',
      'punctuation:(',
      'number:1',
      'punctuation:)',
      'punctuation:;',
    ]);
  });

  it('happy: f-strings are strings with code inside their braces; {{ }} stay text', () => {
    expect(coloured('f"Stop {self.stops}: {here.name} {{literal}}"')).toEqual([
      'string:f"Stop ',
      'punctuation:{',
      'builtin:self',
      'punctuation:.',
      'property:stops',
      'punctuation:}',
      'string:: ',
      'punctuation:{',
      'builtin:here',
      'punctuation:.',
      'property:name',
      'punctuation:}',
      'string: {{literal}}"',
    ]);
    // Quotes of the same kind inside the braces, as jaclang accepts them.
    expect(coloured(`f"{d["k"]}!"`)).toEqual([
      'string:f"',
      'punctuation:{',
      'punctuation:[',
      'string:"k"',
      'punctuation:]',
      'punctuation:}',
      'string:!"',
    ]);
    expect(coloured("f'{x}'")).toEqual(["string:f'", 'punctuation:{', 'punctuation:}', "string:'"]);
  });

  it('happy: strings with prefixes and triple quotes; no backslash-escaped quotes, as in jac.lark', () => {
    expect(coloured('x = rb"a\\n" + """one\n"two"\n""";')).toEqual([
      'operator:=',
      'string:rb"a\\n"',
      'operator:+',
      'string:"""one\n"two"\n"""',
      'punctuation:;',
    ]);
    expect(coloured('"a\\"b"')).toEqual(['string:"a\\"', 'string:b"']);
  });

  it('happy: # line comments and #* block comments *#', () => {
    expect(coloured('x = 1; # one\n#* two\nlines *# y')).toEqual([
      'operator:=',
      'number:1',
      'punctuation:;',
      'comment:# one',
      'comment:#* two\nlines *#',
    ]);
  });

  it('happy: numbers in every form jac.lark reads', () => {
    const numbers = ['42', '1_000', '3.14', '.5', '2.', '1e9', '6.02e-23', '0xFF_FF', '0b1010', '0o777'];
    for (const number of numbers) expect(coloured(`x = ${number};`)[1], number).toBe(`number:${number}`);
  });

  it('happy: calls are functions, attributes properties, capitalised names types', () => {
    expect(coloured('r = root spawn Rider(); print(len(r.path)); r.go();')).toEqual([
      'operator:=',
      'builtin:root',
      'keyword:spawn',
      'type:Rider',
      'punctuation:(',
      'punctuation:)',
      'punctuation:;',
      'builtin:print',
      'punctuation:(',
      'builtin:len',
      'punctuation:(',
      'punctuation:.',
      'property:path',
      'punctuation:)',
      'punctuation:)',
      'punctuation:;',
      'punctuation:.',
      'function:go',
      'punctuation:(',
      'punctuation:)',
      'punctuation:;',
    ]);
  });

  it('happy: by llm(), glob and :g: name the meaning-typed and global forms', () => {
    expect(coloured('glob llm = Model(); def ask(q: str) -> str by llm();')).toEqual([
      'keyword:glob',
      'operator:=',
      'type:Model',
      'punctuation:(',
      'punctuation:)',
      'punctuation:;',
      'keyword:def',
      'function:ask',
      'punctuation:(',
      'punctuation::',
      'type:str',
      'punctuation:)',
      'operator:->',
      'type:str',
      'keyword:by',
      'function:llm',
      'punctuation:(',
      'punctuation:)',
      'punctuation:;',
    ]);
    expect(kindOf(':g: counter;', ':g:')).toBe('keyword');
  });

  it('edge: unfinished code still highlights and gives back every character', () => {
    for (const source of ['f"open {x', '"no end\nnext', '#* never closed', '::py:: x = 1', 'a +>:E', "'''\n"]) {
      expect(
        jac(source)
          .map((token) => token.text)
          .join(''),
      ).toBe(source);
    }
    expect(coloured('"no end\nnext')).toEqual(['string:"no end']);
  });
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('jacGrammar: the tokens give back the exact source', () => {
  it('happy: for random text made of Jac pieces, quotes and braces (what a learner types mid-edit)', () => {
    const pieces = ['f"', '"', "'", '"""', '{', '}', '{{', '#', '#*', '*#', '`', '<>', '::py::', ':g:', '++>', '<+:'];
    pieces.push(
      '->:',
      ':->',
      '-->',
      ' ',
      '\n',
      '\t',
      'walker',
      'x',
      '1.5',
      '0x',
      '.',
      '\\',
      'é',
      '😀',
      '\ud800',
      '\r\n',
    );
    const next = random(2024);
    for (let run = 0; run < 500; run += 1) {
      const source = Array.from(
        { length: 1 + Math.floor(next() * 40) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      expect(
        jac(source)
          .map((token) => token.text)
          .join(''),
      ).toBe(source);
    }
  });

  it('happy: for every Jac block of our own course', () => {
    const lessons = new URL('../../../content/osp-with-jac/lessons/', import.meta.url);
    const blocks = readdirSync(lessons)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) => [
        ...readFileSync(new URL(name, lessons), 'utf8').matchAll(/^```jac( fragment)?\n([\s\S]*?)^```/gm),
      ])
      .map((match) => ({ program: match[1] === undefined, source: match[2] ?? '' }));
    expect(blocks.length).toBeGreaterThan(50);
    for (const { program, source } of blocks) {
      const tokens = jac(source);
      expect(tokens.map((token) => token.text).join('')).toBe(source);
      // A whole program always has a keyword (`with entry` at least); a fragment may not.
      if (program)
        expect(
          tokens.some((token) => token.kind === 'keyword'),
          source,
        ).toBe(true);
    }
  });

  // jaclang's reference examples (jac/examples/reference in jaseci-labs/jaseci), when a
  // checkout is at hand: point JAC_EXAMPLES at it.
  const examples = process.env.JAC_EXAMPLES ?? '';
  it.skipIf(!examples || !existsSync(examples))('happy: for every example of the Jac reference', () => {
    const files = readdirSync(examples).filter((name) => name.endsWith('.jac'));
    expect(files.length).toBeGreaterThan(50);
    for (const name of files) {
      const source = readFileSync(join(examples, name), 'utf8');
      const tokens = jac(source);
      expect(tokens.map((token) => token.text).join(''), name).toBe(source);
      expect(
        tokens.some((token) => token.kind === 'keyword'),
        name,
      ).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { blockLanguage, fencedBlocks } from './markdown-fences.ts';

describe('fencedBlocks', () => {
  it('happy: finds each block with its info string, lines and content', () => {
    const markdown = [
      '# Title',
      '',
      '```jac',
      'with entry {',
      '    print(1);',
      '}',
      '```',
      'Text',
      '~~~',
      'out',
      '~~~',
    ];
    expect(fencedBlocks(markdown.join('\n'))).toEqual([
      { info: 'jac', openLine: 2, closeLine: 6, closed: true, content: 'with entry {\n    print(1);\n}' },
      { info: '', openLine: 8, closeLine: 10, closed: true, content: 'out' },
    ]);
  });

  it('happy: a block closes only on a fence of its own character, at least as long, with nothing after it', () => {
    const markdown = ['````md', '```jac', '~~~~', '```` not a close', '````', 'after'];
    expect(fencedBlocks(markdown.join('\n'))).toEqual([
      { info: 'md', openLine: 0, closeLine: 4, closed: true, content: '```jac\n~~~~\n```` not a close' },
    ]);
  });

  it('happy: an indented fence strips that much indentation from its content, no more', () => {
    expect(fencedBlocks('  ```jac\n  a\n    b\nc\n  ```')[0]?.content).toBe('a\n  b\nc');
  });

  it('edge: an unclosed block runs to the end of the text', () => {
    expect(fencedBlocks('intro\n```jac\nwith entry {}\n')).toEqual([
      { info: 'jac', openLine: 1, closeLine: 4, closed: false, content: 'with entry {}\n' },
    ]);
  });

  it('edge: inline code and deeply indented backticks are not fences', () => {
    expect(fencedBlocks('```a`b```\n    ```jac\n    x\n    ```')).toEqual([]);
  });

  it('edge: Windows line endings are read like Unix ones', () => {
    expect(fencedBlocks('```text\r\nhi\r\n```\r\n')).toEqual([
      { info: 'text', openLine: 0, closeLine: 2, closed: true, content: 'hi' },
    ]);
  });
});

describe('blockLanguage', () => {
  it('is the first word of the info string, lower-cased', () => {
    const block = (info: string) => ({ info, openLine: 0, closeLine: 1, closed: true, content: '' });
    expect(blockLanguage(block('Jac fragment'))).toBe('jac');
    expect(blockLanguage(block(''))).toBe('');
  });
});

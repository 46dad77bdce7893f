import { describe, expect, it } from 'vitest';
import { countWords } from './word-count';

describe('countWords', () => {
  it('counts prose and code, but not Markdown marks', () => {
    const markdown = [
      '# Breadth-first search',
      '',
      '- visit each node once',
      '',
      '```js',
      'queue.push(start);',
      '```',
    ].join('\n');
    // Breadth-first, search, visit, each, node, once, ```js, queue.push(start);
    expect(countWords(markdown)).toBe(8);
  });

  it('counts words in any script and numbers, and nothing in white space', () => {
    expect(countWords('Größe 42 — 图 节点')).toBe(4);
    expect(countWords('  \n\t ')).toBe(0);
  });
});

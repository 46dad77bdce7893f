import { describe, expect, it } from 'vitest';
import { linkOrText, parseInline, parseReplyText } from './reply-text';

describe('parseReplyText', () => {
  it('keeps paragraphs apart and single newlines as line breaks', () => {
    expect(parseReplyText('This week: 4 answers.\nStreak: 2 days.\n\nKeep going.')).toEqual([
      {
        kind: 'paragraph',
        lines: [[{ kind: 'text', text: 'This week: 4 answers.' }], [{ kind: 'text', text: 'Streak: 2 days.' }]],
      },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Keep going.' }]] },
    ]);
  });

  it('reads a quoted lesson excerpt, a list and a code block', () => {
    const blocks = parseReplyText(
      'From the lesson:\n\n> A walker moves\n> along edges.\n\n- one\n- two\n\n1. first\n2. second\n\n```jac\nwalker W {}\n```',
    );
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'quote', 'list', 'list', 'code']);
    expect(blocks[1]).toEqual({
      kind: 'quote',
      lines: [[{ kind: 'text', text: 'A walker moves' }], [{ kind: 'text', text: 'along edges.' }]],
    });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true, items: [[{ text: 'first' }], [{ text: 'second' }]] });
    expect(blocks[4]).toEqual({ kind: 'code', text: 'walker W {}' });
  });

  it('turns a quoted title the answer links to into that link', () => {
    const [paragraph] = parseReplyText('Read “Walkers” first, then "Edges". "Unlinked" stays.', [
      { title: 'Walkers', href: '/courses/c/lessons/walkers' },
      { title: 'Edges', href: '/courses/c/lessons/edges' },
    ]);
    expect(paragraph).toEqual({
      kind: 'paragraph',
      lines: [
        [
          { kind: 'text', text: 'Read “' },
          { kind: 'link', text: 'Walkers', href: '/courses/c/lessons/walkers', external: false },
          { kind: 'text', text: '” first, then "' },
          { kind: 'link', text: 'Edges', href: '/courses/c/lessons/edges', external: false },
          { kind: 'text', text: '". "Unlinked" stays.' },
        ],
      ],
    });
  });

  it('never lets markup through: tags stay text', () => {
    const [paragraph] = parseReplyText('<img src=x onerror=alert(1)>');
    expect(paragraph).toEqual({ kind: 'paragraph', lines: [[{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]] });
  });
});

describe('parseInline', () => {
  it('reads code, bold and links', () => {
    expect(
      parseInline('Use `spawn`, **now**, see [the map](/courses/c) or [MDN](https://developer.mozilla.org).'),
    ).toEqual([
      { kind: 'text', text: 'Use ' },
      { kind: 'code', text: 'spawn' },
      { kind: 'text', text: ', ' },
      { kind: 'strong', text: 'now' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', text: 'the map', href: '/courses/c', external: false },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'MDN', href: 'https://developer.mozilla.org', external: true },
      { kind: 'text', text: '.' },
    ]);
  });

  it('shows links with other schemes as their words only', () => {
    expect(linkOrText('click', 'javascript:alert(1)')).toEqual({ kind: 'text', text: 'click' });
    expect(linkOrText('x', '//evil.example')).toEqual({ kind: 'text', text: 'x' });
    expect(linkOrText('x', 'data:text/html,hi')).toEqual({ kind: 'text', text: 'x' });
  });
});

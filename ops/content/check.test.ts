import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from './check.ts';
import { REPO_ROOT } from './read-pack.ts';

const COURSE = `slug: graphs
title: Graphs
summary: Graphs in JavaScript.
language: javascript
languageVersion: ES2022
concepts:
  - id: nodes
    title: Nodes
    summary: The places of a graph.
`;

const LESSON = `---
id: intro
concept: nodes
title: Meet the node
minutes: 5
---

# Nodes

A node is a place in a graph.
`;

const ITEMS = `- id: count-nodes
  concept: nodes
  type: code-exercise
  difficulty: easy
  language: javascript
  prompt: Write \`countNodes(graph)\`.
  explanation: One key per node.
  starter: |
    export function countNodes(graph) {
    }
  tests: |
    test('counts each node once', () => {
      expect(countNodes({ a: ['b'], b: [] })).toBe(2);
    });
  solution: |
    export function countNodes(graph) {
      return Object.keys(graph).length;
    }
  wrongSolutions:
    - why: counts the keys another way
      code: |
        export function countNodes(graph) {
          return Object.entries(graph).length;
        }
`;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'content-check-'));
  for (const [name, text] of Object.entries({
    'course.yaml': COURSE,
    'lessons/intro.md': LESSON,
    'items/exercises.yaml': ITEMS,
  })) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), text);
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('content:check', () => {
  it('error: runs code exercises and applies the lesson length rule, each at its file and line', async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    try {
      expect(await main([root])).toBe(1);
    } finally {
      log.mockRestore();
    }
    const shown = (name: string) => relative(REPO_ROOT, join(root, name));
    expect(printed).toContain(
      `${shown('items/exercises.yaml')}:1: item count-nodes: wrong solution 1 (counts the keys another way) passes every test: add a test that it fails`,
    );
    expect(printed).toContain(
      `${shown('lessons/intro.md')}:2: lesson intro: is too short: 9 words, code included; a published lesson has 300–1200`,
    );
  });
});

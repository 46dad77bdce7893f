import { describe, expect, it } from 'vitest';
import type { AgentReply } from './agents/snapshot';
import { elaborate, type TextModelBinding } from './llm';

const grounded: AgentReply = {
  agent: 'content-curator',
  text: 'A walker is an object that travels the graph with `visit`.',
  links: [{ kind: 'lesson', course: 'osp-with-jac', slug: 'walkers', title: 'Walkers' }],
};

const model = (run: TextModelBinding['run']): TextModelBinding => ({ run });
const options = { model: 'test-model', maxTokens: 50, timeoutMs: 50 };

describe('elaborate', () => {
  it('keeps the grounded answer when no model is configured', async () => {
    expect(await elaborate('explain walkers', grounded, undefined)).toEqual({
      reply: grounded,
      elaborated: false,
      reason: 'no model configured',
    });
  });

  it('uses the model’s text, keeps the links, and puts the facts and budget in the request', async () => {
    let seen: Parameters<TextModelBinding['run']> | undefined;
    const result = await elaborate(
      'explain walkers',
      grounded,
      model(async (...args) => {
        seen = args;
        return { response: '  Walkers move through the graph.  ' };
      }),
      options,
    );
    expect(result).toEqual({ reply: { ...grounded, text: 'Walkers move through the graph.' }, elaborated: true });
    expect(seen?.[0]).toBe('test-model');
    expect(seen?.[1].max_tokens).toBe(50);
    expect(seen?.[1].messages[1]?.content).toContain(grounded.text);
  });

  it.each([
    ['an error', model(async () => Promise.reject(new Error('quota exceeded'))), /quota exceeded/],
    ['a timeout', model(() => new Promise(() => {})), /no answer within 50 ms/],
    ['empty output', model(async () => ({ response: '   ' })), /no text/],
    ['an odd shape', model(async () => ({ choices: [] })), /no text/],
    ['a runaway answer', model(async () => ({ response: 'x'.repeat(1000) })), /ran long/],
  ])('falls back to the grounded answer on %s', async (_case, ai, reason) => {
    const result = await elaborate('explain walkers', grounded, ai, options);
    expect(result.reply).toBe(grounded);
    expect(result.elaborated).toBe(false);
    if (!result.elaborated) expect(result.reason).toMatch(reason);
  });
});

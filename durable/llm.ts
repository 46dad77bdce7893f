/**
 * Optional elaboration of the tutor team's answers by a language model. The agents'
 * deterministic, grounded answer always exists first; when a model is configured (the
 * Workers AI binding `AI`), the orchestrator may ask it to rephrase that answer more warmly
 * or explain a step further — with the grounded facts in the prompt, a token budget and a
 * timeout — and falls back to the deterministic answer on any error, timeout or odd output.
 * The model sees only this learner's question and the team's answer, and never grades.
 */
import type { AgentReply } from './agents/snapshot';

/** What we need of a text model: the Workers AI binding's `run` has this shape. */
export interface TextModelBinding {
  run(
    model: string,
    input: { messages: { role: 'system' | 'user'; content: string }[]; max_tokens: number },
  ): Promise<unknown>;
}

export interface ElaborationOptions {
  model: string;
  maxTokens: number;
  timeoutMs: number;
}

export const DEFAULT_ELABORATION: ElaborationOptions = {
  model: '@cf/meta/llama-3.1-8b-instruct',
  maxTokens: 300,
  timeoutMs: 4000,
};

export type Elaboration =
  { reply: AgentReply; elaborated: true } | { reply: AgentReply; elaborated: false; reason: string };

const SYSTEM_PROMPT = [
  'You are a patient programming tutor on Jeseci, teaching the Jac language.',
  'Rewrite the tutor answer below for the learner: clearer and warmer, at most 120 words.',
  'Use only the facts in the tutor answer; never invent numbers, names, grades or links.',
  'Do not say whether an answer is right or wrong unless the tutor answer says so.',
].join(' ');

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

function responseText(output: unknown): string | null {
  if (typeof output === 'string') return output;
  const response = (output as { response?: unknown } | null)?.response;
  return typeof response === 'string' ? response : null;
}

export async function elaborate(
  question: string,
  grounded: AgentReply,
  ai: TextModelBinding | undefined,
  options: ElaborationOptions = DEFAULT_ELABORATION,
): Promise<Elaboration> {
  if (!ai) return { reply: grounded, elaborated: false, reason: 'no model configured' };
  try {
    const output = await withTimeout(
      ai.run(options.model, {
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: `Learner asked: ${question}\n\nTutor answer (the facts):\n${grounded.text}` },
        ],
        max_tokens: options.maxTokens,
      }),
      options.timeoutMs,
    );
    const text = responseText(output)?.trim();
    if (!text) return { reply: grounded, elaborated: false, reason: 'the model returned no text' };
    // Roughly 4 characters a token: anything much longer ignored the budget.
    if (text.length > options.maxTokens * 6)
      return { reply: grounded, elaborated: false, reason: 'the model ran long' };
    return { reply: { ...grounded, text }, elaborated: true };
  } catch (error) {
    return { reply: grounded, elaborated: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Where the learning routes meet the learner's LearnerAgent. The agent is an aid, never a
 * gate: practice goes on if it cannot be reached, and what it is told after an answer is
 * sent after the response (waitUntil), so the learner never waits for it.
 */
import type { Context } from 'hono';
import type { AttemptReport, PracticeAdaptation } from '../../durable/attempt-pushes';
import type { InFlightItem } from '../../durable/agent-store';
import type { AppEnv } from '../env';
import { learnerAgent } from './learner-agent-stub';

type Agent = ReturnType<typeof learnerAgent>;

/** Runs `work` on the learner's agent after the response; a failure is logged, not raised. */
export function tellAgent(
  c: Context<AppEnv>,
  userId: string,
  label: string,
  work: (agent: Agent) => Promise<unknown>,
): void {
  c.executionCtx.waitUntil(
    work(learnerAgent(c.env, userId)).catch((error: unknown) =>
      c.var.log.warn(`learner agent: ${label} failed`, {
        error: error instanceof Error ? error.message : String(error),
      }),
    ),
  );
}

/** The agent's plan for the next item: the item in flight to resume, and any step-down. */
export async function nextItemPlan(
  c: Context<AppEnv>,
  userId: string,
  course: string,
): Promise<{ resume: InFlightItem | null; adaptation: PracticeAdaptation | null }> {
  try {
    return await learnerAgent(c.env, userId).nextItemPlan(course);
  } catch (error) {
    c.var.log.warn('learner agent: next-item plan failed; choosing without it', {
      error: error instanceof Error ? error.message : String(error),
    });
    return { resume: null, adaptation: null };
  }
}

export type { AttemptReport };

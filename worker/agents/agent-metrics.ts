/**
 * The agents' counters across every learner: each LearnerAgent keeps its own in SQLite,
 * and adds each call to one Redis hash per agent (pipelined, after the answer), so the
 * admin's agent status reads the whole team in one round trip.
 */
import { AGENT_NAMES, type AgentName } from '../../durable/agents/snapshot';
import type { RedisClient } from '../redis/types';

export interface AgentMetrics {
  agent: AgentName;
  calls: number;
  averageMs: number;
  errors: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

const metricsKey = (redis: RedisClient, agent: AgentName) => redis.key('agents', agent);

export async function recordAgentCall(
  redis: RedisClient,
  call: { agent: AgentName; elapsedMs: number; error?: string; calls?: number; at: Date },
): Promise<void> {
  const key = metricsKey(redis, call.agent);
  const pipeline = redis.raw.pipeline();
  pipeline.hincrby(key, 'calls', call.calls ?? 1);
  pipeline.hincrbyfloat(key, 'totalMs', call.elapsedMs);
  if (call.error) {
    pipeline.hincrby(key, 'errors', 1);
    pipeline.hset(key, { lastError: call.error.slice(0, 500), lastErrorAt: call.at.toISOString() });
  }
  await pipeline.exec();
}

export async function readAgentMetrics(redis: RedisClient): Promise<AgentMetrics[]> {
  const pipeline = redis.raw.pipeline();
  for (const agent of AGENT_NAMES) pipeline.hgetall(metricsKey(redis, agent));
  const rows = await pipeline.exec<(Record<string, unknown> | null)[]>();
  return AGENT_NAMES.map((agent, i) => {
    const row = rows[i] ?? {};
    const calls = Number(row.calls ?? 0);
    const totalMs = Number(row.totalMs ?? 0);
    return {
      agent,
      calls,
      averageMs: calls ? Math.round((totalMs / calls) * 100) / 100 : 0,
      errors: Number(row.errors ?? 0),
      lastError: typeof row.lastError === 'string' ? row.lastError : null,
      lastErrorAt: typeof row.lastErrorAt === 'string' ? row.lastErrorAt : null,
    };
  });
}

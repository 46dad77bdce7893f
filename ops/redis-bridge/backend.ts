/**
 * The backend contract and its factory: a real Redis over ioredis when a URL is given,
 * otherwise the embedded ioredis-mock emulation. Both speak raw command arrays and return
 * RESP-shaped replies, so the HTTP layer never knows which one it talks to.
 */
import { MemoryBackend } from './memory-backend.ts';
import { connectRedisBackend } from './redis-backend.ts';
import type { CommandResult } from './reply.ts';

export type BackendKind = 'redis' | 'memory';

export interface Backend {
  readonly kind: BackendKind;
  /** Runs one command. Throws UnavailableError when the backend cannot be reached. */
  exec(command: string[]): Promise<CommandResult>;
  /** Runs commands in order, not atomically; one result per command. */
  pipeline(commands: string[][]): Promise<CommandResult[]>;
  /** Runs commands in one MULTI/EXEC. Throws CommandError when Redis aborts the transaction. */
  multi(commands: string[][]): Promise<CommandResult[]>;
  /** Whether the backend answers right now (for /health). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface BackendOptions {
  redisUrl?: string;
  log: (line: string) => void;
}

export async function createBackend(opts: BackendOptions): Promise<Backend> {
  if (opts.redisUrl) return connectRedisBackend(opts.redisUrl, opts.log);
  return new MemoryBackend();
}

/**
 * The embedded backend: ioredis-mock behind the same contract as real Redis. It owns the
 * order commands run in (one at a time, so pipelines and transactions cannot interleave with
 * other requests) and the Redis-side validation and fixes layered on the mock.
 */
import RedisMock from 'ioredis-mock';
import type { Redis } from 'ioredis';
import type { Backend } from './backend.ts';
import { CommandError, UnavailableError, asRedisErrorMessage, errorMessage } from './errors.ts';
import { WRONGTYPE, checkNumericArgs, checkShape, typedKeys } from './memory-checks.ts';
import { OVERRIDES, fixScores, normalizeKeywords, type MemoryContext } from './memory-commands.ts';
import { LuaScripts, type RawCall } from './memory-lua.ts';
import { toReply, type CommandResult, type Reply } from './reply.ts';

let instances = 0;

function unsupported(name: string): CommandError {
  return new CommandError(
    `ERR command '${name}' is not supported by the embedded memory backend (ioredis-mock); set REDIS_URL to use a real Redis`,
  );
}

export class MemoryBackend implements Backend {
  readonly kind = 'memory' as const;
  private readonly mock: Redis;
  private readonly context: MemoryContext;
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    instances += 1;
    // ioredis-mock shares one keyspace between instances with the same host:port/db, so each
    // bridge gets a host name of its own and tests cannot see each other's data.
    this.mock = new RedisMock({ host: `redis-bridge-memory-${process.pid}-${instances}` });
    const raw: RawCall = (name, args) => this.raw(name, args);
    this.context = { raw, lua: new LuaScripts(raw) };
  }

  exec(command: string[]): Promise<CommandResult> {
    return this.exclusive(() => this.run(command));
  }

  pipeline(commands: string[][]): Promise<CommandResult[]> {
    return this.exclusive(() => this.runAll(commands));
  }

  multi(commands: string[][]): Promise<CommandResult[]> {
    return this.exclusive(async () => {
      // Redis discards the whole transaction when a command cannot even be queued.
      for (const command of commands) {
        try {
          checkShape(command);
        } catch (err) {
          throw new CommandError(`EXECABORT Transaction discarded because of previous errors. (${errorMessage(err)})`);
        }
      }
      return this.runAll(commands);
    });
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      await this.mock.flushall();
      this.mock.disconnect();
    });
  }

  /** Serialises all work: the mock is synchronous per command but overrides await in between. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runAll(commands: string[][]): Promise<CommandResult[]> {
    const results: CommandResult[] = [];
    for (const command of commands) results.push(await this.run(command));
    return results;
  }

  private async run(command: string[]): Promise<CommandResult> {
    try {
      return { result: await this.dispatch(command) };
    } catch (err) {
      if (err instanceof UnavailableError) throw err;
      // Anything the mock throws (including its own TypeErrors) is a failed command, not a crash.
      return { error: err instanceof CommandError ? err.message : asRedisErrorMessage(errorMessage(err)) };
    }
  }

  private async dispatch(command: string[]): Promise<Reply> {
    checkShape(command);
    checkNumericArgs(command);
    await this.checkTypes(command);
    const [rawName = '', ...rawArgs] = command;
    const name = rawName.toLowerCase();
    const args = normalizeKeywords(name, rawArgs);
    const override = OVERRIDES[name];
    const reply = override ? await override(args, this.context, name) : toReply(await this.raw(name, args));
    return name.startsWith('z') ? fixScores(name, args, reply) : reply;
  }

  private async checkTypes(command: string[]): Promise<void> {
    const rule = typedKeys(command);
    if (!rule) return;
    for (const key of rule.keys) {
      const actual = String(await this.raw('type', [key]));
      if (actual !== 'none' && actual !== rule.type) throw new CommandError(WRONGTYPE);
    }
  }

  private async raw(name: string, args: string[]): Promise<unknown> {
    const method: unknown = Reflect.get(this.mock, name);
    if (typeof method !== 'function') throw unsupported(name);
    try {
      const result: unknown = await Reflect.apply(method, this.mock, args);
      return result;
    } catch (err) {
      if (err instanceof TypeError && err.message.startsWith('Unsupported command')) throw unsupported(name);
      throw err;
    }
  }
}

/**
 * The real-Redis backend: one ioredis connection, commands sent verbatim with `call` so
 * replies come back as strings (not Buffers) and Redis itself decides what is valid.
 */
import { Redis } from 'ioredis';
import type { ChainableCommander } from 'ioredis';
import type { Backend } from './backend.ts';
import { CommandError, UnavailableError, errorMessage } from './errors.ts';
import { ScriptTranslator } from './redis-scripts.ts';
import { toReply, type CommandResult, type Reply } from './reply.ts';

const CONNECT_TIMEOUT_MS = 3_000;
const PING_TIMEOUT_MS = 1_000;

/** Hides a password in the URL so it can be logged. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable REDIS_URL>';
  }
}

export async function connectRedisBackend(url: string, log: (line: string) => void): Promise<Backend> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Fail fast instead of queueing: Upstash answers immediately when the DB is unreachable,
    // and app code under test must see that rather than hang until a reconnect.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt: number) => Math.min(attempt * 250, 2_000),
  });
  // One line per outage, not per reconnect attempt; a dropped socket emits only 'close'.
  let failing = false;
  let closing = false;
  let lastError: unknown;
  const lost = (reason: string): void => {
    if (failing || closing) return;
    failing = true;
    log(`redis-bridge: redis backend error (${redactRedisUrl(url)}): ${reason}`);
  };
  client.on('error', (err: unknown) => {
    lastError = err;
    lost(errorMessage(err));
  });
  client.on('close', () => lost('connection closed'));
  client.on('ready', () => {
    if (!failing) return;
    failing = false;
    log(`redis-bridge: redis backend reconnected (${redactRedisUrl(url)})`);
  });
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    // connect() only says "Connection is closed."; the error event has the actual cause.
    throw new Error(`cannot connect to Redis at ${redactRedisUrl(url)}: ${errorMessage(lastError ?? err)}`, {
      cause: err,
    });
  }
  failing = false;
  return new RedisBackend(client, () => {
    closing = true;
  });
}

/**
 * ioredis rewrites HGETALL replies into objects (losing field order) when the name is
 * lower-case; its transformers are keyed by lower-case name, so the upper-case spelling
 * gets the raw array. Other names pass through untouched so Redis errors echo them as sent.
 */
function wireName(name: string): string {
  return name.toLowerCase() === 'hgetall' ? 'HGETALL' : name;
}

/** ioredis reports Redis error replies as ReplyError; anything else is a transport failure. */
function isReplyError(err: unknown): err is Error {
  return err instanceof Error && err.name === 'ReplyError';
}

function toUnavailable(err: unknown): UnavailableError {
  return new UnavailableError(`ERR redis backend unavailable: ${errorMessage(err)}`);
}

class RedisBackend implements Backend {
  readonly kind = 'redis' as const;
  private readonly scripts = new ScriptTranslator();

  constructor(
    private readonly client: Redis,
    private readonly beforeClose: () => void,
  ) {}

  async exec(original: string[]): Promise<CommandResult> {
    const { command, reply = same } = this.scripts.translate(original);
    const [name, ...args] = command;
    if (name === undefined) throw new CommandError('ERR empty command');
    try {
      return { result: reply(toReply(await this.client.call(wireName(name), ...args))) };
    } catch (err) {
      if (isReplyError(err)) return { error: err.message };
      throw toUnavailable(err);
    }
  }

  pipeline(commands: string[][]): Promise<CommandResult[]> {
    return this.runBatch(this.client.pipeline(), commands);
  }

  async multi(commands: string[][]): Promise<CommandResult[]> {
    try {
      return await this.runBatch(this.client.multi(), commands);
    } catch (err) {
      // EXECABORT: a command failed to queue, so nothing ran; surface the first cause too.
      if (isReplyError(err)) throw new CommandError(describeAbort(err));
      throw err;
    }
  }

  async ping(): Promise<boolean> {
    if (this.client.status !== 'ready') return false;
    const timeout = new Promise<false>((resolve) => setTimeout(resolve, PING_TIMEOUT_MS, false).unref());
    const pong = this.client.ping().then(
      (reply: string) => reply === 'PONG',
      () => false,
    );
    return Promise.race([pong, timeout]);
  }

  async close(): Promise<void> {
    this.beforeClose();
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private async runBatch(batch: ChainableCommander, originals: string[][]): Promise<CommandResult[]> {
    const translated = originals.map((command) => this.scripts.translate(command));
    for (const {
      command: [name = '', ...args],
    } of translated)
      batch.call(wireName(name), ...args);
    let replies: [Error | null, unknown][] | null;
    try {
      replies = await batch.exec();
    } catch (err) {
      if (isReplyError(err)) throw err;
      throw toUnavailable(err);
    }
    if (replies === null) throw new CommandError('EXECABORT Transaction discarded');
    return replies.map(([err, value], i): CommandResult => {
      if (err === null) return { result: (translated[i]?.reply ?? same)(toReply(value)) };
      if (isReplyError(err)) return { error: err.message };
      throw toUnavailable(err);
    });
  }
}

const same = (reply: Reply): Reply => reply;

function describeAbort(err: Error): string {
  const previous: unknown = Reflect.get(err, 'previousErrors');
  const first: unknown = Array.isArray(previous) ? previous[0] : undefined;
  return first instanceof Error ? `${err.message} (${first.message})` : err.message;
}

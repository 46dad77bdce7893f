/**
 * Script shebang translation for the real-Redis backend. @upstash/ratelimit (2.1+) starts its
 * scripts with `#!lua flags=allow-key-locking`, a flag only Upstash knows; Redis answers
 * "Unexpected flag in script shebang". We drop flags Redis lacks before forwarding, and keep
 * a map from the SHA1 of the text the client sent to the SHA1 Redis knows, so EVALSHA with
 * the client's own hash (ratelimit hard-codes them) still finds the script.
 */
import { createHash } from 'node:crypto';
import type { Reply } from './reply.ts';

/** The shebang flags Redis 7 accepts. */
const REDIS_FLAGS = new Set(['no-writes', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys']);

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/** The script as Redis should see it, or null when it can be sent unchanged. */
function compatible(script: string): string | null {
  const match = /^#!lua(?:[ \t]+flags=([^\n]*))?[ \t]*(?=\n|$)/.exec(script);
  if (!match) return null;
  const flags = (match[1] ?? '')
    .split(',')
    .map((flag) => flag.trim())
    .filter((flag) => flag !== '');
  const kept = flags.filter((flag) => REDIS_FLAGS.has(flag));
  if (kept.length === flags.length) return null;
  // An empty line instead of a bare `#!lua` keeps line numbers and works before Redis 7 too.
  const shebang = kept.length > 0 ? `#!lua flags=${kept.join(',')}` : '';
  return shebang + script.slice(match[0].length);
}

export interface Translated {
  command: string[];
  /** Rewrites the reply back into the client's terms (SCRIPT LOAD answers the client's SHA). */
  reply?: (reply: Reply) => Reply;
}

export class ScriptTranslator {
  private readonly shas = new Map<string, string>();

  translate(command: string[]): Translated {
    const [name = '', first = '', ...rest] = command;
    const lower = name.toLowerCase();
    if (lower === 'eval' || lower === 'eval_ro') {
      const script = this.remember(first);
      return { command: [name, script ?? first, ...rest] };
    }
    if (lower === 'evalsha' || lower === 'evalsha_ro') {
      return { command: [name, this.redisSha(first), ...rest] };
    }
    if (lower !== 'script') return { command };
    const sub = first.toLowerCase();
    if (sub === 'load' && rest.length === 1) {
      const original = rest[0] ?? '';
      const script = this.remember(original);
      if (script === null) return { command };
      return { command: [name, first, script], reply: () => sha1(original) };
    }
    if (sub === 'exists') return { command: [name, first, ...rest.map((sha) => this.redisSha(sha))] };
    if (sub === 'flush') this.shas.clear();
    return { command };
  }

  private remember(script: string): string | null {
    const rewritten = compatible(script);
    if (rewritten !== null) this.shas.set(sha1(script), sha1(rewritten));
    return rewritten;
  }

  private redisSha(sha: string): string {
    return this.shas.get(sha.toLowerCase()) ?? sha;
  }
}

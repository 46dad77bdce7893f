/**
 * EVAL, EVALSHA and SCRIPT for the embedded backend. ioredis-mock runs Lua through fengari
 * but differs from Redis in ways @upstash/ratelimit and app scripts notice: it rejects the
 * `#!lua` shebang, has no SCRIPT command, hands nil array items and integers to Lua as JS
 * null and floats, and returns Lua false/true/floats/{err=...} unconverted. A Lua prelude and
 * the reply conversion here restore Redis's semantics; the script cache is ours, keyed by the
 * SHA1 of the text the client sent, so EVALSHA hashes match real Redis.
 */
import { createHash } from 'node:crypto';
import { CommandError, errorMessage } from './errors.ts';
import { NOT_AN_INTEGER, WRONGTYPE, isRedisInteger, luaKeyTypeTable } from './memory-checks.ts';
import { toReply, type Reply } from './reply.ts';

/** Runs a command on ioredis-mock itself (the raw emulation). */
export type RawCall = (name: string, args: string[]) => Promise<unknown>;

// Kept on one line so the user's script keeps its own line numbers in error messages.
const PRELUDE = [
  'local __rb_raw = redis.call',
  `local __rb_types = ${luaKeyTypeTable()}`,
  'local __rb_ints = { incr = true, decr = true, incrby = true, decrby = true }',
  "local function __rb_msg(e) local m = tostring(e) m = string.gsub(m, '^%a*Error: ', '')",
  ` if string.find(m, "reading 'bind'", 1, true) then return 'ERR Unknown Redis command called from script' end return m end`,
  // JS arrays arrive as userdata: the top-level reply is shifted by one, nested ones are not.
  'local function __rb_lua(v, first) local t = type(v)',
  ' if t == "number" then return math.tointeger(v) or v end',
  ' if t ~= "userdata" then return v end',
  ' local ok, len = pcall(function() return v.length end)',
  ' if not ok or type(len) ~= "number" then return false end',
  ' local out = {} for i = first, len - 1 do out[#out + 1] = __rb_lua(v[i], 0) end return out end',
  // The same checks memory-checks.ts applies outside scripts, which the mock's Lua lacks.
  'local function __rb_check(name, key) if key == nil then return end',
  ' local want = __rb_types[name]',
  ` if want then local have = __rb_raw('type', key) if have ~= 'none' and have ~= want then error('${WRONGTYPE}', 0) end end`,
  ` if __rb_ints[name] then local cur = __rb_raw('get', key) if cur and not string.match(cur, '^%-?%d+$') then error('${NOT_AN_INTEGER}', 0) end end end`,
  // Redis passes numbers as strings ("%.14g"); the mock would look up key 5 instead of "5".
  'local function __rb_arg(v) if type(v) ~= "number" then return v end',
  ' local n = math.tointeger(v) if n then return string.format("%d", n) end return string.format("%.14g", v) end',
  'redis.call = function(cmd, ...) local args = table.pack(...)',
  ' for i = 1, args.n do args[i] = __rb_arg(args[i]) end',
  ' local name = string.lower(tostring(cmd)) __rb_check(name, args[1])',
  ' if name == "set" then for i = 3, args.n do args[i] = string.upper(tostring(args[i])) end end',
  ' local ok, r = pcall(__rb_raw, cmd, table.unpack(args, 1, args.n)) if not ok then error(__rb_msg(r), 0) end',
  // The mock hands an empty string back as nil; GET/HGET are where scripts would notice.
  ' if r == false and name == "get" and __rb_raw("exists", args[1]) == 1 then return "" end',
  ' if r == false and name == "hget" and __rb_raw("hexists", args[1], args[2]) == 1 then return "" end',
  ' return __rb_lua(r, 1) end',
  'redis.pcall = function(...) local ok, r = pcall(redis.call, ...) if ok then return r end return { err = r } end',
  'redis.error_reply = function(m) return { err = m } end',
  'redis.status_reply = function(m) return { ok = m } end',
  'redis.log = function() end redis.setresp = function() end redis.set_repl = function() end',
  'redis.replicate_commands = function() return true end',
  'redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING = 0, 1, 2, 3',
  'redis.REPL_NONE, redis.REPL_AOF, redis.REPL_REPLICA, redis.REPL_SLAVE, redis.REPL_ALL = 0, 1, 2, 2, 3',
  // The reply goes back to JS as JSON text: the mock's own table conversion loses tables
  // built with t[i] = v (it expects a particular key order) and {err=...} tables.
  "local function __rb_str(s) return '\"' .. (string.gsub(s, '[%c\"\\\\]', function(c) return string.format('\\\\u%04x', string.byte(c)) end)) .. '\"' end",
  'local function __rb_json(v) local t = type(v)',
  ' if t == "nil" or v == false then return "null" end',
  ' if v == true then return "1" end',
  ' if t == "number" then if v ~= v or v == math.huge or v == -math.huge then return "0" end',
  '  local n = math.tointeger(v) or (v >= 0 and math.floor(v) or math.ceil(v))',
  '  return math.type(n) == "integer" and string.format("%d", n) or string.format("%.0f", n) end',
  ' if t == "string" then return __rb_str(v) end',
  ' if t ~= "table" then return __rb_str(tostring(v)) end',
  ' if v.err ~= nil then return \'{"err":\' .. __rb_str(tostring(v.err)) .. "}" end',
  ' if v.ok ~= nil then return __rb_str(tostring(v.ok)) end',
  ' local parts, i = {}, 1 while v[i] ~= nil do parts[i] = __rb_json(v[i]) i = i + 1 end',
  ' return "[" .. table.concat(parts, ",") .. "]" end',
  'return __rb_json((function() ',
].join(' ');

function wrap(script: string): string {
  // Redis 7 accepts a `#!lua flags=...` first line; fengari sees it as a syntax error.
  const body = script.startsWith('#!') ? script.replace(/^#![^\n]*/, '') : script;
  return `${PRELUDE}${body}\nend)())`;
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * Decodes the prelude's JSON. Lua-to-Redis conversion (integers truncated, false to nil,
 * true to 1, arrays cut at the first nil) already happened in Lua; `{"err":...}` objects are
 * error replies, which fail the command at the top level and become plain text when nested.
 */
function fromLua(value: unknown, topLevel: boolean): Reply {
  if (Array.isArray(value)) return value.map((item: unknown) => fromLua(item, false));
  if (typeof value === 'object' && value !== null) {
    const message = String(Reflect.get(value, 'err'));
    if (topLevel) throw new CommandError(message);
    return message;
  }
  return toReply(value);
}

function scriptError(err: unknown): CommandError {
  if (err instanceof CommandError) return err;
  const inner = errorMessage(err)
    .replace(/^Error trying to loading or executing lua code string in VM: /, '')
    .replace(/^\[string ".*?"\]:(\d+):/, 'user_script:$1:');
  return new CommandError(/^[A-Z]+ /.test(inner) ? inner : `ERR ${inner}`);
}

export class LuaScripts {
  private readonly cache = new Map<string, string>();

  constructor(private readonly raw: RawCall) {}

  /** EVAL / EVAL_RO: script numkeys key... arg... */
  async eval(args: string[]): Promise<Reply> {
    const [script = '', ...rest] = args;
    this.cache.set(sha1(script), script);
    return this.run(script, rest);
  }

  /** EVALSHA / EVALSHA_RO: sha numkeys key... arg... */
  async evalsha(args: string[]): Promise<Reply> {
    const [sha = '', ...rest] = args;
    const script = this.cache.get(sha.toLowerCase());
    if (script === undefined) throw new CommandError('NOSCRIPT No matching script. Please use EVAL.');
    return this.run(script, rest);
  }

  /** SCRIPT LOAD | EXISTS | FLUSH — ioredis-mock has no SCRIPT command at all. */
  script(args: string[]): Reply {
    const [sub = '', ...rest] = args;
    switch (sub.toLowerCase()) {
      case 'load': {
        const [script] = rest;
        if (script === undefined || rest.length !== 1) break;
        const sha = sha1(script);
        this.cache.set(sha, script);
        return sha;
      }
      case 'exists':
        if (rest.length === 0) break;
        return rest.map((sha) => (this.cache.has(sha.toLowerCase()) ? 1 : 0));
      case 'flush':
        this.cache.clear();
        return 'OK';
    }
    throw new CommandError(`ERR unknown subcommand or wrong number of arguments for '${sub}'. Try SCRIPT HELP.`);
  }

  private async run(script: string, rest: string[]): Promise<Reply> {
    const [numKeys = '', ...keysAndArgs] = rest;
    if (!isRedisInteger(numKeys)) throw new CommandError('ERR value is not an integer or out of range');
    const n = Number(numKeys);
    if (n < 0) throw new CommandError("ERR Number of keys can't be negative");
    if (n > keysAndArgs.length) throw new CommandError("ERR Number of keys can't be greater than number of args");
    try {
      const encoded = await this.raw('eval', [wrap(script), numKeys, ...keysAndArgs]);
      return fromLua(JSON.parse(String(encoded)), true);
    } catch (err) {
      throw scriptError(err);
    }
  }
}

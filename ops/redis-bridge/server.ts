/**
 * The HTTP layer: routes, bearer-token auth, body limits and status codes. It knows nothing
 * about Redis beyond the Backend contract; wire-format details live in protocol.ts.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import type { Backend } from './backend.ts';
import { CommandError, HttpError, UnavailableError, errorMessage } from './errors.ts';
import { commandFromPath, encodeResult, parseJson, toCommand, toCommands } from './protocol.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this we stop draining an oversized upload and drop the connection. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

const KNOWN_COMMANDS = new Set(Redis.prototype.getBuiltinCommands());

export interface ServerDeps {
  token: string;
  backend: Backend;
  isDown: () => boolean;
  log: (line: string) => void;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES)
        reject(new HttpError(413, `ERR request body exceeds the ${MAX_BODY_BYTES}-byte limit`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
    // The client went away mid-upload; nobody will read the answer, so nothing to log either.
    req.on('close', () => reject(new HttpError(400, 'ERR request aborted')));
  });
}

function isAuthorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/i.exec(header);
  const given = Buffer.from(match?.[1]?.trim() ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type Route = 'command' | 'pipeline' | 'multi-exec' | 'path';

function routeOf(pathname: string): Route | null {
  if (pathname === '/') return 'command';
  if (pathname === '/pipeline' || pathname === '/multi-exec')
    return pathname === '/pipeline' ? 'pipeline' : 'multi-exec';
  const first = pathname.split('/')[1] ?? '';
  return KNOWN_COMMANDS.has(first.toLowerCase()) ? 'path' : null;
}

async function health(res: ServerResponse, deps: ServerDeps): Promise<void> {
  const kind = deps.backend.kind;
  if (deps.isDown()) return send(res, 503, { ok: false, backend: kind, error: 'unavailable (simulated)' });
  if (await deps.backend.ping()) return send(res, 200, { ok: true, backend: kind });
  send(res, 503, { ok: false, backend: kind, error: 'backend does not answer PING' });
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const method = req.method ?? 'GET';
  const { pathname } = new URL(req.url ?? '/', 'http://bridge.invalid');
  if (pathname === '/health' && method === 'GET') return health(res, deps);
  const route = routeOf(pathname);
  if (route === null) throw new HttpError(404, `ERR unknown path ${pathname}`);
  const allowed = route === 'path' ? ['GET', 'POST'] : ['POST'];
  if (!allowed.includes(method)) {
    return send(res, 405, { error: `ERR method ${method} not allowed on ${pathname}` }, { allow: allowed.join(', ') });
  }
  const body = await readBody(req);
  if (!isAuthorized(req, deps.token)) return send(res, 401, { error: 'Unauthorized' });
  if (deps.isDown()) throw new UnavailableError('ERR database unavailable (simulated by redis-bridge setUnavailable)');
  const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
  const { backend } = deps;

  if (route === 'pipeline' || route === 'multi-exec') {
    const commands = toCommands(parseJson(body), route);
    const results = route === 'pipeline' ? await backend.pipeline(commands) : await backend.multi(commands);
    return send(
      res,
      200,
      results.map((result) => encodeResult(result, base64)),
    );
  }
  const command =
    route === 'command'
      ? toCommand(parseJson(body))
      : commandFromPath(pathname, body, (name) => KNOWN_COMMANDS.has(name));
  if (command === null) throw new HttpError(404, `ERR unknown path ${pathname}`);
  const result = await backend.exec(command);
  send(res, 'error' in result ? 400 : 200, encodeResult(result, base64));
}

export function createBridgeServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handle(req, res, deps).catch((err: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (err instanceof HttpError) return send(res, err.status, { error: err.message });
      if (err instanceof CommandError) return send(res, 400, { error: err.message });
      if (err instanceof UnavailableError) return send(res, 503, { error: err.message });
      deps.log(`redis-bridge: internal error on ${req.method ?? '?'} ${req.url ?? '?'}: ${errorMessage(err)}`);
      send(res, 500, { error: `ERR internal bridge error: ${errorMessage(err)}` });
    });
  });
}

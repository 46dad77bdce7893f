/**
 * Starting a server on a port, with the one error a developer meets most (the port is
 * taken) turned into a sentence that says what to do instead of a stack trace.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class PortInUseError extends Error {
  constructor(name: string, port: number, envVar: string) {
    super(`${name}: port ${port} is already in use. Stop whatever uses it, or set ${envVar} to another port.`);
    this.name = 'PortInUseError';
  }
}

export interface ListenOptions {
  port: number;
  host: string;
  /** Human name of the service, for the error message. */
  name: string;
  /** The environment variable that changes this port. */
  envVar: string;
}

/** Listens with an existing server; resolves with the port actually bound (0 picks one). */
export function listenServer(server: Server, options: ListenOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        err.code === 'EADDRINUSE'
          ? new PortInUseError(options.name, options.port, options.envVar)
          : new Error(`${options.name} cannot listen on ${options.host}:${options.port}: ${err.message}`),
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port, options.host);
  });
}

export async function listenOrExplain(
  handler: RequestListener,
  options: ListenOptions,
): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  return { server, port: await listenServer(server, options) };
}

/** Fails with PortInUseError when something already listens there (for services we spawn). */
export async function assertPortFree(options: ListenOptions): Promise<void> {
  const probe = createServer();
  await listenServer(probe, options);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

/** Parses a port from the environment, with a clear error for nonsense. */
export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${raw}".`);
  }
  return port;
}

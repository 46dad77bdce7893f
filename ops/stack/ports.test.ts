import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PortInUseError, assertPortFree, portFromEnv } from './ports.ts';

const busy = createServer();
afterEach(() => {
  busy.close();
  delete process.env.TEST_SOME_PORT;
});

describe('ports', () => {
  it('names the service and the variable to change when a port is taken', async () => {
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    const attempt = assertPortFree({ port, host: '127.0.0.1', name: 'Frontend (Vite)', envVar: 'PORT' });
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(
      `Frontend (Vite): port ${port} is already in use. Stop whatever uses it, or set PORT to another port.`,
    );
  });

  it('lets a free port be, and closes its probe so the real service can bind', async () => {
    await assertPortFree({ port: 0, host: '127.0.0.1', name: 'x', envVar: 'X' });
  });

  it('reads ports from the environment and refuses nonsense with the variable named', () => {
    expect(portFromEnv('TEST_SOME_PORT', 5173)).toBe(5173);
    process.env.TEST_SOME_PORT = '8080';
    expect(portFromEnv('TEST_SOME_PORT', 5173)).toBe(8080);
    process.env.TEST_SOME_PORT = 'eighty';
    expect(() => portFromEnv('TEST_SOME_PORT', 5173)).toThrow(
      'TEST_SOME_PORT must be a port number (0-65535), got "eighty".',
    );
  });
});

/**
 * CLI for manual use: `tsx ops/redis-bridge/main.ts`. Configuration comes from the same
 * environment variables the app uses, so the printed URL/token can be pasted into .dev.vars.
 */
import { startRedisBridge } from './index.ts';

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return 8079;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`REDIS_BRIDGE_PORT must be an integer between 0 and 65535, got "${value}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const token = process.env.UPSTASH_REDIS_REST_TOKEN || 'local-dev-token';
  const bridge = await startRedisBridge({
    port: portFromEnv(process.env.REDIS_BRIDGE_PORT),
    token,
    redisUrl: process.env.REDIS_URL || undefined,
    log: (line) => console.error(line),
  });
  console.log(`UPSTASH_REDIS_REST_URL=${bridge.url}`);
  console.log(`UPSTASH_REDIS_REST_TOKEN=${token}`);

  let stopping = false;
  const stop = (signal: string): void => {
    // A second Ctrl-C means "now": don't wait for in-flight requests.
    if (stopping) process.exit(130);
    stopping = true;
    console.error(`redis-bridge: ${signal} received, closing`);
    bridge.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`redis-bridge: error while closing: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`redis-bridge: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

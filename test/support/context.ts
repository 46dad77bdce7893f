/** What the global setup hands every suite: where the Worker under test and its stack are. */
export interface TestStack {
  /** Names what this run leaves in .build/ (the Worker bundle, the web app builds). */
  runId: string;
  /** The Worker (bundled as for deploy) served by workerd through Miniflare. */
  workerUrl: string;
  bundlePath: string;
  /** The bindings the Worker was started with (DATABASE_URL, NEON_WS_PROXY, UPSTASH_*, REDIS_PREFIX…). */
  workerBindings: Record<string, string>;
  databaseUrl: string;
  embeddedDatabase: boolean;
  redisBackend: 'redis' | 'memory';
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

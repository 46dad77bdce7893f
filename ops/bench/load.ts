/**
 * One load run, in a process of its own so the load generator does not share an event
 * loop with the local stack it measures. Reads a JSON job from argv, prints JSON results.
 * With `rotateClientIp`, every request comes from a different client address (IPv6
 * documentation range), so a rate-limited route is measured serving, not refusing.
 */
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  connections: number;
  durationSeconds: number;
  rotateClientIp: boolean;
  /** wrk only: a Lua script that builds each request (it must also set cf-connecting-ip). */
  script?: string;
}

export interface LoadResult {
  url: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP99Ms: number;
  totalRequests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** workerd CPU time per request served, when the server's process could be measured. */
  serverCpuMicrosPerRequest?: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as LoadJob;
let counter = 0;
const nextIp = () => {
  counter = (counter + 1) % 0xffffffff;
  return `2001:db8::${(counter >>> 16).toString(16)}:${(counter & 0xffff).toString(16)}`;
};

const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.durationSeconds,
  requests: [
    {
      setupRequest: (request) => {
        request.headers = { ...request.headers, 'cf-connecting-ip': job.rotateClientIp ? nextIp() : '2001:db8::1' };
        return request;
      },
    },
  ],
});

const output: LoadResult = {
  url: job.url,
  requestsPerSecond: result.requests.average,
  latencyP50Ms: result.latency.p50,
  latencyP90Ms: result.latency.p90,
  latencyP99Ms: result.latency.p99,
  totalRequests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
};
console.log(JSON.stringify(output));

import { describe, expect, it } from 'vitest';
import { parseWrkReport, toMilliseconds } from './wrk.ts';

const REPORT = `Running 5s test @ http://127.0.0.1:4000/api/health
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    10.90ms    3.02ms  37.40ms   90.00%
    Req/Sec     3.86k   400.00     4.20k    80.00%
  Latency Distribution
     50%   10.90ms
     75%   12.04ms
     90%  812.00us
     99%    1.02s
  19188 requests in 5.00s, 8.02MB read
  Socket errors: connect 0, read 2, write 1, timeout 4
  Non-2xx or 3xx responses: 7
Requests/sec:   3837.60
Transfer/sec:      1.60MB
`;

describe('wrk report parsing', () => {
  it('reads throughput, percentiles in every unit, counts and errors', () => {
    expect(parseWrkReport('u', REPORT)).toEqual({
      url: 'u',
      requestsPerSecond: 3837.6,
      latencyP50Ms: 10.9,
      latencyP90Ms: 0.812,
      latencyP99Ms: 1020,
      totalRequests: 19188,
      non2xx: 7,
      errors: 3,
      timeouts: 4,
    });
  });

  it('refuses a report it cannot read rather than inventing figures', () => {
    expect(() => parseWrkReport('u', 'wrk: connection refused')).toThrow(/50th percentile/);
    expect(() => toMilliseconds('fast')).toThrow(/unreadable/);
  });
});

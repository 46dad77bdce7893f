import { describe, expect, it } from 'vitest';
import { escapeLabelValue, formatExposition, formatValue } from './prometheus';

describe('formatExposition', () => {
  it('writes HELP and TYPE once per family, then one line per sample', () => {
    const text = formatExposition([
      {
        name: 'http_requests_total',
        help: 'Requests.',
        type: 'counter',
        samples: [
          { labels: { method: 'GET', route: '/api/x', status: '200' }, value: 3 },
          { labels: { method: 'POST', route: '/api/x', status: '500' }, value: 1 },
        ],
      },
      { name: 'jeseci_active_users', help: 'Users.', type: 'gauge', samples: [{ value: 7 }] },
    ]);
    expect(text).toBe(
      [
        '# HELP http_requests_total Requests.',
        '# TYPE http_requests_total counter',
        'http_requests_total{method="GET",route="/api/x",status="200"} 3',
        'http_requests_total{method="POST",route="/api/x",status="500"} 1',
        '# HELP jeseci_active_users Users.',
        '# TYPE jeseci_active_users gauge',
        'jeseci_active_users 7',
        '',
      ].join('\n'),
    );
  });

  it('turns per-bucket counts into cumulative buckets ending in +Inf, with _sum and _count', () => {
    const text = formatExposition([
      {
        name: 'http_request_duration_seconds',
        help: 'Latency.',
        type: 'histogram',
        bounds: [0.1, 1],
        samples: [{ labels: { route: '/api/x' }, counts: [2, 3, 1], sum: 4.25 }],
      },
    ]);
    expect(text.split('\n').slice(2, -1)).toEqual([
      'http_request_duration_seconds_bucket{route="/api/x",le="0.1"} 2',
      'http_request_duration_seconds_bucket{route="/api/x",le="1"} 5',
      'http_request_duration_seconds_bucket{route="/api/x",le="+Inf"} 6',
      'http_request_duration_seconds_sum{route="/api/x"} 4.25',
      'http_request_duration_seconds_count{route="/api/x"} 6',
    ]);
  });

  it('writes a histogram without labels with le as its only label', () => {
    const text = formatExposition([
      { name: 'h', help: 'h', type: 'histogram', bounds: [1], samples: [{ counts: [0, 2], sum: 9 }] },
    ]);
    expect(text).toContain('h_bucket{le="1"} 0\nh_bucket{le="+Inf"} 2\nh_sum 9\nh_count 2\n');
  });

  it('escapes backslashes, quotes and newlines in label values, and backslashes and newlines in help', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    const text = formatExposition([
      { name: 'm', help: 'two\nlines \\ "quoted"', type: 'gauge', samples: [{ labels: { route: 'x"}\n' }, value: 1 }] },
    ]);
    expect(text).toContain('# HELP m two\\nlines \\\\ "quoted"\n');
    expect(text).toContain('m{route="x\\"}\\n"} 1\n');
    // Every sample stays on one line whatever the label held.
    expect(text.trimEnd().split('\n')).toHaveLength(3);
  });

  it('formats special values as Prometheus spells them', () => {
    expect(formatValue(Infinity)).toBe('+Inf');
    expect(formatValue(-Infinity)).toBe('-Inf');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(0.005)).toBe('0.005');
    expect(formatValue(12)).toBe('12');
  });

  it('refuses what would make an unparseable scrape: bad names, a caller’s le, duplicates, wrong bucket counts', () => {
    const gauge = (name: string, labels?: Record<string, string>) =>
      formatExposition([{ name, help: 'x', type: 'gauge', samples: [{ labels, value: 1 }] }]);
    expect(() => gauge('bad-name')).toThrow(/metric name/);
    expect(() => gauge('ok', { 'bad-label': 'x' })).toThrow(/label name/);
    expect(() => gauge('ok', { le: '1' })).toThrow(/label name/);
    expect(() => gauge('ok', { __name__: 'x' })).toThrow(/label name/);
    expect(() =>
      formatExposition([
        { name: 'a', help: 'x', type: 'gauge', samples: [] },
        { name: 'a', help: 'x', type: 'gauge', samples: [] },
      ]),
    ).toThrow(/twice/);
    expect(() =>
      formatExposition([
        { name: 'h', help: 'x', type: 'histogram', bounds: [1, 2], samples: [{ counts: [1], sum: 1 }] },
      ]),
    ).toThrow(/bucket counts/);
    expect(() => formatExposition([{ name: 'h', help: 'x', type: 'histogram', bounds: [2, 1], samples: [] }])).toThrow(
      /increase/,
    );
  });
});

/**
 * The monitoring configuration against the code it watches: Prometheus scrapes the real
 * metrics endpoint with a bearer token, every alert and Prometheus panel names only metrics
 * and labels the Worker exposes (read from the real exposition of worker/metrics/), and
 * every Analytics Engine query reads only the columns the Worker writes (read from the
 * writeDataPoint call) from datasets wrangler.toml declares, filtering on real routes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import { parse } from 'yaml';
import { metricFamilies } from '../../worker/metrics/families.ts';
import { emptyBuckets } from '../../worker/metrics/histogram.ts';
import { formatExposition } from '../../worker/metrics/prometheus.ts';
import { parseEventsHash } from '../../worker/metrics/records.ts';
import { REPO_ROOT } from '../exec.ts';

const here = (file: string) => join(REPO_ROOT, 'ops', 'monitoring', file);
const readYaml = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Metric name → its labels, from the exposition of a snapshot with every family present. */
function exposedMetrics(): Map<string, Set<string>> {
  const text = formatExposition(
    metricFamilies({
      http: {
        requests: [{ method: 'GET', route: '/api/x', status: '200', count: 1 }],
        durations: [{ method: 'GET', route: '/api/x', counts: emptyBuckets(), sumSeconds: 0 }],
      },
      events: parseEventsHash(null),
      activeUsers: 1,
      liveRoomsActive: 1,
      agents: [{ agent: 'orchestrator', calls: 1, averageMs: 1, errors: 0, lastError: null, lastErrorAt: null }],
    }),
  );
  const metrics = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})? /.exec(line);
    if (!match?.[1]) continue;
    const labels = metrics.get(match[1]) ?? new Set<string>();
    for (const label of (match[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="/g)) labels.add(label[1] ?? '');
    metrics.set(match[1], labels);
  }
  return metrics;
}

/** Labels Prometheus adds to every series of a target (prometheus.yml). */
const TARGET_LABELS = ['job', 'instance', 'environment'];
/** Series that come from Prometheus itself and the Blackbox exporter, not the Worker. */
const EXTERNAL: Record<string, string[]> = { up: [], probe_success: [] };

const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
]);

interface Selector {
  metric: string;
  labels: string[];
}

/** The metric selectors of a PromQL expression, and the labels grouped or matched on. */
function promqlSelectors(expr: string): { selectors: Selector[]; grouping: string[] } {
  const grouping: string[] = [];
  const stripped = expr
    .replace(
      /\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g,
      (_whole, _kw: string, labels: string) => {
        grouping.push(
          ...labels
            .split(',')
            .map((l) => l.trim())
            .filter(Boolean),
        );
        return ' ';
      },
    )
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\boffset\s+\w+/g, ' ');
  const selectors: Selector[] = [];
  for (const match of stripped.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{([^}]*)\})?/g)) {
    const [whole, name = '', , body] = match;
    const after = stripped.slice((match.index ?? 0) + whole.length).trimStart();
    if (KEYWORDS.has(name) || (body === undefined && after.startsWith('('))) continue;
    const labels = [...(body ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"/g)].map((m) => m[1] ?? '');
    selectors.push({ metric: name, labels });
  }
  return { selectors, grouping };
}

function checkPromql(expr: string, exposed: Map<string, Set<string>>): string[] {
  const problems: string[] = [];
  const { selectors, grouping } = promqlSelectors(expr);
  if (!selectors.length) problems.push(`no metric in: ${expr}`);
  const available = new Set(TARGET_LABELS);
  for (const { metric, labels } of selectors) {
    const known = exposed.get(metric) ?? (metric in EXTERNAL ? new Set(EXTERNAL[metric]) : undefined);
    if (!known) {
      problems.push(`unknown metric ${metric} in: ${expr.trim()}`);
      continue;
    }
    known.forEach((label) => available.add(label));
    for (const label of labels) {
      if (!known.has(label) && !TARGET_LABELS.includes(label)) problems.push(`${metric} has no label "${label}"`);
    }
  }
  for (const label of grouping)
    if (!available.has(label)) problems.push(`no metric of "${expr.trim()}" has label "${label}"`);
  return problems;
}

interface Panel {
  title: string;
  datasource: { type: string };
  targets: { expr?: string; query?: string; datasource: { type: string } }[];
}
const dashboard = (file: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'ops', 'dashboards', file), 'utf8')) as {
    title: string;
    panels: Panel[];
    templating: { list: { name: string; options?: { value: string }[] }[] };
  };

const REQUIRED_PANELS = [
  /request rate/i,
  /p95/i,
  /active users/i,
  /database health/i,
  /error rate/i,
  /attempts/i,
  /live rooms/i,
];

describe('Prometheus configuration', () => {
  it('scrapes /api/metrics over HTTPS with the METRICS_TOKEN as a bearer token file, and loads the alert rules', () => {
    const config = readYaml(here('prometheus.yml')) as {
      rule_files: string[];
      scrape_configs: {
        job_name: string;
        metrics_path?: string;
        scheme?: string;
        authorization?: { type: string; credentials_file?: string };
      }[];
    };
    const api = config.scrape_configs.filter((job) => job.metrics_path === '/api/metrics');
    expect(api.map((job) => job.job_name)).toEqual(['jeseci-api', 'jeseci-api-staging']);
    for (const job of api) {
      expect(job.scheme).toBe('https');
      expect(job.authorization?.type).toBe('Bearer');
      expect(job.authorization?.credentials_file).toMatch(/^\/etc\/prometheus\/secrets\//);
    }
    expect(config.scrape_configs.some((job) => job.job_name === 'jeseci-readiness')).toBe(true);
    for (const file of config.rule_files) expect(existsSync(here(file))).toBe(true);
    // The metrics route really is there, behind a token.
    const route = readFileSync(join(REPO_ROOT, 'worker', 'routes', 'metrics.ts'), 'utf8');
    expect(route).toContain("'/api/metrics'");
  });

  it('alerts: error rate > 5% for 5 min, p95 > 1 s, readiness down, rate-limit spike — each with severity and summary', () => {
    const rules = (readYaml(here('alerts.yml')) as { groups: { rules: Record<string, unknown>[] }[] }).groups.flatMap(
      (g) => g.rules,
    );
    const byName = new Map(rules.map((rule) => [String(rule.alert), rule]));
    expect(String(byName.get('JeseciHighErrorRate')?.expr)).toMatch(/> 0\.05/);
    expect(byName.get('JeseciHighErrorRate')?.for).toBe('5m');
    expect(String(byName.get('JeseciSlowResponses')?.expr)).toMatch(/histogram_quantile\(0\.95[\s\S]*> 1\s*$/);
    expect(String(byName.get('JeseciNotReady')?.expr)).toContain('probe_success');
    expect(String(byName.get('JeseciRateLimitSpike')?.expr)).toContain('jeseci_rate_limited_total');
    for (const rule of rules) {
      expect(rule.labels, String(rule.alert)).toMatchObject({ severity: expect.stringMatching(/^(page|ticket)$/) });
      expect((rule.annotations as { summary?: string }).summary, String(rule.alert)).toBeTruthy();
    }
  });

  it('every alert and Prometheus panel names only metrics and labels the Worker exposes', () => {
    const exposed = exposedMetrics();
    expect([...exposed.keys()]).toEqual(
      expect.arrayContaining(['http_requests_total', 'http_request_duration_seconds_bucket', 'jeseci_active_users']),
    );
    const rules = (readYaml(here('alerts.yml')) as { groups: { rules: { expr: string }[] }[] }).groups.flatMap(
      (g) => g.rules,
    );
    const panels = [...dashboard('jeseci-prometheus.json').panels, ...dashboard('jeseci-analytics-engine.json').panels];
    const exprs = [
      ...rules.map((rule) => rule.expr),
      ...panels.flatMap((panel) =>
        panel.targets.filter((t) => t.datasource.type === 'prometheus').map((t) => t.expr ?? ''),
      ),
    ];
    expect(exprs.length).toBeGreaterThan(15);
    expect(exprs.flatMap((expr) => checkPromql(expr, exposed))).toEqual([]);
  });

  it('the PromQL reader catches a metric or label that does not exist', () => {
    const exposed = exposedMetrics();
    expect(checkPromql('rate(http_requests_total{code="500"}[5m])', exposed)).toEqual([
      'http_requests_total has no label "code"',
    ]);
    expect(checkPromql('sum by (le) (rate(jeseci_requests_total[5m]))', exposed)[0]).toMatch(
      /unknown metric jeseci_requests_total/,
    );
    expect(promqlSelectors('sum by (route, le) (rate(x_bucket{a="1"}[5m])) > 2 * y offset 1h').selectors).toEqual([
      { metric: 'x_bucket', labels: ['a'] },
      { metric: 'y', labels: [] },
    ]);
  });
});

/** The data point layout of the Worker's writeDataPoint call: how many indexes, blobs and doubles. */
function writtenColumns(): Set<string> {
  const source = readFileSync(join(REPO_ROOT, 'worker', 'middleware', 'access-log.ts'), 'utf8');
  const call = source.slice(source.indexOf('writeDataPoint('));
  const count = (field: string) => {
    const start = call.indexOf(`${field}: [`) + field.length + 3;
    let depth = 0;
    let items = 1;
    for (let i = start; i < call.length; i++) {
      const ch = call[i];
      if (ch === '[' || ch === '(' || ch === '{') depth++;
      else if (ch === ')' || ch === '}') depth--;
      else if (ch === ']') {
        if (depth === 0) return call.slice(start, i).trim().replace(/,$/, '') ? items : 0;
        depth--;
      } else if (ch === ',' && depth === 0 && call.slice(i + 1, call.indexOf(']', i)).trim()) items++;
    }
    return 0;
  };
  const columns = new Set(['timestamp', '_sample_interval']);
  for (const [field, column] of [
    ['indexes', 'index'],
    ['blobs', 'blob'],
    ['doubles', 'double'],
  ] as const) {
    for (let i = 1; i <= count(field); i++) columns.add(`${column}${i}`);
  }
  return columns;
}

function routePatterns(): Set<string> {
  const dir = join(REPO_ROOT, 'worker', 'routes');
  const patterns = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/path: '([^']+)'/g))
      patterns.add(match[1] ?? '');
  }
  return patterns;
}

describe('Analytics Engine dashboard', () => {
  const ae = dashboard('jeseci-analytics-engine.json');
  const queries = ae.panels.flatMap((panel) =>
    panel.targets.map((t) => t.query).filter((q): q is string => Boolean(q)),
  );

  it('reads only the columns the Worker writes (index1, blob1–6, double1–2)', () => {
    const columns = writtenColumns();
    expect([...columns].sort()).toEqual(
      [
        '_sample_interval',
        'blob1',
        'blob2',
        'blob3',
        'blob4',
        'blob5',
        'blob6',
        'double1',
        'double2',
        'index1',
        'timestamp',
      ].sort(),
    );
    expect(queries.length).toBeGreaterThan(5);
    for (const query of queries) {
      const used = query.match(/\b(index|blob|double)\d+\b/g) ?? [];
      expect(
        used.filter((column) => !columns.has(column)),
        query,
      ).toEqual([]);
      expect(query, 'weights by the sample interval').toContain('_sample_interval');
    }
  });

  it('queries only datasets wrangler.toml declares, and filters on routes that exist', () => {
    const datasets = new Set(
      [undefined, 'staging', 'production'].flatMap((env) =>
        unstable_readConfig(
          { config: join(REPO_ROOT, 'wrangler.toml'), ...(env ? { env } : {}) },
          { hideWarnings: true },
        ).analytics_engine_datasets.map((d: { dataset?: string }) => d.dataset ?? ''),
      ),
    );
    const variable = ae.templating.list.find((v) => v.name === 'dataset');
    const options = variable?.options?.map((o) => o.value) ?? [];
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(datasets.has(option), option).toBe(true);
    for (const query of queries) expect(query).toMatch(/FROM \$dataset/);

    const routes = routePatterns();
    const compared = queries.flatMap((q) => [...q.matchAll(/(?:blob2|index1) = '([^']+)'/g)].map((m) => m[1] ?? ''));
    expect(compared.length).toBeGreaterThan(2);
    for (const route of compared) expect(routes.has(route), `${route} is not a route in worker/routes/`).toBe(true);
  });
});

describe('dashboards', () => {
  it.each(['jeseci-prometheus.json', 'jeseci-analytics-engine.json'])(
    '%s has the spec’s panels, each with a query',
    (file) => {
      const board = dashboard(file);
      for (const required of REQUIRED_PANELS)
        expect(
          board.panels.some((p) => required.test(p.title)),
          String(required),
        ).toBe(true);
      for (const panel of board.panels) {
        expect(panel.targets.length, panel.title).toBeGreaterThan(0);
        for (const target of panel.targets) expect(target.expr ?? target.query, panel.title).toBeTruthy();
      }
    },
  );
});

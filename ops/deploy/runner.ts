/**
 * Runs a plan (plan.ts): each step in order, stopping at the first failure; then the undo
 * steps of what had already changed, in reverse; then a report saying what ran, what
 * failed and why, what was rolled back, and what is left for a person to decide.
 * Commands run without a shell; tasks are the few steps that are code (tasks.ts).
 */
import type { Exec } from '../exec.ts';
import { WRANGLER } from '../exec.ts';
import type { Plan, Step, TaskName } from './plan.ts';

export type StepStatus = 'done' | 'failed' | 'not run' | 'skipped';

export interface StepRecord {
  step: Step;
  status: StepStatus;
  ms: number;
  error?: string;
  /** What the step reports (a task's summary line). */
  detail?: string;
}

export interface RunReport {
  plan: Plan;
  ok: boolean;
  records: StepRecord[];
  rollback: StepRecord[];
  outputs: Record<string, string>;
}

export interface TaskResult {
  detail?: string;
  /** Values later steps use (`{name}` in their arguments), e.g. the live version id. */
  outputs?: Record<string, string>;
}

export interface TaskContext {
  env: NodeJS.ProcessEnv;
  exec: Exec;
  fetch: typeof fetch;
  log: (line: string) => void;
}

export type TaskRunner = (params: Record<string, string | string[]>, context: TaskContext) => Promise<TaskResult>;

export type Tasks = Record<TaskName, TaskRunner>;

export interface RunOptions {
  exec: Exec;
  tasks: Tasks;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  log?: (line: string) => void;
  now?: () => number;
}

/** `{name}` placeholders replaced by earlier steps' outputs; a missing one is an error. */
export function substitute(value: string, outputs: Record<string, string>): string {
  return value.replace(/\{([a-z][a-z-]*)\}/g, (whole, name: string) => {
    const found = outputs[name];
    if (found === undefined) throw new Error(`no value for ${whole}: the step that records it did not run`);
    return found;
  });
}

function resolveCommand(argv: string[]): string[] {
  const [command, ...rest] = argv;
  return command === 'wrangler' ? [WRANGLER, ...rest] : argv;
}

async function runStep(step: Step, outputs: Record<string, string>, options: RunOptions): Promise<StepRecord> {
  const now = options.now ?? Date.now;
  const started = now();
  const env = options.env ?? process.env;
  try {
    let detail: string | undefined;
    if (step.action.kind === 'command') {
      const argv = step.action.argv.map((arg) => substitute(arg, outputs));
      const result = await options.exec(resolveCommand(argv), { env: { ...env, WRANGLER_SEND_METRICS: 'false' } });
      if (result.code !== 0) throw new Error(`\`${argv.join(' ')}\` exited with ${result.code}`);
    } else {
      const params = Object.fromEntries(
        Object.entries(step.action.params).map(([key, value]) => [
          key,
          Array.isArray(value) ? value : substitute(value, outputs),
        ]),
      );
      const result = await options.tasks[step.action.task](params, {
        env,
        exec: options.exec,
        fetch: options.fetch ?? fetch,
        log: options.log ?? console.log,
      });
      Object.assign(outputs, result.outputs ?? {});
      detail = result.detail;
    }
    return { step, status: 'done', ms: now() - started, ...(detail ? { detail } : {}) };
  } catch (err) {
    return { step, status: 'failed', ms: now() - started, error: err instanceof Error ? err.message : String(err) };
  }
}

export async function runPlan(plan: Plan, options: RunOptions): Promise<RunReport> {
  const log = options.log ?? console.log;
  const outputs: Record<string, string> = {};
  const records: StepRecord[] = [];
  let failed = false;
  for (const [index, step] of plan.steps.entries()) {
    if (failed) {
      records.push({ step, status: 'not run', ms: 0 });
      continue;
    }
    log(`\n▶ ${index + 1}/${plan.steps.length} [${step.phase}] ${step.title}`);
    const record = await runStep(step, outputs, options);
    records.push(record);
    log(
      record.status === 'done'
        ? `  ✓ ${record.detail ?? 'done'} (${(record.ms / 1000).toFixed(1)} s)`
        : `  ✗ ${record.error}`,
    );
    failed = record.status === 'failed';
  }

  const rollback: StepRecord[] = [];
  if (failed) {
    // A step that failed may still have changed something (an upload that went through
    // before an error), and every undo goes back to what was recorded as live before the
    // deploy, so attempted counts as done here.
    const attempted = new Set(records.filter((r) => r.status !== 'not run').map((r) => r.step.id));
    // Undo in the reverse order of what was done: the frontend before the Worker.
    const rules = plan.onFailure.filter((rule) => attempted.has(rule.afterStep)).reverse();
    for (const step of rules.flatMap((rule) => rule.steps)) {
      log(`\n↩ ${step.title}`);
      const record = await runStep(step, outputs, options);
      rollback.push(record);
      log(record.status === 'done' ? `  ✓ ${record.detail ?? 'done'}` : `  ✗ ${record.error}`);
    }
  }
  return { plan, ok: !failed, records, rollback, outputs };
}

const MARK: Record<StepStatus, string> = { done: '✓', failed: '✗', 'not run': '·', skipped: '-' };

/** The report printed at the end of a run. */
export function describeReport(report: RunReport): string {
  const { plan } = report;
  const lines = [
    '',
    `${plan.kind === 'deploy' ? 'Deploy' : 'Rollback'} ${plan.release.id} to ${plan.environment.name}: ` +
      (report.ok ? 'SUCCEEDED' : 'FAILED'),
    '',
  ];
  for (const record of report.records) {
    const time = record.status === 'done' || record.status === 'failed' ? ` (${(record.ms / 1000).toFixed(1)} s)` : '';
    lines.push(`  ${MARK[record.status]} ${record.step.id.padEnd(18)} ${record.status}${time}`);
    if (record.error) lines.push(`      ${record.error.split('\n').join('\n      ')}`);
  }
  if (!report.ok) {
    const failedStep = report.records.find((r) => r.status === 'failed');
    lines.push('', `Failed at "${failedStep?.step.id}": ${failedStep?.step.title}.`);
    if (report.rollback.length) {
      lines.push('Rolled back:');
      for (const record of report.rollback) {
        lines.push(`  ${MARK[record.status]} ${record.step.title}${record.error ? ` — FAILED: ${record.error}` : ''}`);
      }
      if (report.rollback.some((r) => r.status === 'failed')) {
        lines.push('A rollback step failed: roll back by hand (docs/runbook.md, "Worker rollback").');
      }
    } else {
      lines.push('Nothing was rolled back: nothing had been deployed yet.');
    }
    const migrated = report.records.some((r) => r.step.id === 'migrate' && r.status === 'done');
    const branch = report.outputs['neon-branch'];
    if (migrated) {
      lines.push(
        `Migrations were applied and stay applied (compatible with the previous release by rule).` +
          (branch ? ` If the data must go back too, restore from Neon branch "${branch}" (docs/runbook.md).` : ''),
      );
    }
  }
  return lines.join('\n');
}

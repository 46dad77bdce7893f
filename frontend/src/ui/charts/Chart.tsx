/**
 * A chart drawn by uPlot, for the progress screen and the admin screens. uPlot is imported
 * on first use (its own chunk: only the screens with a chart pay for it); the chart is sized
 * to its container, coloured from the theme's tokens and redrawn when the theme or the data
 * changes. The drawing is `role="img"` with a one-sentence summary, and the numbers can be
 * given as a table under it (the children, folded under `tableLabel`). uPlot does not
 * animate, so there is nothing to turn off for reduced motion.
 */
import type uPlot from 'uplot';
import { createEffect, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { fitLabel } from './fit-label';
import 'uplot/dist/uPlot.min.css';
import './chart.css';

export type ChartColor = 'accent' | 'up' | 'warn' | 'down' | 'focus' | 'muted';

/** Colours for lines one after another. */
export const LINE_COLORS: ChartColor[] = ['accent', 'up', 'warn', 'down', 'focus', 'muted'];

/** uPlot's shape: one x array, then one array of values per series (null is a gap). */
export interface ChartData {
  /** Unix seconds for a time axis, 0–1 for shares, indexes for categories. */
  x: number[];
  series: (number | null)[][];
}

export interface ChartSeries {
  label: string;
  color: ChartColor;
  /** Dashed, thin, no points: a reference line. */
  reference?: boolean;
  /** Dots at each value (for few, separate measurements). */
  points?: boolean;
}

export interface ChartProps {
  /** What the chart shows, in one sentence, for people who cannot see it. */
  summary: string;
  /** 'time': x in unix seconds, shown as dates; 'share': x from 0 to 1, shown as a percentage; 'bars': one bar per category. */
  kind: 'time' | 'share' | 'bars';
  data: ChartData;
  series: ChartSeries[];
  /** Names of the x positions of a bar chart. */
  categories?: string[];
  formatY?: (value: number) => string;
  /** Whole numbers only (counts): no 0.25 ticks. */
  integerY?: boolean;
  /** A fixed top of the y axis (1 for shares, 100 for percentages); otherwise it fits the data. */
  yMax?: number;
  height?: number;
  /** The line that unfolds the table alternative ("Show … as a table"); the table is the children. */
  tableLabel?: string;
  children?: JSX.Element;
}

type UPlotClass = typeof uPlot;

const DEFAULT_HEIGHT = 220;

const INTEGER_STEPS = [
  1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 25_000, 50_000, 100_000,
];

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** Bumps when the colour scheme changes (the app's theme switch, or the system's preference). */
function createThemeVersion(): () => number {
  const [version, setVersion] = createSignal(0);
  const bump = () => setVersion((n) => n + 1);
  const observer = new MutationObserver(bump);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  scheme?.addEventListener('change', bump);
  onCleanup(() => {
    observer.disconnect();
    scheme?.removeEventListener('change', bump);
  });
  return version;
}

function token(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim() || '#57606a';
}

function xAxis(props: ChartProps, grid: uPlot.Axis.Grid): uPlot.Axis {
  const stroke = token('muted');
  if (props.kind === 'time') return { stroke, grid, ticks: grid };
  if (props.kind === 'share')
    return { stroke, grid, ticks: grid, values: (_: uPlot, splits: number[]) => splits.map(percent) };
  const count = props.data.x.length;
  return {
    stroke,
    grid: { show: false },
    ticks: grid,
    splits: () => props.data.x,
    values: (u: uPlot, splits: number[]) => {
      const slot = u.bbox.width / devicePixelRatio / Math.max(1, count);
      return splits.map((i) => fitLabel(props.categories?.[i] ?? '', slot));
    },
  };
}

function chartOptions(UPlot: UPlotClass, props: ChartProps, width: number): uPlot.Options {
  const grid = { stroke: token('border'), width: 1 };
  const format = props.formatY ?? ((value: number) => String(value));
  const bars = props.kind === 'bars';
  return {
    width,
    height: props.height ?? DEFAULT_HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x:
        props.kind === 'time'
          ? { time: true }
          : { time: false, range: bars ? [-0.5, props.data.x.length - 0.5] : [0, 1] },
      // Counts, latencies and shares are never negative: the axis starts at 0, so a
      // small change does not look like a cliff.
      y: { range: (_: uPlot, _min: number, max: number) => [0, props.yMax ?? (max > 0 ? max * 1.1 : 1)] },
    },
    axes: [
      xAxis(props, grid),
      {
        stroke: token('muted'),
        grid,
        ticks: grid,
        size: 56,
        ...(props.integerY ? { incrs: INTEGER_STEPS } : {}),
        values: (_: uPlot, splits: number[]) => splits.map(format),
      },
    ],
    series: [
      {},
      ...props.series.map((series): uPlot.Series => {
        const color = token(series.color);
        return {
          label: series.label,
          stroke: color,
          width: series.reference ? 1.5 : 2,
          dash: series.reference ? [6, 6] : undefined,
          points: { show: series.points ?? false, size: 8, fill: color },
          ...(bars ? { fill: color, paths: UPlot.paths.bars?.({ size: [0.6, 72] }) } : {}),
        };
      }),
    ],
  };
}

export function Chart(props: ChartProps): JSX.Element {
  let box: HTMLDivElement | undefined;
  let plot: uPlot | undefined;
  const [UPlot, setUPlot] = createSignal<UPlotClass>();
  const [failed, setFailed] = createSignal(false);
  const themeVersion = createThemeVersion();
  const height = () => props.height ?? DEFAULT_HEIGHT;

  function load() {
    setFailed(false);
    import('uplot').then(
      (module) => setUPlot(() => module.default),
      () => setFailed(true),
    );
  }

  onMount(() => {
    load();
    const observer = new ResizeObserver(() => {
      if (plot && box) plot.setSize({ width: box.clientWidth, height: height() });
    });
    if (box) observer.observe(box);
    onCleanup(() => observer.disconnect());
  });

  // Redrawn whole when the data or the theme changes: cheap at this size, and simpler than patching.
  createEffect(() => {
    const Loaded = UPlot();
    themeVersion();
    if (!Loaded || !box) return;
    const options = chartOptions(Loaded, props, Math.max(box.clientWidth, 200));
    plot?.destroy();
    plot = new Loaded(options, [props.data.x, ...props.data.series] as uPlot.AlignedData, box);
  });
  onCleanup(() => plot?.destroy());

  return (
    <>
      <figure class="chart">
        <div
          ref={(element) => (box = element)}
          class="chart-plot"
          // The space the chart will take, kept while it loads so the page does not jump.
          style={{ 'min-height': failed() ? undefined : `${height()}px` }}
          role="img"
          aria-label={props.summary}
        >
          <Show when={!UPlot() && !failed()}>
            <p class="loading">
              <span class="spinner" aria-hidden="true" /> Drawing the chart…
            </p>
          </Show>
        </div>
        <Show when={failed()}>
          <p class="error-state" role="alert">
            The chart could not be loaded; the table has the same numbers.{' '}
            <button type="button" onClick={load}>
              Retry
            </button>
          </p>
        </Show>
        <Show when={props.series.length > 1 || props.kind === 'time'}>
          <figcaption>
            <ul class="chart-legend" aria-hidden="true">
              <For each={props.series}>
                {(series) => (
                  <li>
                    <span class={`swatch swatch-${series.color}`} classList={{ reference: series.reference }} />
                    {series.label}
                  </li>
                )}
              </For>
            </ul>
          </figcaption>
        </Show>
      </figure>
      <Show when={props.tableLabel}>
        <details class="chart-table">
          <summary>{props.tableLabel}</summary>
          <div class="table-wrap">{props.children}</div>
        </details>
      </Show>
    </>
  );
}

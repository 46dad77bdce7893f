/**
 * The learner's progress: the skill map of a course (mastery per concept), mastery over
 * time (GET /api/progress/history) and accuracy against prediction (GET
 * /api/progress/calibration). Each chart has a table with the same numbers; the course and
 * the period are in the URL (`?course=`, `?days=`).
 */
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Chart, LINE_COLORS } from '../../ui/charts/Chart';
import { chartTable } from '../../ui/charts/chart-table';
import { ChartTable } from '../../ui/charts/ChartTable';
import { Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { LEVEL_WORDS, plainTitle, stateLine, type ConceptState } from './course-map/concepts';
import { replaceQuery } from './address';
import { InlineCode } from './InlineCode';
import {
  activeDays,
  calibrationSentence,
  calibrationSeries,
  latestCourse,
  masterySeries,
  MAX_LINES,
  type HistoryDay,
} from './charts/progress-data';
import { percentOf, plural, shortDate } from './learner-format';
import './learner.css';

const PERIODS = [7, 30, 90] as const;
const DEFAULT_DAYS = 30;

function periodOf(asked: string | undefined): number {
  const days = Number(asked);
  return PERIODS.includes(days as (typeof PERIODS)[number]) ? days : DEFAULT_DAYS;
}

function SkillMap(props: { course: string }): JSX.Element {
  const [skills, { refetch }] = createResource(
    () => props.course,
    (course) => ok(api.GET('/api/courses/{course}/skills', { params: { path: { course } } })),
  );
  return (
    <Load data={skills} retry={() => void refetch()} isEmpty={(map) => map.concepts.length === 0}>
      {(map) => (
        <ul class="skill-map">
          <For each={map.concepts}>
            {(concept) => (
              <li class={`skill state-${concept.status as ConceptState}`}>
                <div class="skill-head">
                  <A href={`/courses/${map.course}?concept=${concept.slug}`}>
                    <InlineCode text={concept.title} />
                  </A>
                  <span class={`badge state-badge state-${concept.status}`}>
                    {stateLine({ state: concept.status, probability: concept.probability })}
                  </span>
                </div>
                <div
                  class="progress-bar"
                  role="progressbar"
                  aria-label={`${plainTitle(concept.title)} mastery`}
                  aria-valuemin="0"
                  aria-valuemax="100"
                  aria-valuenow={Math.round((concept.probability ?? 0) * 100)}
                >
                  <span style={{ width: percentOf(concept.probability ?? 0) }} />
                </div>
                <p class="hint">
                  <Show when={concept.answers > 0} fallback="Not practised yet">
                    {concept.level ? `${LEVEL_WORDS[concept.level]} · ` : ''}
                    {plural(concept.answers, 'answer')}, {percentOf(concept.accuracy)} right
                  </Show>
                </p>
              </li>
            )}
          </For>
        </ul>
      )}
    </Load>
  );
}

function MasteryOverTime(props: {
  days: HistoryDay[];
  course: string;
  titleOf: (concept: string) => string;
}): JSX.Element {
  const series = createMemo(() => masterySeries(props.days, props.course));
  const rows = createMemo(() => activeDays(props.days, props.course));
  const valueOn = (concept: string, day: string) => {
    const line = series().lines.find((candidate) => candidate.concept === concept);
    return line?.values[series().days.indexOf(day)] ?? null;
  };
  const summary = () => {
    const lines = series().lines;
    const last = (values: (number | null)[]) => values[values.length - 1] ?? null;
    return `Mastery over the last ${props.days.length} days for ${lines.length} concepts: ${lines
      .map((line) => `${props.titleOf(line.concept)} at ${percentOf(last(line.values))}`)
      .join(', ')}.`;
  };
  return (
    <Show
      when={series().lines.length > 0}
      fallback={<p class="empty">No practice in this course in this period: mastery shows here once you answer.</p>}
    >
      <Show when={series().lines.length === MAX_LINES}>
        <p class="hint">The {MAX_LINES} concepts practised on the most days; the skill map above has them all.</p>
      </Show>
      <Chart
        summary={summary()}
        kind="time"
        data={{ x: series().x, series: series().lines.map((line) => line.values) }}
        series={series().lines.map((line, index) => ({
          label: props.titleOf(line.concept),
          color: LINE_COLORS[index % LINE_COLORS.length] ?? 'accent',
          points: true,
        }))}
        yMax={1}
        formatY={percentOf}
        height={240}
        tableLabel="Show mastery over time as a table"
      >
        <ChartTable
          caption="Mastery at the end of each day with activity"
          table={chartTable(rows(), [
            { label: 'Day', cell: (day) => shortDate(day.day) },
            { label: 'Answers', cell: (day) => day.answers },
            { label: 'Right', cell: (day) => percentOf(day.accuracy) },
            { label: 'XP', cell: (day) => day.xp },
            ...series().lines.map((line) => ({
              label: props.titleOf(line.concept),
              cell: (day: HistoryDay) => percentOf(valueOn(line.concept, day.day)),
            })),
          ])}
        />
      </Chart>
    </Show>
  );
}

function Calibration(): JSX.Element {
  const [calibration, { refetch }] = createResource(() => ok(api.GET('/api/progress/calibration')));
  return (
    <Load
      data={calibration}
      retry={() => void refetch()}
      isEmpty={(c) => c.answers === 0}
      empty={<p>Answer a few questions: this compares how often you are right with how often we predicted.</p>}
    >
      {(c) => {
        const series = () => calibrationSeries(c.bins);
        return (
          <div class="stack">
            <p>{calibrationSentence(c)}</p>
            <dl class="row calibration-stats">
              <div class="stat">
                <dt class="label">Answers</dt>
                <dd class="value">{c.answers}</dd>
              </div>
              <div class="stat">
                <dt class="label">Predicted</dt>
                <dd class="value">{percentOf(c.meanPredicted)}</dd>
              </div>
              <div class="stat">
                <dt class="label">Right</dt>
                <dd class="value">{percentOf(c.accuracy)}</dd>
              </div>
              <div class="stat">
                <dt class="label">Brier score (lower is better)</dt>
                <dd class="value">{c.brier?.toFixed(3) ?? '—'}</dd>
              </div>
            </dl>
            <Chart
              summary={`Accuracy against predicted success in ${series().bins.length} bands. ${calibrationSentence(c)}`}
              kind="share"
              data={{ x: series().x, series: [series().actual, series().ideal] }}
              series={[
                { label: 'Your accuracy', color: 'accent', points: true },
                { label: 'Perfectly calibrated', color: 'muted', reference: true },
              ]}
              yMax={1}
              formatY={percentOf}
              height={240}
              tableLabel="Show accuracy against prediction as a table"
            >
              <ChartTable
                caption="Accuracy per band of predicted success"
                table={chartTable(series().bins, [
                  { label: 'Predicted band', cell: (bin) => `${percentOf(bin.from)}–${percentOf(bin.to)}` },
                  { label: 'Answers', cell: (bin) => bin.answers },
                  { label: 'Predicted', cell: (bin) => percentOf(bin.meanPredicted) },
                  { label: 'Right', cell: (bin) => percentOf(bin.accuracy) },
                ])}
              />
            </Chart>
          </div>
        );
      }}
    </Load>
  );
}

export default function Progress(): JSX.Element {
  usePageTitle(() => 'Progress');
  const [params] = useSearchParams<{ course?: string; days?: string }>();
  const [chosenCourse, setChosenCourse] = createSignal(params.course);
  const [days, setDays] = createSignal(periodOf(params.days));
  const [catalogue, { refetch: refetchCatalogue }] = createResource(() =>
    ok(api.GET('/api/courses')).then((answer) => answer.courses),
  );
  const [history, { refetch: refetchHistory }] = createResource(days, (count) =>
    ok(api.GET('/api/progress/history', { params: { query: { days: count } } })).then((answer) => answer.days),
  );
  // The course asked for, else the one practised last (once the history is in, so the
  // screen does not switch courses under the reader), else the first in the catalogue.
  const course = () => {
    const chosen = chosenCourse();
    if (chosen) return chosen;
    if (history.latest === undefined && history.error === undefined) return null;
    return (history.latest ? latestCourse(history.latest) : null) ?? catalogue.latest?.[0]?.slug ?? null;
  };
  const [courseGraph] = createResource(course, (slug) =>
    ok(api.GET('/api/courses/{course}', { params: { path: { course: slug } } })),
  );
  const titleOf = (concept: string) =>
    plainTitle(courseGraph.latest?.concepts.find((candidate) => candidate.slug === concept)?.title ?? concept);

  return (
    <div class="progress-page stack">
      <h1>Progress</h1>
      <Load
        data={catalogue}
        retry={() => void refetchCatalogue()}
        isEmpty={(courses) => courses.length === 0}
        empty={<p>No course is published yet.</p>}
      >
        {(courses) => (
          <div class="row progress-controls">
            <div class="field">
              <label for="progress-course">Course</label>
              <select
                id="progress-course"
                value={course() ?? ''}
                onChange={(event) => {
                  setChosenCourse(event.currentTarget.value);
                  replaceQuery({ course: event.currentTarget.value });
                }}
              >
                <For each={courses}>{(option) => <option value={option.slug}>{option.title}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for="progress-days">Period</label>
              <select
                id="progress-days"
                value={String(days())}
                onChange={(event) => {
                  setDays(periodOf(event.currentTarget.value));
                  replaceQuery({ days: event.currentTarget.value });
                }}
              >
                <For each={PERIODS}>{(period) => <option value={period}>Last {period} days</option>}</For>
              </select>
            </div>
          </div>
        )}
      </Load>

      <section class="card" aria-labelledby="skills-heading">
        <h2 id="skills-heading">Skill map</h2>
        <Show
          when={course()}
          fallback={
            <p class="loading" role="status">
              <span class="spinner" aria-hidden="true" /> Loading…
            </p>
          }
        >
          {(slug) => <SkillMap course={slug()} />}
        </Show>
      </section>

      <section class="card" aria-labelledby="mastery-heading">
        <h2 id="mastery-heading">Mastery over time</h2>
        <Load data={history} retry={() => void refetchHistory()}>
          {(loaded) => (
            <Show when={course()}>{(slug) => <MasteryOverTime days={loaded} course={slug()} titleOf={titleOf} />}</Show>
          )}
        </Load>
      </section>

      <section class="card" aria-labelledby="calibration-heading">
        <h2 id="calibration-heading">Accuracy against prediction</h2>
        <p class="muted">
          Questions are picked so you get about 75% right. When the predictions are good, your accuracy follows the
          dashed line.
        </p>
        <Calibration />
      </section>
    </div>
  );
}

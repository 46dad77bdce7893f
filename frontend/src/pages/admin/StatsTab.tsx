/**
 * Platform statistics (GET /api/admin/stats): accounts, people active now, learning
 * sessions and today's answers, then users by role and each course's completion as
 * charts, each with its table.
 */
import { Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Chart } from '../../ui/charts/Chart';
import { chartTable } from '../../ui/charts/chart-table';
import { ChartTable } from '../../ui/charts/ChartTable';
import { Load } from '../../ui/Load';
import { categoryChart, categorySummary, percentOf } from './chart-data';
import { formatCount, formatPercent } from './format';
import { createRefreshingResource } from './refreshing-resource';

const loadStats = () => ok(api.GET('/api/admin/stats'));
type Stats = Awaited<ReturnType<typeof loadStats>>;

function Stat(props: { label: string; value: string; note?: string }): JSX.Element {
  return (
    <div class="card stat">
      <span class="value">{props.value}</span>
      <span class="label">{props.label}</span>
      <Show when={props.note}>
        <span class="hint">{props.note}</span>
      </Show>
    </div>
  );
}

function UsersByRole(props: { stats: Stats }): JSX.Element {
  const labels = ['Learners', 'Instructors', 'Admins'];
  const values = () => [props.stats.users.learners, props.stats.users.instructors, props.stats.users.admins];
  return (
    <section class="card stack" aria-labelledby="roles-heading">
      <h3 id="roles-heading">Users by role</h3>
      <Chart
        kind="bars"
        summary={categorySummary('Users by role', labels, values())}
        data={categoryChart(values())}
        series={[{ label: 'Users', color: 'accent' }]}
        categories={labels}
        formatY={formatCount}
        integerY
        height={200}
      />
      <div class="table-wrap">
        <ChartTable
          caption="Users by role"
          table={chartTable(labels, [
            { label: 'Role', cell: (label) => label },
            { label: 'Users', cell: (_, i) => formatCount(values()[i] ?? 0) },
          ])}
        />
      </div>
    </section>
  );
}

function CourseCompletion(props: { courses: Stats['courses'] }): JSX.Element {
  const labels = () => props.courses.map((course) => course.title);
  const rates = () => props.courses.map((course) => course.completionRate);
  return (
    <section class="card stack" aria-labelledby="courses-heading">
      <h3 id="courses-heading">Course completion</h3>
      <Show when={props.courses.length > 0} fallback={<p class="empty">No courses are published yet.</p>}>
        <Chart
          kind="bars"
          summary={categorySummary('Share of learners who finished each course', labels(), rates(), percentOf)}
          data={categoryChart(rates().map((rate) => (rate === null ? null : rate * 100)))}
          series={[{ label: 'Completion', color: 'up' }]}
          categories={labels()}
          formatY={(value) => `${value}%`}
          yMax={100}
          height={200}
        />
        <div class="table-wrap">
          <ChartTable
            caption="Course completion"
            table={chartTable(props.courses, [
              { label: 'Course', cell: (course) => course.title },
              { label: 'Started', cell: (course) => formatCount(course.learnersStarted) },
              { label: 'Finished', cell: (course) => formatCount(course.learnersCompleted) },
              { label: 'Completion', cell: (course) => formatPercent(course.completionRate) },
              { label: 'Lessons read', cell: (course) => formatPercent(course.lessonCompletionRate) },
            ])}
          />
        </div>
      </Show>
    </section>
  );
}

export function StatsTab(): JSX.Element {
  const [stats, { refetch }] = createRefreshingResource(loadStats);
  return (
    <section class="stack" aria-labelledby="stats-heading">
      <div class="row spread">
        <h2 id="stats-heading">Platform statistics</h2>
        <button type="button" onClick={() => void refetch()} disabled={stats.loading}>
          {stats.loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <Load data={stats} retry={() => void refetch()} loading="Loading the statistics…">
        {(value) => (
          <>
            <div class="admin-stats">
              <Stat
                label="Accounts"
                value={formatCount(value.users.total)}
                note={`${formatCount(value.users.newThisWeek)} new this week · ${formatCount(value.users.disabled)} disabled`}
              />
              <Stat
                label="Active now"
                value={value.activeUsers === null ? '—' : formatCount(value.activeUsers)}
                note={value.activeUsers === null ? 'Unavailable: Redis cannot be reached' : 'Signed in, last 5 minutes'}
              />
              <Stat
                label="Learning sessions open"
                value={formatCount(value.learningSessions.active)}
                note={`${formatCount(value.learningSessions.startedToday)} started today (UTC)`}
              />
              <Stat
                label="Answers today"
                value={formatCount(value.attemptsToday.total)}
                note={
                  value.attemptsToday.accuracy === null
                    ? 'None yet today (UTC)'
                    : `${formatPercent(value.attemptsToday.accuracy)} right (UTC day)`
                }
              />
            </div>
            <div class="admin-charts stats-charts">
              <UsersByRole stats={value} />
              <CourseCompletion courses={value.courses} />
            </div>
          </>
        )}
      </Load>
    </section>
  );
}

/**
 * The learner's home: today's goal and the streak with this week's calendar, XP and tier
 * with the way to the next, what to do next (the orchestrator's decision and the content
 * curator's suggestions, each a link to the screen that does it), reviews due, achievements and the learner's courses. Size-
 * budgeted (60 KB with the shell): plain elements only, no charts, no heavy libraries.
 */
import { A } from '@solidjs/router';
import { createResource, For, Show, type JSX, type Resource } from 'solid-js';
import { api, ok } from '../../api/client';
import { useSession } from '../../app/session';
import { Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { AchievementIcon } from './AchievementIcon';
import {
  courseStanding,
  currentCourse,
  DAY_WORDS,
  endedStreakNote,
  featuredAchievements,
  goalProgress,
  recommendationHref,
  stepAction,
  stepAsRecommendation,
  tierProgress,
  type DayState,
} from './dashboard-model';
import { percentOf, plural, weekday } from './learner-format';
import './learner.css';

async function loadCourses() {
  const { courses } = await ok(api.GET('/api/courses'));
  return Promise.all(
    courses.map(async (course) => {
      const skills = await ok(api.GET('/api/courses/{course}/skills', { params: { path: { course: course.slug } } }));
      return { ...course, standing: courseStanding(skills.concepts) };
    }),
  );
}

type CourseCard = Awaited<ReturnType<typeof loadCourses>>[number];

const loadProgress = () => ok(api.GET('/api/me/progress'));

/** XP, tier and streak: one answer shared by the "Today" and "Level" cards. */
interface ProgressProps {
  progress: Resource<Awaited<ReturnType<typeof loadProgress>>>;
  retry: () => void;
}

const DAY_GLYPHS: Record<DayState, string> = { met: '✓', frozen: '❄', missed: '·', today: '○', future: '' };

function Meter(props: { fraction: number; label: string }): JSX.Element {
  return (
    <div
      class="progress-bar"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow={Math.round(props.fraction * 100)}
    >
      <span style={{ width: percentOf(props.fraction) }} />
    </div>
  );
}

function TodayCard(props: ProgressProps): JSX.Element {
  return (
    <section class="card dash-today" aria-labelledby="today-heading">
      <h2 id="today-heading">Today</h2>
      <Load data={props.progress} retry={props.retry}>
        {(state) => (
          <div class="stack">
            <div>
              <p class="dash-figure">
                <strong>{state.xp.today}</strong> / {state.xp.dailyGoal} XP
                <span class="muted"> daily goal</span>
              </p>
              <Meter fraction={goalProgress(state.xp.today, state.xp.dailyGoal)} label="Daily goal" />
              <Show when={state.xp.today >= state.xp.dailyGoal}>
                <p class="up dash-note">Goal met for today.</p>
              </Show>
            </div>
            <div>
              <p class="dash-figure">
                <strong>{plural(state.streak.current, 'day')}</strong> <span class="muted">streak</span>
                <span class="muted"> · longest {state.streak.longest}</span>
              </p>
              <Show when={state.streak.atRisk}>
                <p class="notice dash-note">
                  Earn {state.xp.dailyGoal - state.xp.today} more XP today to keep your streak.
                </p>
              </Show>
              <Show when={endedStreakNote(state.streak)}>
                {(ended) => (
                  <p class="hint dash-note">
                    Your {ended().length}-day streak ended on {weekday(ended().brokenOn, 'long')}.{' '}
                    <Show when={ended().toBeat} fallback="Meet today’s goal to start a new one.">
                      {(toBeat) => `${plural(toBeat(), 'more day')} to beat it.`}
                    </Show>
                  </p>
                )}
              </Show>
              <Show when={state.streak.freezeAvailable}>
                <p class="hint">A streak freeze is ready: one missed day this week will not break the streak.</p>
              </Show>
              <ol class="week" aria-label="This week">
                <For each={state.streak.week}>
                  {(day) => (
                    <li class={`week-day day-${day.state}`}>
                      <span class="week-name" aria-hidden="true">
                        {weekday(day.day)}
                      </span>
                      <span class="week-mark" aria-hidden="true">
                        {DAY_GLYPHS[day.state]}
                      </span>
                      <span class="visually-hidden">
                        {weekday(day.day, 'long')}: {DAY_WORDS[day.state]}
                      </span>
                    </li>
                  )}
                </For>
              </ol>
            </div>
          </div>
        )}
      </Load>
    </section>
  );
}

function LevelCard(props: ProgressProps): JSX.Element {
  return (
    <section class="card dash-level" aria-labelledby="level-heading">
      <h2 id="level-heading">Level</h2>
      <Load data={props.progress} retry={props.retry}>
        {(state) => {
          const tier = () => tierProgress(state.xp.total, state.tier);
          return (
            <div class="stack">
              <div class="row">
                <div class="stat">
                  <span class="value">{state.tier.name}</span>
                  <span class="label">tier {state.tier.level}</span>
                </div>
                <div class="stat">
                  <span class="value">{state.xp.total.toLocaleString('en')}</span>
                  <span class="label">XP in total</span>
                </div>
              </div>
              <Meter fraction={tier().fraction} label="Progress to the next tier" />
              <p class="muted">
                {tier().remaining === null
                  ? 'The top tier: every 1,000 XP adds a Platinum rank.'
                  : `${tier().remaining?.toLocaleString('en')} XP to the next tier`}
              </p>
            </div>
          );
        }}
      </Load>
    </section>
  );
}

/**
 * What to do next: the orchestrator's own decision (it weighs breaks, struggle, due
 * reviews and fresh unlocks before the content curator's suggestions), then up to two of
 * the curator's other recommendations.
 */
async function loadNextUp(course: string) {
  const [decided, suggested] = await Promise.all([
    ok(api.GET('/api/agents/next-step', { params: { query: { course } } })),
    ok(api.GET('/api/courses/{course}/recommendations', { params: { path: { course } } })),
  ]);
  return { step: decided.step, others: suggested.recommendations };
}

function NextUp(props: { course: CourseCard }): JSX.Element {
  const [next, { refetch }] = createResource(() => props.course.slug, loadNextUp);
  return (
    <Load
      data={next}
      retry={() => void refetch()}
      isEmpty={(value) => value.step === null && value.others.length === 0}
      empty={
        <p>
          Nothing new to study in {props.course.title} right now. <A href="/courses">Browse the courses</A>.
        </p>
      }
    >
      {(value) => {
        const step = value.step;
        const target = step ? stepAsRecommendation(step) : null;
        const others = value.others.filter((other) => other.reason !== step?.reason).slice(0, 2);
        return (
          <div class="stack">
            <p class="muted">{props.course.title}</p>
            <Show when={step}>
              {(decided) => (
                <>
                  <p class="dash-next-reason">{decided().reason}</p>
                  <p>
                    <Show when={target} fallback={<span class="badge">{stepAction(decided())}</span>}>
                      {(to) => (
                        <A href={recommendationHref(props.course.slug, to())} class="button primary">
                          {stepAction(decided())}
                        </A>
                      )}
                    </Show>
                  </p>
                </>
              )}
            </Show>
            <Show when={others.length > 0}>
              <h3 class="dash-subheading">Also suggested</h3>
              <ul class="dash-list">
                <For each={others}>
                  {(recommendation) => (
                    <li>
                      <A href={recommendationHref(props.course.slug, recommendation)}>{recommendation.reason}</A>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        );
      }}
    </Load>
  );
}

function ReviewsCard(): JSX.Element {
  const [reviews, { refetch }] = createResource(() => ok(api.GET('/api/reviews', { params: { query: { limit: 1 } } })));
  return (
    <section class="card" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews</h2>
      <Load data={reviews} retry={() => void refetch()}>
        {(queue) => (
          <div class="stack">
            <div class="stat">
              <span class="value">{queue.counts.dueNow}</span>
              <span class="label">due now · {queue.counts.dueToday} today</span>
            </div>
            <Show
              when={queue.counts.dueNow > 0}
              fallback={<p class="muted">Nothing due. Questions come back just before you would forget them.</p>}
            >
              <p>
                <A href="/review" class="button">
                  Review now
                </A>
              </p>
            </Show>
          </div>
        )}
      </Load>
    </section>
  );
}

function AchievementsCard(): JSX.Element {
  const [achievements, { refetch }] = createResource(() =>
    ok(api.GET('/api/me/achievements')).then((answer) => featuredAchievements(answer.achievements)),
  );
  return (
    <section class="card" aria-labelledby="achievements-heading">
      <h2 id="achievements-heading">Achievements</h2>
      <Load data={achievements} retry={() => void refetch()}>
        {(featured) => (
          <div class="stack">
            <Show when={featured.earned.length > 0} fallback={<p class="muted">None earned yet.</p>}>
              <p class="muted">{featured.earnedTotal} earned</p>
              <ul class="dash-list dash-achievements">
                <For each={featured.earned}>
                  {(achievement) => (
                    <li>
                      <AchievementIcon earned size={20} /> <strong>{achievement.title}</strong> —{' '}
                      {achievement.description}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={featured.closest}>
              {(next) => (
                <div>
                  <p>
                    Next: <strong>{next().title}</strong> ({next().current} of {next().target})
                  </p>
                  <Meter
                    fraction={next().target ? next().current / next().target : 0}
                    label={`Progress to ${next().title}`}
                  />
                </div>
              )}
            </Show>
            <p>
              <A href="/achievements">All achievements</A>
            </p>
          </div>
        )}
      </Load>
    </section>
  );
}

function CoursesList(props: { courses: CourseCard[] }): JSX.Element {
  const started = () => props.courses.filter((course) => course.standing.started);
  const shown = () => (started().length > 0 ? started() : props.courses);
  return (
    <>
      <Show when={started().length === 0}>
        <p class="muted">You have not started a course yet. Pick one to begin:</p>
      </Show>
      <ul class="grid dash-courses">
        <For each={shown()}>
          {(course) => (
            <li class="card">
              <h3>
                <A href={`/courses/${course.slug}`}>{course.title}</A>
              </h3>
              <p class="muted">
                {course.standing.mastered} of {course.standing.total} concepts mastered
                <Show when={course.standing.inProgress > 0}> · {course.standing.inProgress} in progress</Show>
              </p>
              <Meter
                fraction={course.standing.total ? course.standing.mastered / course.standing.total : 0}
                label={`${course.title}: concepts mastered`}
              />
            </li>
          )}
        </For>
      </ul>
      <Show when={started().length > 0 && started().length < props.courses.length}>
        <p>
          <A href="/courses">More courses</A>
        </p>
      </Show>
    </>
  );
}

export default function Dashboard(): JSX.Element {
  usePageTitle(() => 'Dashboard');
  const session = useSession();
  const [courses, { refetch }] = createResource(loadCourses);
  const [progress, { refetch: refetchProgress }] = createResource(loadProgress);
  const current = () => currentCourse(courses.latest ?? []);

  return (
    <div class="dashboard stack">
      <h1>{session.account.latest ? `Hi, ${session.account.latest.displayName}` : 'Dashboard'}</h1>
      <div class="dash-grid">
        <section class="card dash-next" aria-labelledby="next-heading">
          <h2 id="next-heading">What to do next</h2>
          <Load
            data={courses}
            retry={() => void refetch()}
            isEmpty={(list) => list.length === 0}
            empty={<p>No course is published yet.</p>}
          >
            {() => <Show when={current()}>{(course) => <NextUp course={course()} />}</Show>}
          </Load>
        </section>
        <TodayCard progress={progress} retry={() => void refetchProgress()} />
        <LevelCard progress={progress} retry={() => void refetchProgress()} />
        <ReviewsCard />
        <AchievementsCard />
      </div>
      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">Your courses</h2>
        <Load
          data={courses}
          retry={() => void refetch()}
          isEmpty={(list) => list.length === 0}
          empty={<p>No course is published yet.</p>}
        >
          {(list) => <CoursesList courses={list} />}
        </Load>
      </section>
    </div>
  );
}

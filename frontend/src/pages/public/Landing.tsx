/**
 * The start page: what Jeseci is, the courses it teaches (from the API), and the ways in
 * (sign up, sign in, join a live quiz by PIN; a signed-in visitor goes to the dashboard).
 * Part of the first load, so it imports nothing heavy: the picture is a small inline SVG.
 */
import { A } from '@solidjs/router';
import { createResource, For, Show, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { useSession } from '../../app/session';
import { Load } from '../../ui/Load';
import { usePageTitle } from '../../ui/title';
import { LeaveNotice } from './account-session';
import './Landing.css';

const FEATURES: { title: string; text: string }[] = [
  {
    title: 'A map of concepts',
    text: 'Each course is a graph of concepts and the prerequisites between them. You see what you have mastered, what is open to you now, and what it unlocks next.',
  },
  {
    title: 'Practice at the right difficulty',
    text: 'Exercises are picked for the level you are at, hard enough to teach you something and easy enough to keep you going. Code exercises run against real tests, so you see exactly which cases pass.',
  },
  {
    title: 'Reviews before you forget',
    text: 'Spaced repetition brings each concept back just as it starts to fade, so what you learn this week is still there next month.',
  },
  {
    title: 'XP, streaks and achievements',
    text: 'Set a daily goal, keep a streak in your own time zone, earn achievements and compare progress on leaderboards.',
  },
  {
    title: 'A team of tutor agents',
    text: 'An orchestrator, a content curator, an evaluator, a quiz master, a motivator and a progress tracker work together to explain, quiz and suggest what to do next, quoting the course’s own lessons.',
  },
  {
    title: 'Live classroom quizzes',
    text: 'Teachers run a live quiz and show a PIN; students join with the PIN and a nickname, no account needed, and see the leaderboard after every question.',
  },
];

// The start page's picture: a made-up slice of a course, to show what the map looks like.
const NODE_WIDTH = 136;
const NODE_HEIGHT = 34;
const PICTURE_NODES = [
  { id: 'first', x: 180, y: 30, label: 'First programs', status: 'mastered' },
  { id: 'functions', x: 90, y: 100, label: 'Functions', status: 'mastered' },
  { id: 'objects', x: 270, y: 100, label: 'Objects', status: 'mastered' },
  { id: 'collections', x: 90, y: 170, label: 'Collections', status: 'available' },
  { id: 'graphs', x: 270, y: 170, label: 'Nodes and edges', status: 'progress' },
  { id: 'walkers', x: 180, y: 240, label: 'Walkers', status: 'locked' },
] as const;
const PICTURE_EDGES = [
  ['first', 'functions'],
  ['first', 'objects'],
  ['functions', 'collections'],
  ['objects', 'graphs'],
  ['collections', 'walkers'],
  ['graphs', 'walkers'],
] as const;

type PictureNode = (typeof PICTURE_NODES)[number];

/** Where the line from `from` towards `to` leaves `from`'s box, pushed `gap` further along. */
function boxExit(from: PictureNode, to: PictureNode, gap: number): { x: number; y: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const scale = Math.min(
    dx === 0 ? Infinity : NODE_WIDTH / 2 / Math.abs(dx),
    dy === 0 ? Infinity : NODE_HEIGHT / 2 / Math.abs(dy),
  );
  const length = Math.hypot(dx, dy);
  return { x: from.x + dx * scale + (dx / length) * gap, y: from.y + dy * scale + (dy / length) * gap };
}

/** The picture: concepts as a graph, mastered ones unlocking the next. Decorative, so described once. */
function ConceptGraphPicture(): JSX.Element {
  const node = (id: string) => PICTURE_NODES.find((candidate) => candidate.id === id) ?? PICTURE_NODES[0];
  const edges = PICTURE_EDGES.map(([from, to]) => ({
    start: boxExit(node(from), node(to), 2),
    end: boxExit(node(to), node(from), 3),
  }));
  return (
    <figure class="landing-graph">
      <svg
        viewBox="0 0 360 262"
        role="img"
        aria-label="A course drawn as a graph: mastered concepts lead to the ones they unlock."
      >
        <defs>
          <marker
            id="landing-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0 0 L10 5 L0 10 z" class="graph-arrow" />
          </marker>
        </defs>
        <For each={edges}>
          {(edge) => (
            <line
              class="graph-edge"
              x1={edge.start.x}
              y1={edge.start.y}
              x2={edge.end.x}
              y2={edge.end.y}
              marker-end="url(#landing-arrow)"
            />
          )}
        </For>
        <For each={PICTURE_NODES}>
          {(node) => (
            <g class={`graph-node ${node.status}`}>
              <rect
                x={node.x - NODE_WIDTH / 2}
                y={node.y - NODE_HEIGHT / 2}
                width={NODE_WIDTH}
                height={NODE_HEIGHT}
                rx={NODE_HEIGHT / 2}
              />
              <text x={node.x} y={node.y + 5} text-anchor="middle">
                {node.label}
              </text>
            </g>
          )}
        </For>
      </svg>
      <figcaption class="graph-legend">
        <span>
          <span class="dot mastered" aria-hidden="true" /> Mastered
        </span>
        <span>
          <span class="dot progress" aria-hidden="true" /> In progress
        </span>
        <span>
          <span class="dot available" aria-hidden="true" /> Ready to start
        </span>
        <span>
          <span class="dot locked" aria-hidden="true" /> Locked
        </span>
      </figcaption>
    </figure>
  );
}

export default function Landing(): JSX.Element {
  usePageTitle(() => undefined);
  const session = useSession();
  const [courses, { refetch }] = createResource(async () => (await ok(api.GET('/api/courses'))).courses);
  const signedIn = () => session.account.latest;
  const courseHref = (slug: string) =>
    signedIn() ? `/courses/${slug}` : `/signup?next=${encodeURIComponent(`/courses/${slug}`)}`;

  return (
    <div class="landing">
      <LeaveNotice />
      <section class="landing-hero" aria-labelledby="landing-title">
        <div class="landing-intro">
          <p class="landing-eyebrow">Adaptive learning for programming</p>
          <h1 id="landing-title">Learn to program one concept at a time, always at the right difficulty.</h1>
          <p class="landing-lede">
            Jeseci maps a course as a graph of concepts and their prerequisites, picks the practice you are ready for,
            and brings each idea back just before you would forget it. The first course teaches <strong>Jac</strong> and{' '}
            <strong>object-spatial programming</strong>.
          </p>
          <Show
            when={signedIn()}
            fallback={
              <div class="landing-actions">
                <A href="/signup" class="button primary">
                  Sign up, it’s free
                </A>
                <A href="/signin" class="button">
                  Sign in
                </A>
                <A href="/play" class="button">
                  Join a live quiz
                </A>
              </div>
            }
          >
            {(account) => (
              <>
                <p class="landing-welcome">Welcome back, {account().displayName}.</p>
                <div class="landing-actions">
                  <A href="/dashboard" class="button primary">
                    Go to your dashboard
                  </A>
                  <A href="/play" class="button">
                    Join a live quiz
                  </A>
                </div>
              </>
            )}
          </Show>
        </div>
        <ConceptGraphPicture />
      </section>

      <section class="landing-section" aria-labelledby="landing-how">
        <h2 id="landing-how">How Jeseci teaches</h2>
        <ul class="landing-features">
          <For each={FEATURES}>
            {(feature) => (
              <li class="card">
                <h3>{feature.title}</h3>
                <p>{feature.text}</p>
              </li>
            )}
          </For>
        </ul>
      </section>

      <section class="landing-section" aria-labelledby="landing-courses">
        <h2 id="landing-courses">Courses</h2>
        <Load
          data={courses}
          retry={() => void refetch()}
          loading="Loading the courses…"
          isEmpty={(list) => list.length === 0}
          empty={<p>No course is published yet. Come back soon.</p>}
        >
          {(list) => (
            <ul class="landing-courses">
              <For each={list}>
                {(course) => (
                  <li class="card">
                    <div class="row spread">
                      <h3>
                        {/* The title is the link; its ::after stretches over the card, so the whole card is clickable. */}
                        <A href={courseHref(course.slug)} class="landing-course-link">
                          {course.title}
                        </A>
                      </h3>
                      <span class="badge">{course.language}</span>
                    </div>
                    <p>{course.summary}</p>
                    <span class="landing-course-cta" aria-hidden="true">
                      {signedIn() ? 'Open the course map →' : 'Start this course →'}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Load>
      </section>

      <section class="landing-section landing-live card" aria-labelledby="landing-live">
        <div>
          <h2 id="landing-live">In class today?</h2>
          <p>Enter the 6-digit PIN your teacher shows and pick a nickname. No account needed.</p>
        </div>
        <A href="/play" class="button primary">
          Join a live quiz
        </A>
      </section>
    </div>
  );
}

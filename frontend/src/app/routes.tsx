/**
 * Every screen and who may see it. Each page is its own chunk (`lazy`), so the landing page
 * and the dashboard load only their own code; CodeMirror and the charts come with the
 * screens that use them.
 */
import type { RouteDefinition } from '@solidjs/router';
import { lazy, type Component, type JSX } from 'solid-js';
import { RequireUser } from './guards';
import type { Role } from './session';

type PageModule = () => Promise<{ default: Component }>;

function page(load: PageModule): Component {
  return lazy(load);
}

/** A page for signed-in accounts (of the given roles). */
function guarded(load: PageModule, roles?: Role[]): Component {
  const Page = lazy(load);
  return (): JSX.Element => (
    <RequireUser roles={roles}>
      <Page />
    </RequireUser>
  );
}

const TEACHERS: Role[] = ['instructor', 'admin'];

export const routes: RouteDefinition[] = [
  // Public
  { path: '/', component: page(() => import('../pages/public/Landing')) },
  { path: '/signup', component: page(() => import('../pages/public/SignUp')) },
  { path: '/signin', component: page(() => import('../pages/public/SignIn')) },
  { path: '/forgot-password', component: page(() => import('../pages/public/ForgotPassword')) },
  { path: '/reset-password', component: page(() => import('../pages/public/ResetPassword')) },
  // Live quiz: players need no account; hosts are instructors.
  { path: '/play', component: page(() => import('../pages/live/JoinQuiz')) },
  { path: '/play/:room', component: page(() => import('../pages/live/Player')) },
  { path: '/host/:room', component: guarded(() => import('../pages/live/Host'), TEACHERS) },
  { path: '/instructor/live', component: guarded(() => import('../pages/live/LiveSessions'), TEACHERS) },
  // Learner
  { path: '/dashboard', component: guarded(() => import('../pages/learner/Dashboard')) },
  { path: '/courses', component: guarded(() => import('../pages/learner/Courses')) },
  { path: '/courses/:course', component: guarded(() => import('../pages/learner/CourseMap')) },
  { path: '/courses/:course/lessons/:lesson', component: guarded(() => import('../pages/learner/Lesson')) },
  { path: '/courses/:course/practice', component: guarded(() => import('../pages/learner/Practice')) },
  { path: '/review', component: guarded(() => import('../pages/learner/Review')) },
  { path: '/progress', component: guarded(() => import('../pages/learner/Progress')) },
  { path: '/achievements', component: guarded(() => import('../pages/learner/Achievements')) },
  { path: '/leaderboards', component: guarded(() => import('../pages/learner/Leaderboards')) },
  { path: '/chat', component: guarded(() => import('../pages/learner/Chat')) },
  { path: '/classes', component: guarded(() => import('../pages/learner/Classes')) },
  { path: '/groups', component: guarded(() => import('../pages/learner/Groups')) },
  { path: '/groups/:id', component: guarded(() => import('../pages/learner/GroupRoom')) },
  { path: '/settings', component: guarded(() => import('../pages/learner/Settings')) },
  // Instructor
  { path: '/instructor', component: guarded(() => import('../pages/instructor/Teach'), TEACHERS) },
  { path: '/instructor/classes/:id', component: guarded(() => import('../pages/instructor/ClassReport'), TEACHERS) },
  { path: '/instructor/content', component: guarded(() => import('../pages/instructor/ContentEditor'), TEACHERS) },
  // Admin
  { path: '/admin/*tab', component: guarded(() => import('../pages/admin/Admin'), ['admin']) },
  { path: '*404', component: page(() => import('../pages/public/NotFound')) },
];

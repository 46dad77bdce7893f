/**
 * An instructor's live quizzes: create one (course, concept, how many questions, time per
 * question) and go straight to hosting it; below, every game they have run, with its status,
 * PIN while open, players, and links to the host screen and results.
 */
import type { JSX } from 'solid-js';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../ui/title';
import { CreateSessionForm } from './parts/CreateSessionForm';
import { SessionList } from './parts/SessionList';
import './parts/live.css';

export default function LiveSessions(): JSX.Element {
  usePageTitle(() => 'Live quizzes');
  const session = useSession();
  return (
    <div class="stack">
      <div>
        <h1>Live quizzes</h1>
        <p class="muted">
          Run a quiz with your class in real time: students join on their phones at <strong>/play</strong> with the PIN
          on your screen.
        </p>
      </div>
      <CreateSessionForm />
      <SessionList canSeeAll={session.hasRole('admin')} />
    </div>
  );
}

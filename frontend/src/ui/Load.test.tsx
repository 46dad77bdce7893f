/** The data view shows loading, then the content, an empty state, or the error with a working Retry. */
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { createResource, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/errors';
import { Load } from './Load';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('<Load>', () => {
  it('shows loading, then the content', async () => {
    const pending = deferred<string[]>();
    render(() => {
      const [data, { refetch }] = createResource(() => pending.promise);
      return (
        <Load data={data} retry={() => void refetch()} isEmpty={(list) => list.length === 0}>
          {(list) => <p>{list.join(', ')}</p>}
        </Load>
      );
    });
    expect(screen.getByRole('status').textContent).toContain('Loading');
    pending.resolve(['graphs', 'walkers']);
    expect(await screen.findByText('graphs, walkers')).toBeTruthy();
  });

  it('shows the empty state when there is nothing', async () => {
    render(() => {
      const [data, { refetch }] = createResource(async () => [] as string[]);
      return (
        <Load
          data={data}
          retry={() => void refetch()}
          isEmpty={(list) => list.length === 0}
          empty={<p>No courses yet.</p>}
        >
          {(list) => <p>{list.join(', ')}</p>}
        </Load>
      );
    });
    expect(await screen.findByText('No courses yet.')).toBeTruthy();
  });

  it('shows the API’s message and retries on request', async () => {
    const [attempt, setAttempt] = createSignal(0);
    render(() => {
      const [data, { refetch }] = createResource(async () => {
        setAttempt((n) => n + 1);
        if (attempt() === 1) {
          throw new ApiRequestError(503, {
            error: { code: 'unavailable', message: 'The database is not reachable.', requestId: 'r1' },
          });
        }
        return ['back'];
      });
      return (
        <Load data={data} retry={() => void refetch()}>
          {(list) => <p>{list.join(', ')}</p>}
        </Load>
      );
    });
    expect((await screen.findByRole('alert')).textContent).toContain('The database is not reachable.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('back')).toBeTruthy();
  });
});

/**
 * One way to show data that loads: a spinner line while loading, the API's own message and
 * a Retry button on error, an empty state when there is nothing, the content otherwise.
 * Every data view uses it, so none of them can forget a state.
 */
import { Match, Switch, type JSX, type Resource } from 'solid-js';
import { messageOf } from '../api/errors';

export interface LoadProps<T> {
  data: Resource<T>;
  /** Refetch, for the Retry button. */
  retry: () => void;
  /** What "nothing" means for this view; without it an empty value still renders. */
  isEmpty?: (value: T) => boolean;
  empty?: JSX.Element;
  loading?: string;
  children: (value: T) => JSX.Element;
}

export function Load<T>(props: LoadProps<T>): JSX.Element {
  // `latest` keeps the last good value on screen during a refetch, so a refresh does not flash.
  const value = () => props.data.latest;
  return (
    <Switch>
      <Match when={props.data.error !== undefined && props.data.state === 'errored'}>
        <ErrorState error={props.data.error} retry={props.retry} />
      </Match>
      <Match when={value() === undefined}>
        <p class="loading" role="status" aria-live="polite">
          <span class="spinner" aria-hidden="true" /> {props.loading ?? 'Loading…'}
        </p>
      </Match>
      <Match when={props.isEmpty?.(value() as T)}>
        <div class="empty" role="status">
          {props.empty ?? <p>Nothing here yet.</p>}
        </div>
      </Match>
      <Match when={true}>{props.children(value() as T)}</Match>
    </Switch>
  );
}

export function ErrorState(props: { error: unknown; retry?: () => void }): JSX.Element {
  return (
    <div class="error-state" role="alert">
      <p>{messageOf(props.error)}</p>
      {props.retry && (
        <button type="button" onClick={() => props.retry?.()}>
          Retry
        </button>
      )}
    </div>
  );
}

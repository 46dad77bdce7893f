/** The shape drawn beside an answer option's letter (see option-look.ts); decorative. */
import { Match, Switch, type JSX } from 'solid-js';
import type { ShapeName } from './option-look';

export function Shape(props: { shape: ShapeName }): JSX.Element {
  return (
    <svg class="live-shape" viewBox="0 0 24 24" aria-hidden="true">
      <Switch>
        <Match when={props.shape === 'triangle'}>
          <path d="M12 3 22 20H2Z" />
        </Match>
        <Match when={props.shape === 'diamond'}>
          <path d="M12 2 22 12 12 22 2 12Z" />
        </Match>
        <Match when={props.shape === 'circle'}>
          <circle cx="12" cy="12" r="10" />
        </Match>
        <Match when={props.shape === 'square'}>
          <rect x="3" y="3" width="18" height="18" rx="2" />
        </Match>
        <Match when={props.shape === 'star'}>
          <path d="m12 2 3 7h7l-5.7 4.3 2.2 7.2L12 16.3l-6.5 4.2 2.2-7.2L2 9h7Z" />
        </Match>
        <Match when={props.shape === 'hexagon'}>
          <path d="M7 3h10l5 9-5 9H7l-5-9Z" />
        </Match>
      </Switch>
    </svg>
  );
}

/** Letter and shape together: the option's badge. */
export function OptionBadge(props: { letter: string; shape: ShapeName }): JSX.Element {
  return (
    <span class="live-option-badge" aria-hidden="true">
      <Shape shape={props.shape} />
      <span class="live-option-letter">{props.letter}</span>
    </span>
  );
}

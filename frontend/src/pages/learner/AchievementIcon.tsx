/** An achievement's badge as SVG (emoji fonts are not everywhere): a star medal when earned, a lock when not. */
import type { JSX } from 'solid-js';

export function AchievementIcon(props: { earned: boolean; size?: number }): JSX.Element {
  return (
    <svg
      class="achievement-icon"
      classList={{ earned: props.earned }}
      viewBox="0 0 24 24"
      width={props.size ?? 28}
      height={props.size ?? 28}
      aria-hidden="true"
    >
      {props.earned ? (
        <>
          <circle cx="12" cy="12" r="11" class="medal" />
          <path d="M12 5.2l2 4.1 4.5.6-3.3 3.1.8 4.5-4-2.2-4 2.2.8-4.5-3.3-3.1 4.5-.6z" class="medal-star" />
        </>
      ) : (
        <>
          <rect x="5" y="10.5" width="14" height="10" rx="2" class="lock-body" />
          <path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" class="lock-shackle" />
        </>
      )}
    </svg>
  );
}

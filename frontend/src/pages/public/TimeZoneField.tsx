/**
 * The time-zone picker of sign-up and settings: a select of every zone the browser knows,
 * labelled with its UTC offset, and a filter that narrows the list by city, region or
 * offset. Streaks and daily goals roll over at midnight in this zone, which the hint says.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { describedBy, FieldNote } from '../../ui/Field';
import {
  browserTimeZone,
  filterTimeZones,
  supportedTimeZones,
  timeZoneChoices,
  timeZoneLabel,
  visibleTimeZones,
} from './time-zones';
import './account-pages.css';

export interface TimeZoneFieldProps {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
  hint?: string;
}

function matchCount(count: number): string {
  if (count === 0) return 'No time zone matches.';
  return count === 1 ? '1 time zone matches.' : `${count} time zones match.`;
}

export function TimeZoneField(props: TimeZoneFieldProps): JSX.Element {
  const [query, setQuery] = createSignal('');
  const now = new Date();
  // Labelled once: ~400 zones, each needing its own formatter for the offset.
  const base = timeZoneChoices(supportedTimeZones(), browserTimeZone()).map((zone) => ({
    zone,
    label: timeZoneLabel(zone, now),
  }));
  const choices = createMemo(() =>
    base.some((choice) => choice.zone === props.value)
      ? base
      : [{ zone: props.value, label: timeZoneLabel(props.value, now) }, ...base],
  );
  const matches = createMemo(() => filterTimeZones(choices(), query()));
  const visible = createMemo(() => visibleTimeZones(matches(), choices(), props.value));
  const hint = () => props.hint ?? 'Your streak and daily goal roll over at midnight in this time zone.';

  return (
    <div class="field time-zone-field">
      <label for={props.id}>Time zone</label>
      <select
        id={props.id}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, hint(), props.error)}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <For each={visible()}>
          {(choice) => (
            <option value={choice.zone} selected={choice.zone === props.value}>
              {choice.label}
            </option>
          )}
        </For>
      </select>
      <div class="time-zone-filter">
        <label for={`${props.id}-filter`}>Filter the list</label>
        <input
          id={`${props.id}-filter`}
          type="search"
          autocomplete="off"
          spellcheck={false}
          placeholder="City, region or offset, e.g. Paris or +05:30"
          aria-controls={props.id}
          value={query()}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      <p class="hint" aria-live="polite">
        <Show when={query().trim()}>{matchCount(matches().length)}</Show>
      </p>
      <FieldNote id={props.id} kind="hint" text={hint()} />
      <FieldNote id={props.id} kind="error" text={props.error} />
    </div>
  );
}

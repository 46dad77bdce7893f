/**
 * Joining a live quiz (no account needed): the 6-digit PIN from the host's screen — typed or
 * pasted any way, `?pin=` prefilled from the host's join link — and a nickname checked with
 * the room's own rules. The seat token the join gives is kept in this tab's sessionStorage
 * (see parts/seats.ts) and the player goes to /play/:room.
 */
import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, type JSX } from 'solid-js';
import { api, ok } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormError, SubmitButton } from '../../ui/Form';
import { usePageTitle } from '../../ui/title';
import { joinErrors, nicknameProblem, pinFromInput, pinProblem, type JoinErrors } from './parts/join-rules';
import { saveSeat } from './parts/seats';
import './parts/live.css';

export default function JoinQuiz(): JSX.Element {
  usePageTitle(() => 'Join a live quiz');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [pin, setPin] = createSignal(pinFromInput(typeof params.pin === 'string' ? params.pin : ''));
  const [nickname, setNickname] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [errors, setErrors] = createSignal<JoinErrors>({ fields: {} });
  let pinInput: HTMLInputElement | undefined;
  let nicknameInput: HTMLInputElement | undefined;

  function focusFirstError(found: JoinErrors) {
    if (found.fields.pin) pinInput?.focus();
    else if (found.fields.nickname) nicknameInput?.focus();
  }

  async function join(event: SubmitEvent) {
    event.preventDefault();
    const local: JoinErrors = {
      fields: { pin: pinProblem(pin()) ?? undefined, nickname: nicknameProblem(nickname()) ?? undefined },
    };
    setErrors(local);
    if (local.fields.pin || local.fields.nickname) return focusFirstError(local);
    setBusy(true);
    try {
      const seat = await ok(api.POST('/api/live/join', { body: { pin: pin(), nickname: nickname() } }));
      saveSeat(seat.roomId, { token: seat.token, playerId: seat.playerId, nickname: seat.nickname });
      navigate(`/play/${seat.roomId}`);
    } catch (error) {
      const found = joinErrors(error);
      setErrors(found);
      focusFirstError(found);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="live-page is-narrow">
      <section class="card">
        <h1>Join a live quiz</h1>
        <p class="muted">Enter the PIN on your teacher’s screen and pick a nickname. No account needed.</p>
        <form onSubmit={join} novalidate>
          <FormError message={errors().form} />
          <Field
            id="pin"
            label="Game PIN"
            class="live-pin-input"
            inputmode="numeric"
            autocomplete="off"
            enterkeyhint="next"
            pattern="[0-9]*"
            required
            ref={(element: HTMLInputElement) => (pinInput = element)}
            value={pin()}
            onInput={(event) => {
              // Keep only the digits of whatever was typed or pasted ("123 456", "PIN: 123-456").
              const digits = pinFromInput(event.currentTarget.value);
              setPin(digits);
              event.currentTarget.value = digits;
            }}
            hint="6 digits"
            error={errors().fields.pin}
          />
          <Field
            id="nickname"
            label="Nickname"
            autocomplete="nickname"
            enterkeyhint="go"
            maxlength={40}
            required
            ref={(element: HTMLInputElement) => (nicknameInput = element)}
            value={nickname()}
            onInput={(event) => setNickname(event.currentTarget.value)}
            hint="Shown on the class screen: up to 20 characters."
            error={errors().fields.nickname}
          />
          <SubmitButton busy={busy()} busyLabel="Joining…" class="primary live-join-submit">
            Join
          </SubmitButton>
        </form>
      </section>
    </div>
  );
}

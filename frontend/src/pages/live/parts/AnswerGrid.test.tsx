/** Answer buttons: one tap answers a single-choice question; multi-select toggles, then locks in; a locked answer shows the pick. */
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveQuestionView } from '../../../../../durable/protocol';
import { AnswerGrid } from './AnswerGrid';

afterEach(cleanup);

const question = (multiple: boolean): LiveQuestionView => ({
  index: 0,
  total: 1,
  prompt: 'Which?',
  options: [
    { id: 'a', text: 'Alpha' },
    { id: 'b', text: 'Beta' },
    { id: 'c', text: 'Gamma' },
  ],
  multiple,
  timeLimitMs: 20_000,
  deadline: null,
  remainingMs: 20_000,
});

describe('<AnswerGrid>', () => {
  it('answers a single-choice question with one tap; letters and shapes name the buttons', () => {
    const onAnswer = vi.fn();
    render(() => (
      <AnswerGrid
        question={question(false)}
        locked={false}
        disabled={false}
        picked={[]}
        onPick={() => undefined}
        onAnswer={onAnswer}
        labelledBy="q"
      />
    ));
    fireEvent.click(screen.getByRole('button', { name: /^B, diamond:\s*Beta/ }));
    expect(onAnswer).toHaveBeenCalledWith(['b']);
    expect(screen.queryByRole('button', { name: /Lock in/ })).toBeNull();
  });

  it('toggles multi-select options and locks them in together', () => {
    const onAnswer = vi.fn();
    render(() => (
      <AnswerGrid
        question={question(true)}
        locked={false}
        disabled={false}
        picked={[]}
        onPick={() => undefined}
        onAnswer={onAnswer}
        labelledBy="q"
      />
    ));
    const lockIn = () => screen.getByRole('button', { name: /^Lock in/ }) as HTMLButtonElement;
    expect(lockIn().disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /^A, triangle/ }));
    fireEvent.click(screen.getByRole('button', { name: /^C, circle/ }));
    expect(screen.getByRole('button', { name: /^A, triangle/ }).getAttribute('aria-pressed')).toBe('true');
    expect(onAnswer).not.toHaveBeenCalled();
    fireEvent.click(lockIn());
    expect(onAnswer).toHaveBeenCalledWith(['a', 'c']);
  });

  it('once locked in, shows the pick and takes no more answers', () => {
    const onAnswer = vi.fn();
    render(() => (
      <AnswerGrid
        question={question(false)}
        locked={true}
        disabled={false}
        picked={['c']}
        onPick={() => undefined}
        onAnswer={onAnswer}
        labelledBy="q"
      />
    ));
    const picked = screen.getByRole('button', { name: /^C, circle/ }) as HTMLButtonElement;
    expect(picked.getAttribute('aria-pressed')).toBe('true');
    expect(picked.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /^A, triangle/ }));
    expect(onAnswer).not.toHaveBeenCalled();
  });
});

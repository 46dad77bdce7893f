import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../api/errors';
import { joinErrors, nicknameProblem, pinFromInput, pinProblem } from './join-rules';

const refusal = (status: number, code: string, message: string, details?: unknown) =>
  new ApiRequestError(status, { error: { code, message, requestId: 'r', details } });

describe('pinFromInput', () => {
  it('keeps the digits of a pasted PIN, six at most', () => {
    expect(pinFromInput('123 456')).toBe('123456');
    expect(pinFromInput('PIN: 123-456')).toBe('123456');
    expect(pinFromInput('12345678')).toBe('123456');
    expect(pinFromInput('abc')).toBe('');
  });
});

describe('pinProblem and nicknameProblem', () => {
  it('asks for six digits', () => {
    expect(pinProblem('')).toMatch(/Enter the 6-digit PIN/);
    expect(pinProblem('12345')).toBe('A PIN is 6 digits.');
    expect(pinProblem('012345')).toBeNull();
  });

  it('uses the room’s nickname rules', () => {
    expect(nicknameProblem('   ')).toBe('Choose a nickname.');
    expect(nicknameProblem('x'.repeat(21))).toBe('Nicknames are at most 20 characters.');
    expect(nicknameProblem('bad\u202Ename')).toMatch(/invisible or control characters/);
    expect(nicknameProblem(' Ada ')).toBeNull();
  });
});

describe('joinErrors', () => {
  it('puts an unknown PIN and an ended game on the PIN', () => {
    expect(joinErrors(refusal(404, 'not_found', 'No live quiz has that PIN.'))).toEqual({
      fields: { pin: 'No live quiz has that PIN.' },
    });
    expect(joinErrors(refusal(409, 'conflict', 'The game is over', { reason: 'ended' })).fields.pin).toBe(
      'The game is over',
    );
  });

  it('puts a taken or refused nickname on the nickname', () => {
    expect(
      joinErrors(
        refusal(409, 'conflict', 'Someone in the room already has that nickname', { reason: 'nickname_taken' }),
      ),
    ).toEqual({ fields: { nickname: 'Someone in the room already has that nickname' } });
    expect(joinErrors(refusal(400, 'validation_failed', 'Choose a nickname', { reason: 'invalid' })).fields).toEqual({
      nickname: 'Choose a nickname',
    });
  });

  it('keeps validation issues on their fields and anything else above the form', () => {
    expect(
      joinErrors(refusal(400, 'validation_failed', 'Bad', [{ path: 'pin', message: 'A PIN is 6 digits.' }])).fields,
    ).toEqual({ pin: 'A PIN is 6 digits.', nickname: undefined });
    expect(joinErrors(refusal(409, 'conflict', 'You were removed from this game', { reason: 'kicked' }))).toEqual({
      fields: {},
      form: 'You were removed from this game',
    });
    expect(joinErrors(new Error('offline')).form).toBe('offline');
  });
});

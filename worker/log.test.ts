import { describe, expect, it } from 'vitest';
import { errorFields } from './log';

describe('errorFields', () => {
  it('names the error and each cause under it, innermost last', () => {
    const driver = new Error('connection terminated unexpectedly', { cause: new TypeError('socket closed') });
    const fields = errorFields(new Error('Failed query: select 1', { cause: driver }));
    expect(fields).toMatchObject({
      error: 'Failed query: select 1',
      errorName: 'Error',
      causes: ['Error: connection terminated unexpectedly', 'TypeError: socket closed'],
    });
    expect(fields.stack).toContain('Failed query');
  });

  it('has no causes field for an error without one, and strings anything else', () => {
    expect(errorFields(new RangeError('out of range'))).not.toHaveProperty('causes');
    expect(errorFields('plain')).toEqual({ error: 'plain' });
    expect(errorFields(new Error('wrapped', { cause: 42 }))).toMatchObject({ causes: ['42'] });
  });
});

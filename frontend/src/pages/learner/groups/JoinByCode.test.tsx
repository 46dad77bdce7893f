/**
 * Joining by code: a code that breaks the API's rules is refused on its field before any
 * request, a good one is sent trimmed, what was joined shows until the next try, and the
 * API's refusal shows above the form.
 */
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../../../api/errors';
import { JoinByCode } from './JoinByCode';

afterEach(cleanup);

function form(join: (code: string) => Promise<{ name: string }>) {
  render(() => (
    <JoinByCode
      what="class"
      title="Join a class"
      label="Class code"
      hint="The code your instructor shared."
      submitLabel="Join class"
      join={join}
    >
      {(joined) => <p role="status">You joined {joined.name}.</p>}
    </JoinByCode>
  ));
  return { field: screen.getByLabelText('Class code') as HTMLInputElement };
}

describe('<JoinByCode>', () => {
  it('refuses a short code on its field without asking the API', () => {
    const join = vi.fn(async () => ({ name: 'Graphs 101' }));
    const { field } = form(join);
    fireEvent.input(field, { target: { value: 'AB' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join class' }));
    expect(screen.getByText('Codes are at least 4 characters long.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(join).not.toHaveBeenCalled();
  });

  it('sends the code trimmed, shows what was joined and empties the field', async () => {
    const join = vi.fn(async () => ({ name: 'Graphs 101' }));
    const { field } = form(join);
    fireEvent.input(field, { target: { value: '  k7mx-2qpa ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join class' }));
    expect((await screen.findByRole('status')).textContent).toBe('You joined Graphs 101.');
    expect(join).toHaveBeenCalledWith('k7mx-2qpa');
    expect(field.value).toBe('');
  });

  it('shows the API’s refusal above the form', async () => {
    const { field } = form(async () => {
      throw new ApiRequestError(404, {
        error: { code: 'not_found', message: 'No class has that code.', requestId: 'r-1' },
      });
    });
    fireEvent.input(field, { target: { value: 'NOPE2345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join class' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No class has that code.');
    expect(screen.queryByRole('status')).toBeNull();
  });
});

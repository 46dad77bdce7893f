import { describe, expect, it } from 'vitest';
import { ApiError, codeForStatus, errorBody, errorStatus } from './errors';

describe('the error vocabulary', () => {
  it('gives each ApiError the status of its code', () => {
    const err = new ApiError('rate_limited', 'slow down', { headers: { 'Retry-After': '1' } });
    expect(err.status).toBe(429);
    expect(err.headers).toEqual({ 'Retry-After': '1' });
  });

  it('maps statuses from Hono exceptions onto codes, unknown 5xx to internal_error', () => {
    expect(codeForStatus(413)).toBe('payload_too_large');
    expect(codeForStatus(404)).toBe('not_found');
    expect(codeForStatus(502)).toBe('internal_error');
    expect(codeForStatus(418)).toBe('bad_request');
  });

  it('builds the body with details only when there are some', () => {
    expect(errorBody('not_found', 'gone', 'r1')).toEqual({
      error: { code: 'not_found', message: 'gone', requestId: 'r1' },
    });
    expect(errorBody('validation_failed', 'bad', 'r2', [{ path: 'a' }]).error.details).toEqual([{ path: 'a' }]);
  });

  it('uses only statuses an HTTP client understands as errors', () => {
    for (const status of Object.values(errorStatus)) expect(status).toBeGreaterThanOrEqual(400);
  });
});

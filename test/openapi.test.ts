/** The OpenAPI document is valid OpenAPI 3.1 and describes the routes; the docs page renders it. */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { API_TYPES_FILE, apiTypesFor } from '../ops/api/api-types.ts';
import { ROOT } from '../ops/stack/worker-runtime.ts';
import { api } from './support/http.ts';

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await api('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes the public routes and the error body, and hides the test routes', async () => {
    const doc = (await (await api('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/admin/activity',
      '/api/admin/agents',
      '/api/admin/stats',
      '/api/admin/system',
      '/api/admin/users',
      '/api/admin/users/{id}',
      '/api/agents/chat',
      '/api/agents/chat/history',
      '/api/agents/me',
      '/api/agents/next-step',
      '/api/attempts',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/logout-everywhere',
      '/api/auth/password-reset/confirm',
      '/api/auth/password-reset/request',
      '/api/auth/register',
      '/api/classes',
      '/api/classes/join',
      '/api/classes/{id}/report',
      '/api/classes/{id}/report.csv',
      '/api/content/courses/{course}',
      '/api/content/courses/{course}/concepts/{concept}/items',
      '/api/content/courses/{course}/concepts/{concept}/lessons',
      '/api/content/courses/{course}/items/{item}',
      '/api/content/courses/{course}/lessons/{lesson}',
      '/api/courses',
      '/api/courses/{course}',
      '/api/courses/{course}/lessons/{lesson}',
      '/api/courses/{course}/lessons/{lesson}/complete',
      '/api/courses/{course}/next-item',
      '/api/courses/{course}/recommendations',
      '/api/courses/{course}/skills',
      '/api/groups',
      '/api/groups/join',
      '/api/groups/{id}/practice',
      '/api/health',
      '/api/health/ready',
      '/api/leaderboards/{board}',
      '/api/learning-sessions',
      '/api/learning-sessions/current',
      '/api/learning-sessions/current/end',
      '/api/live/join',
      '/api/live/sessions',
      '/api/live/sessions/{id}/host',
      '/api/live/sessions/{id}/results.csv',
      '/api/me',
      '/api/me/achievements',
      '/api/me/password',
      '/api/me/progress',
      '/api/metrics',
      '/api/progress/calibration',
      '/api/progress/history',
      '/api/quizzes',
      '/api/quizzes/{id}',
      '/api/reviews',
      '/api/search',
      '/api/version',
    ]);
    expect(doc.paths['/api/health/ready']?.get?.responses).toHaveProperty('503');
    expect(doc.components.schemas).toHaveProperty('ErrorBody');
  });
});

describe('GET /api/docs', () => {
  it('renders every documented route as HTML, without scripts', async () => {
    const res = await api('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    for (const path of ['/api/health', '/api/health/ready', '/api/version']) expect(html).toContain(path);
    expect(html).not.toContain('<script');
  });
});

describe('the frontend’s API types', () => {
  it('match the OpenAPI document (run `npm run api:types` after changing a route)', async () => {
    const doc: unknown = await (await api('/api/openapi.json')).json();
    const committed = await readFile(join(ROOT, API_TYPES_FILE), 'utf8');
    expect(committed === (await apiTypesFor(doc)), `${API_TYPES_FILE} is stale: run npm run api:types`).toBe(true);
  });
});

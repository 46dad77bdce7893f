/** The signed-in learner's own account. */
import { createRoute } from '@hono/zod-openapi';
import { publicUser } from '../accounts/users';
import { UserSchema } from '../api/account-schemas';
import type { App } from '../api/app';
import { errorResponses } from '../api/schemas';
import { ApiError } from '../errors';
import { requireUser } from '../middleware/require-user';

const me = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['account'],
  summary: 'The signed-in account',
  middleware: [requireUser()] as const,
  responses: {
    200: { description: 'The account', content: { 'application/json': { schema: UserSchema } } },
    ...errorResponses(401),
  },
});

export function registerMeRoutes(app: App): void {
  app.openapi(me, (c) => {
    const auth = c.get('auth');
    if (!auth) throw new ApiError('unauthorized', 'Sign in to continue.');
    c.header('Cache-Control', 'no-store');
    return c.json(publicUser(auth.user), 200);
  });
}

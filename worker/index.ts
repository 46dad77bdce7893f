/**
 * Composition root of the Jeseci API Worker: builds the app, mounts the middleware in
 * order, registers the route groups and re-exports the Durable Object classes.
 */
import { createApp } from './api/app';
import { runScheduled } from './jobs/scheduled';
import { accessLog } from './middleware/access-log';
import { apiRateLimits } from './middleware/api-limits';
import { bodyLimit } from './middleware/body-limit';
import { corsForConfiguredOrigins } from './middleware/cors';
import { handleError, handleNotFound } from './middleware/error-handler';
import { init } from './middleware/init';
import { requestMetrics } from './middleware/request-metrics';
import { securityHeaders } from './middleware/security-headers';
import { registerAdminRoutes } from './routes/admin';
import { registerAgentRoutes } from './routes/agents';
import { registerAuthRoutes } from './routes/auth';
import { registerClassRoutes } from './routes/classes';
import { registerContentRoutes } from './routes/content';
import { registerCurriculumRoutes } from './routes/curriculum';
import { registerDocsRoutes } from './routes/docs';
import { registerLivenessRoute, registerReadinessRoute } from './routes/health';
import { registerGroupRoutes } from './routes/groups';
import { registerLearningRoutes } from './routes/learning';
import { registerLiveRoutes } from './routes/live';
import { registerMeRoutes } from './routes/me';
import { registerMetricsRoutes } from './routes/metrics';
import { registerMetaRoutes } from './routes/meta';
import { registerPasswordResetRoutes } from './routes/password-reset';
import { registerProgressRoutes } from './routes/progress';
import { registerQuizRoutes } from './routes/quizzes';
import { registerTestFaultRoutes } from './routes/test-faults';

export { LearnerAgent } from '../durable/learner-agent';
export { LiveRoom } from '../durable/live-room';
export { StudyGroup } from '../durable/study-group';

const app = createApp();

app.use('*', securityHeaders());
// Liveness answers before the per-request services: a probe must stay cheap and must not
// depend on anything it could fail with. Monitors poll it constantly, so it is left out of
// the per-request log and analytics (like nginx's `access_log off` for health checks).
registerLivenessRoute(app);
app.use('*', init(), accessLog(), corsForConfiguredOrigins());
// Counted around everything after it, so 413s, 429s and errors are in the metrics too.
app.use('*', requestMetrics());
// No JSON the API accepts comes near this; a larger body is refused before it is read.
app.use('/api/*', bodyLimit(1024 * 1024));

app.use('/api/*', apiRateLimits());

registerReadinessRoute(app);
registerMetaRoutes(app);
registerMetricsRoutes(app);
registerAuthRoutes(app);
registerMeRoutes(app);
registerPasswordResetRoutes(app);
registerCurriculumRoutes(app);
registerLearningRoutes(app);
registerQuizRoutes(app);
registerLiveRoutes(app);
registerGroupRoutes(app);
registerProgressRoutes(app);
registerClassRoutes(app);
registerContentRoutes(app);
registerAdminRoutes(app);
registerAgentRoutes(app);
registerDocsRoutes(app);
registerTestFaultRoutes(app);

app.notFound(handleNotFound);
app.onError(handleError);

export default {
  fetch: app.fetch,
  scheduled: runScheduled,
} satisfies ExportedHandler<Env>;

/**
 * The header the Worker's route sets on the learner channel's upgrade after authenticating
 * the learner. Durable Objects are reachable only through the Worker, so the object can
 * trust it; a request without it did not come through the API and is refused.
 */
export const LEARNER_HEADER = 'x-jeseci-learner';

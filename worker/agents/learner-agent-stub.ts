/** The learner's LearnerAgent Durable Object: one per learner, named by their user id. */
export function learnerAgent(env: Env, userId: string) {
  return env.LEARNER_AGENT.get(env.LEARNER_AGENT.idFromName(userId));
}

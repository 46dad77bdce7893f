/** The whole drizzle schema, one table per file; drizzle-kit reads this to generate migrations. */
export * from './activity';
export * from './classes';
export * from './courses';
export * from './groups';
export * from './leaderboard-weeks';
export * from './learning';
export * from './live';
export * from './metrics-hourly';
export * from './password-resets';
export * from './sessions';
export * from './streak-breaks';
export * from './users';

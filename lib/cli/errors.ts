/** A user error: printed as `error: <message>`, exit status 2. */
export class UsageError extends Error {}

/**
 * Training halted on skipped updates (more than `maxConsecutiveSkips` in a row): printed as
 * `halted: <message>`, exit status 3. The message says why and where the last good weights are.
 */
export class TrainingHaltedError extends Error {}

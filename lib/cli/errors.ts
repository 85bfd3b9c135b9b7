/** A user error: printed as `error: <message>`, exit status 2. */
export class UsageError extends Error {}

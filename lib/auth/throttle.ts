/**
 * Sign-in throttling, kept in the database (SignInThrottle) so every server process shares it.
 * Two keys per attempt: the account (the email as typed, normalised, whether or not it has an
 * account, so a lockout says nothing about which emails exist) and the client address (one
 * address guessing at many accounts). A locked key is refused with 429 and Retry-After before
 * any password is checked; it recovers when the lock ends.
 */
import { clearThrottle, findThrottles, recordThrottleFailure, type Db, type ThrottleRule } from "@/lib/db";
import { StudioError } from "@/lib/errors";

const MINUTE = 60 * 1000;

/** 10 wrong passwords for one account, or 50 from one address, within 15 minutes lock it for 15 minutes. */
export const SIGN_IN_THROTTLE = {
  account: { limit: 10, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  address: { limit: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
} as const satisfies Record<string, ThrottleRule>;

const keysOf = (input: { email: string; address: string }) => [
  { key: `account:${input.email}`, rule: SIGN_IN_THROTTLE.account },
  { key: `address:${input.address}`, rule: SIGN_IN_THROTTLE.address },
];

/** `too_many_requests:session` with Retry-After when the account or the address is locked at `now`. */
export async function assertSignInAllowed(db: Db, input: { email: string; address: string; now: Date }): Promise<void> {
  const rows = await findThrottles(db, { keys: keysOf(input).map((k) => k.key) });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (until > input.now.getTime()) {
    const retryAfterSeconds = Math.ceil((until - input.now.getTime()) / 1000);
    throw new StudioError(
      "too_many_requests:session",
      `too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute${retryAfterSeconds > 60 ? "s" : ""}`,
      { retryAfterSeconds },
    );
  }
}

/** Counts a failed sign-in against the account and the address. */
export async function recordSignInFailure(db: Db, input: { email: string; address: string; now: Date }): Promise<void> {
  for (const { key, rule } of keysOf(input)) await recordThrottleFailure(db, { key, rule, now: input.now });
}

/** A successful sign-in clears the account's failures (not the address's: one good account must not reset it). */
export function recordSignInSuccess(db: Db, input: { email: string }): Promise<void> {
  return clearThrottle(db, { key: `account:${input.email}` });
}

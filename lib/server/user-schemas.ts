/** The zod shapes the user, invite and admin routes share. */
import { z } from "zod";
import { INVITE_MAX_HOURS } from "@/lib/auth";

export const ROLES = ["admin", "engineer", "rater"] as const;
const roleError = { error: `expected one of ${ROLES.join(", ")}` };

export const UserParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected a user id") });

export const Email = z.string({ error: "expected an email" }).trim().max(320, "expected at most 320 characters").pipe(z.email("expected an email"));

/** PATCH /api/users/<id>: a new role, or disabled true / false, or both. */
export const UserChange = z
  .object({ role: z.enum(ROLES, roleError).optional(), disabled: z.boolean({ error: "expected true or false" }).optional() })
  .strict()
  .refine((c) => c.role !== undefined || c.disabled !== undefined, { message: "expected role or disabled", path: ["role"] });

/** POST /api/invites: the role the new account gets, how long the link lasts, optionally who may use it. */
export const InviteRequest = z
  .object({
    role: z.enum(ROLES, roleError),
    email: Email.optional(),
    expiresInHours: z.number({ error: "expected a number of hours" }).int("expected whole hours").min(1, "expected at least 1 hour").max(INVITE_MAX_HOURS, `expected at most ${INVITE_MAX_HOURS} hours (30 days)`).optional(),
  })
  .strict();

/** POST /api/invites/accept: the link's token, the new account's name and password (and email when the invite names none). */
export const InviteAcceptance = z
  .object({
    token: z.string({ error: "expected the invite's token" }).regex(/^[A-Za-z0-9_-]{43}$/, "expected the invite's token (from its link)"),
    name: z.string({ error: "expected a name" }).trim().min(1, "expected a name").max(100, "expected at most 100 characters"),
    password: z.string({ error: "expected a password" }).min(10, "expected at least 10 characters").max(1000, "expected at most 1000 characters"),
    email: Email.optional(),
  })
  .strict();

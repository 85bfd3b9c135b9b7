import type { Role } from "@/lib/db";

/** The studio's areas, in the order of the workflow: data -> reward -> run -> compare -> rate -> roll out; then admin. */
export interface SiteArea {
  href: string;
  label: string;
  summary: string;
  /** "ready" areas work today; "partial" ones say on their page what is missing; "planned" ones are not built. */
  status: "ready" | "partial" | "planned";
  /** Who may open it (the page guards of app/(studio), app/(rate) and app/(admin) enforce it on the server). */
  roles: readonly Role[];
}

const STUDIO: readonly Role[] = ["engineer", "admin"];

export const SITE_AREAS: readonly SiteArea[] = [
  { href: "/data", label: "Data", summary: "Browse ShapeWorld scenes with their boxes, panoptic maps and captions.", status: "ready", roles: STUDIO },
  { href: "/rewards", label: "Rewards", summary: "Compose a weighted reward from task metrics and guardrails; preview what it prefers.", status: "ready", roles: STUDIO },
  { href: "/runs", label: "Runs", summary: "Launch REINFORCE runs that train in this tab, watch every term, KL and entropy live with reward-hacking flags, resume after a reload.", status: "ready", roles: STUDIO },
  { href: "/compare", label: "Compare", summary: "Two checkpoints side by side on the same test images: every reward term, metrics with bootstrap intervals, pairs sent to rating.", status: "ready", roles: STUDIO },
  { href: "/campaigns", label: "Campaigns", summary: "Set up blind A/B rating of two checkpoints and read the votes: win rates with intervals, Bradley–Terry, agreement, rater checks.", status: "ready", roles: STUDIO },
  { href: "/rate", label: "Rate", summary: "Vote blind between two outputs for the same scene, with the keyboard alone if you like.", status: "ready", roles: ["rater", "engineer", "admin"] },
  { href: "/rollouts", label: "Rollouts", summary: "Shadow, canary, full: a tuned model taken to live traffic behind gates on its live statistics, with automatic and one-click rollback.", status: "ready", roles: STUDIO },
  { href: "/backends", label: "Backends", summary: "What this browser trains on: the backend auto picks and why, and a check that every backend computes the same numbers.", status: "ready", roles: STUDIO },
  { href: "/admin", label: "Admin", summary: "Users and roles: change a role, disable an account, end its sessions, create invite links.", status: "ready", roles: ["admin"] },
];

/** The areas `role` may open; signed out (null), none. */
export const areasFor = (role: Role | null | undefined): SiteArea[] => (role ? SITE_AREAS.filter((a) => a.roles.includes(role)) : []);

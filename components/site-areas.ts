/** The studio's areas, in the order of the workflow: data -> reward -> run -> compare -> rate -> roll out. */
export interface SiteArea {
  href: string;
  label: string;
  summary: string;
  /** "ready" areas work today; "partial" ones say on their page what is missing; "planned" ones are not built. */
  status: "ready" | "partial" | "planned";
}

export const SITE_AREAS: readonly SiteArea[] = [
  { href: "/data", label: "Data", summary: "Browse ShapeWorld scenes with their boxes, panoptic maps and captions.", status: "ready" },
  { href: "/rewards", label: "Rewards", summary: "Compose a weighted reward from task metrics and guardrails; preview what it prefers.", status: "planned" },
  { href: "/runs", label: "Runs", summary: "Pretrain by maximum likelihood, tune with REINFORCE in this tab, watch every term move.", status: "partial" },
  { href: "/compare", label: "Compare", summary: "MLE and tuned outputs side by side on the same test images.", status: "planned" },
  { href: "/rate", label: "Rate", summary: "Blind A/B votes from people, read as a win rate with a confidence interval.", status: "planned" },
  { href: "/rollouts", label: "Rollouts", summary: "Shadow, canary, full: staged roll-out behind guardrails, with rollback.", status: "planned" },
  { href: "/backends", label: "Backends", summary: "What this browser trains on: the backend auto picks and why, and a check that every backend computes the same numbers.", status: "ready" },
];

"use client";

import { useEffect, useState } from "react";
import type { CampaignSummary } from "@/lib/compare/contract";
import type { TaskId } from "@/lib/rewards/task-types";
import { listCampaigns } from "./rating-api";

/** Your campaigns of `task` that have been opened (so may hold votes), listed again when the task changes; none while loading or on a refusal. */
export function useVotedCampaigns(task: TaskId): CampaignSummary[] {
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  useEffect(() => {
    let live = true;
    listCampaigns(task).then((list) => live && setCampaigns(list.filter((c) => c.status !== "draft")), () => live && setCampaigns([]));
    return () => { live = false; };
  }, [task]);
  return campaigns;
}

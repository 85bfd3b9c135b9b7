"use client";

import { useCallback, useEffect, useReducer } from "react";
import type { CampaignSummary } from "@/lib/compare/contract";
import type { TaskId } from "@/lib/rewards/task-types";
import { listDrafts, sendPairs } from "./compare-api";

/** The pair of checkpoints whose scenes are sent, and the task. */
export interface CampaignSubject { task: TaskId; aId: string; bId: string }

interface State {
  drafts: CampaignSummary[];
  /** "new": create a draft named `name`; else the id of a draft to add to. */
  target: string;
  name: string;
  sending: boolean;
  message: { text: string; error: boolean } | null;
}

type Action =
  | { type: "drafts"; drafts: CampaignSummary[] }
  | { type: "target"; target: string }
  | { type: "name"; name: string }
  | { type: "sending" }
  | { type: "sent"; campaign: CampaignSummary; added: number; asked: number }
  | { type: "failed"; message: string };

function reduce(s: State, a: Action): State {
  switch (a.type) {
    case "drafts": return { ...s, drafts: a.drafts, target: s.target !== "new" && !a.drafts.some((d) => d.id === s.target) ? "new" : s.target };
    case "target": return { ...s, target: a.target, message: null };
    case "name": return { ...s, name: a.name };
    case "sending": return { ...s, sending: true, message: null };
    case "sent": {
      const again = a.asked - a.added;
      const text = `Added ${a.added} pair${a.added === 1 ? "" : "s"} to campaign ${a.campaign.name}${again ? ` (${again} already in it)` : ""}; it now holds ${a.campaign.pairs} pair${a.campaign.pairs === 1 ? "" : "s"}, a draft until it is opened to raters.`;
      const drafts = [a.campaign, ...s.drafts.filter((d) => d.id !== a.campaign.id)];
      return { ...s, sending: false, drafts, target: a.campaign.id, message: { text, error: false } };
    }
    case "failed": return { ...s, sending: false, message: { text: a.message, error: true } };
  }
}

/**
 * Draft rating campaigns of the compared checkpoints: lists yours (only drafts of the same A and
 * B can take more pairs), and sends pairs to the chosen one or to a new draft.
 */
export function useCampaigns(subject: CampaignSubject | null, defaultName: string) {
  const [s, dispatch] = useReducer(reduce, { drafts: [], target: "new", name: "", sending: false, message: null });
  const key = subject ? `${subject.task}/${subject.aId}/${subject.bId}` : "";
  useEffect(() => {
    if (!subject) return;
    let live = true;
    listDrafts(subject.task)
      .then((all) => live && dispatch({ type: "drafts", drafts: all.filter((d) => d.a.id === subject.aId && d.b.id === subject.bId) }))
      .catch((err: unknown) => live && dispatch({ type: "failed", message: `Cannot list your draft campaigns: ${err instanceof Error ? err.message : String(err)}` }));
    return () => { live = false; };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` names the subject

  const send = useCallback(async (pairs: { sceneSeed: number; note: string }[]) => {
    if (!subject) return;
    dispatch({ type: "sending" });
    try {
      const target = s.target === "new" ? { name: s.name.trim() || defaultName } : { campaignId: s.target };
      const r = await sendPairs({ task: subject.task, aCheckpointId: subject.aId, bCheckpointId: subject.bId, pairs, ...target });
      dispatch({ type: "sent", campaign: r.campaign, added: r.added, asked: new Set(pairs.map((p) => p.sceneSeed)).size });
    } catch (err) {
      dispatch({ type: "failed", message: `Not sent: ${err instanceof Error ? err.message : String(err)}` });
    }
  }, [subject, s.target, s.name, defaultName]);

  return { state: s, send, setTarget: (target: string) => dispatch({ type: "target", target }), setName: (name: string) => dispatch({ type: "name", name }) };
}

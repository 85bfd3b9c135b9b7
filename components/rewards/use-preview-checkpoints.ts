"use client";

import { useEffect, useState } from "react";
import type { TaskId } from "@/lib/rewards";
import { checkpointLabel, shippedUri } from "@/lib/training/checkpoint-uris";

export interface CheckpointOption {
  uri: string;
  label: string;
}

/** IndexedDB and server listing live in a module that pulls in TF.js: loaded only when needed. */
const checkpoints = () => import("@/lib/training/browser-checkpoints");

/**
 * The checkpoints the preview can sample from, for `task`: the shipped MLE and tuned models,
 * then those uploaded to the server and those saved in this browser (when they can be listed).
 */
export function usePreviewCheckpoints(task: TaskId): CheckpointOption[] {
  const shipped: CheckpointOption[] = [
    { uri: shippedUri(task, "mle"), label: "shipped MLE model" },
    { uri: shippedUri(task, "tuned"), label: "shipped tuned model" },
  ];
  const [more, setMore] = useState<{ task: TaskId; options: CheckpointOption[] }>({ task, options: [] });
  useEffect(() => {
    let live = true;
    void (async () => {
      const m = await checkpoints();
      const [server, browser] = await Promise.all([m.listServerCheckpoints().catch(() => []), m.listBrowserCheckpoints().catch(() => [])]);
      if (!live) return;
      setMore({
        task,
        options: [
          ...server.filter((c) => c.task === task).map((c) => ({ uri: c.uri, label: `server: ${c.name}` })),
          ...browser.filter((c) => c.manifest.task === task).map((c) => ({ uri: c.uri, label: `this browser: ${checkpointLabel(c.uri)}` })),
        ],
      });
    })();
    return () => { live = false; };
  }, [task]);
  const extra = (more.task === task ? more.options : []).filter((o) => !shipped.some((s) => s.uri === o.uri));
  return [...shipped, ...extra];
}

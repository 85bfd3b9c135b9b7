"use client";

import { useEffect, useRef, useState } from "react";

/**
 * `value`, updated at most every `ms` (the latest value wins). The run page's charts follow the
 * live series through it: a WASM step can take 150 ms, and redrawing a dozen charts at every
 * step would keep the main thread busy; once a second is enough to watch a run.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const t = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, Math.max(0, last.current + ms - Date.now()));
    return () => clearTimeout(t);
  }, [value, ms]);
  return shown;
}

/**
 * `value` after `delayMs`: charts given increasing delays redraw one after another, each in its
 * own task, instead of all in one long task. Until then `initial` is shown, so a chart that
 * mounts with its data (a term's first points, a page opened on a running run) draws it in its
 * own later task too, not in the task that mounted every chart.
 */
export function useDelayed<T>(value: T, delayMs: number, initial: T = value): T {
  const [shown, setShown] = useState(initial);
  useEffect(() => {
    const t = setTimeout(() => setShown(value), delayMs);
    return () => clearTimeout(t);
  }, [value, delayMs]);
  return shown;
}

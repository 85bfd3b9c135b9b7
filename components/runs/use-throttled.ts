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

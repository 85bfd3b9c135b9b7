"use client";

import { useEffect, useState } from "react";
import { flushSync } from "react-dom";

/**
 * The run page's charts redraw in turns, one chart per task. A recharts 3 chart does most of its
 * drawing after its own commit: its effects register the axes and lines in the chart's store,
 * which renders the chart again. Left to React, the redraws staggered by timers merged: a chart
 * whose timer fired before the previous one had rendered was rendered with it, and the effects
 * of several commits ran in one task (a trace of the 110-170 ms tasks after a resume showed the
 * effects of four charts in one task). A turn renders its chart with flushSync, so the render,
 * the commit, the effects and the store's renders all happen in the turn's own task, and the
 * next turn waits for a later task.
 */
const turns: (() => void)[] = [];
let running = false;

function next(): void {
  const turn = turns.shift();
  if (!turn) {
    running = false;
    return;
  }
  turn();
  // A later task for the next chart: worker messages, input and paint get in between.
  setTimeout(next, 0);
}

/** Queues `turn` after the turns already waiting; returns what takes it out of the queue. */
function takeTurn(turn: () => void): () => void {
  turns.push(turn);
  if (!running) {
    running = true;
    setTimeout(next, 0);
  }
  return () => {
    const i = turns.indexOf(turn);
    if (i >= 0) turns.splice(i, 1);
  };
}

/**
 * `value`, shown from this component's next turn on (until the first turn, `initial`): each
 * change waits behind the other charts' changes, and a newer value replaces one still waiting.
 */
export function useChartTurn<T>(value: T, initial: T): T {
  const [shown, setShown] = useState(initial);
  useEffect(() => takeTurn(() => flushSync(() => setShown(value))), [value]);
  return shown;
}

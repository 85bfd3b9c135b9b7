"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { paint, rgbPixels } from "@/components/outputs/pixels";

/** One colour image of the scene's size on a canvas. */
function Layer({ rgb, w, h }: { rgb: ArrayLike<number>; w: number; h: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => paint(ref.current, w, h, rgbPixels(rgb, w, h)), [rgb, w, h]);
  return <canvas ref={ref} width={w} height={h} aria-hidden="true" />;
}

/**
 * A's colours left of the divider and B's right of it, over the same image. Drag (or click) to
 * move the divider; with focus, the arrow keys move it 5 % (Shift: 20 %), Home and End to the edges.
 */
export function BeforeAfter({ a, b, w, h, seed }: { a: ArrayLike<number>; b: ArrayLike<number>; w: number; h: number; seed: number }) {
  const [at, setAt] = useState(50);
  const box = useRef<HTMLDivElement>(null);
  const fromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const r = box.current?.getBoundingClientRect();
    if (r && r.width > 0) setAt(Math.round(Math.min(100, Math.max(0, ((e.clientX - r.left) / r.width) * 100))));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 20 : 5;
    const next = { ArrowLeft: at - step, ArrowDown: at - step, ArrowRight: at + step, ArrowUp: at + step, Home: 0, End: 100 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setAt(Math.min(100, Math.max(0, next)));
  };
  return (
    <div className="before-after-wrap">
      <div
        ref={box}
        className="scene-figure before-after"
        role="slider"
        tabIndex={0}
        aria-label={`A and B colours of scene ${seed}: A left of the divider, B right`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={at}
        aria-valuetext={`${at} % A, ${100 - at} % B`}
        data-testid="before-after"
        onKeyDown={onKey}
        onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); fromPointer(e); }}
        onPointerMove={(e) => { if (e.buttons) fromPointer(e); }}
      >
        <Layer rgb={b} w={w} h={h} />
        <div className="before-after-a" style={{ clipPath: `inset(0 ${100 - at}% 0 0)` }}><Layer rgb={a} w={w} h={h} /></div>
        <div className="before-after-line" style={{ left: `${at}%` }} />
        <span className="before-after-tag left">A</span><span className="before-after-tag right">B</span>
      </div>
      <div className="muted before-after-help">drag, or focus and use ← →</div>
    </div>
  );
}

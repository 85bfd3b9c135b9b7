"use client";

/* eslint-disable @next/next/no-img-element -- rating pictures are 32-pixel PNGs served by the API, scaled up without smoothing */
import type { RaterAssignment, RaterSide } from "@/lib/rating/contract";
import styles from "./rating.module.css";

/** Boxes over the scene, each in its class's colour with its name. */
function BoxesOver({ side }: { side: Extract<RaterSide, { kind: "boxes" }> }) {
  return (
    <svg viewBox={`0 0 ${side.width} ${side.height}`} className={styles.overlay} aria-hidden="true">
      {side.boxes.map((b, i) => {
        const [x, y, w, h] = b.box;
        return (
          <g key={i}>
            <rect x={x + 0.15} y={y + 0.15} width={Math.max(0, w - 0.3)} height={Math.max(0, h - 0.3)} fill="none" stroke={`rgb(${b.color.join(",")})`} strokeWidth={0.35} />
            <text x={x + 0.3} y={Math.max(y - 0.4, 2.2)} fontSize={2.4} fill="#fff" stroke="#000" strokeWidth={0.12} paintOrder="stroke">{b.label}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** One side as the rater judges it: a caption, the scene with boxes, or a picture. */
export function SideView({ side, scene, label }: { side: RaterSide; scene: RaterAssignment["scene"]; label: string }) {
  if (side.kind === "caption") {
    return <p className={styles.caption} data-testid="side-caption">{side.text || <span className="muted">(empty caption)</span>}</p>;
  }
  return (
    <>
      <div className={styles.picture}>
        <img src={side.kind === "image" ? side.image : scene.image} alt={`${label}: ${side.summary}`} data-testid="side-image" />
        {side.kind === "boxes" ? <BoxesOver side={side} /> : null}
      </div>
      <p className={styles.summary}>{side.summary}</p>
    </>
  );
}

/** The scene both sides are about. */
export function ScenePicture({ scene }: { scene: RaterAssignment["scene"] }) {
  return (
    <div className={styles.picture}>
      <img src={scene.image} alt={scene.caption} data-testid="scene-image" />
    </div>
  );
}

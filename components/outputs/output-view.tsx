"use client";

import { useEffect, useRef } from "react";
import { categoryById, type Scene } from "@/lib/data";
import type { OutputOf, TaskId } from "@/lib/rewards/task-types";
import { paint, panopticPixels, rgbPixels, scenePixels } from "./pixels";

/** A canvas of the scene's size, scaled up by CSS without smoothing. */
function Picture({ w, h, pixels, label, testId }: { w: number; h: number; pixels: Uint8ClampedArray<ArrayBuffer> | null; label?: string; testId?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => paint(ref.current, w, h, pixels), [w, h, pixels]);
  return <canvas ref={ref} width={w} height={h} role={label ? "img" : undefined} aria-label={label} aria-hidden={label ? undefined : true} data-testid={testId} />;
}

function Boxes({ scene, boxes, testId }: { scene: Scene; boxes: OutputOf<"detection">["boxes"]; testId: string }) {
  return (
    <svg viewBox={`0 0 ${scene.width} ${scene.height}`} aria-hidden="true" data-testid={testId}>
      {boxes.map((b, i) => {
        const [x, y, bw, bh] = b.box;
        const cat = categoryById(b.categoryId);
        const color = cat ? `rgb(${cat.color.join(",")})` : "#fff";
        return (
          <g key={i}>
            <rect x={x + 0.15} y={y + 0.15} width={Math.max(0, bw - 0.3)} height={Math.max(0, bh - 0.3)} fill="none" stroke={color} strokeWidth={0.35} />
            <text x={x + 0.3} y={Math.max(y - 0.4, 2.2)} fontSize={2.4} fill="#fff" stroke="#000" strokeWidth={0.12} paintOrder="stroke">
              {cat?.name ?? `class ${b.categoryId}`}
              {b.score !== undefined ? ` ${b.score.toFixed(2)}` : ""}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** What a person reads beside the picture: the caption, the boxes or segments by class. */
function describe(task: TaskId, output: unknown): string {
  if (task === "captioning") return (output as OutputOf<"captioning">).text || "(empty caption)";
  if (task === "detection") {
    const boxes = (output as OutputOf<"detection">).boxes;
    return boxes.length === 0 ? "no boxes" : `${boxes.length} box${boxes.length === 1 ? "" : "es"}: ${boxes.map((b) => categoryById(b.categoryId)?.name ?? b.categoryId).join(", ")}`;
  }
  if (task === "panoptic") {
    const segs = (output as OutputOf<"panoptic">).segments;
    return `${segs.length} segment${segs.length === 1 ? "" : "s"}: ${segs.map((s) => categoryById(s.category_id)?.name ?? s.category_id).join(", ")}`;
  }
  return "colour from the grey input";
}

export interface OutputViewProps {
  task: TaskId;
  scene: Scene;
  output: unknown;
  /** Shown above the picture, e.g. "MLE" or "sample 2 · rank 1". */
  title?: string;
  /** Captioning: list the scene's reference captions under the output. */
  showReferences?: boolean;
  /** Colorization: also show the ground-truth colours. */
  showTruth?: boolean;
}

/**
 * One model output on one scene, drawn for people: the caption under the image (with its
 * references), boxes with their classes over the image, the panoptic map over the image, or the
 * coloured image beside the grey input.
 */
export function OutputView({ task, scene, output, title, showReferences, showTruth }: OutputViewProps) {
  const { width: w, height: h } = scene;
  const text = describe(task, output);
  return (
    <figure className="output-view" data-testid="output-view" data-task={task} data-seed={scene.seed}>
      {title ? <div className="output-title">{title}</div> : null}
      {task === "colorization" ? (
        <div className={`output-pair${showTruth ? " three" : ""}`}>
          <div className="scene-figure" title="grey input"><Picture w={w} h={h} pixels={scenePixels(scene, true)} label={`grey input of scene ${scene.seed}`} /></div>
          <div className="scene-figure" title="model colours">
            <Picture w={w} h={h} pixels={rgbPixels((output as OutputOf<"colorization">).rgb, w, h)} label={`colorized scene ${scene.seed}`} testId="output-image" />
          </div>
          {showTruth ? <div className="scene-figure" title="true colours"><Picture w={w} h={h} pixels={scenePixels(scene, false)} label={`true colours of scene ${scene.seed}`} /></div> : null}
        </div>
      ) : (
        <div className="scene-figure">
          <Picture w={w} h={h} pixels={scenePixels(scene, false)} label={`scene ${scene.seed}`} testId="output-image" />
          {task === "panoptic" ? <Picture w={w} h={h} pixels={panopticPixels(output as OutputOf<"panoptic">, w, h)} testId="panoptic-output" /> : null}
          {task === "detection" ? <Boxes scene={scene} boxes={(output as OutputOf<"detection">).boxes} testId="box-output" /> : null}
        </div>
      )}
      <figcaption>
        <p className={task === "captioning" ? "output-caption" : "output-summary"} data-testid="output-text">{text}</p>
        {task === "captioning" && showReferences ? (
          <details className="output-references">
            <summary>{scene.captions.length} reference captions</summary>
            <ol>{scene.captions.map((c, i) => <li key={i}>{c}</li>)}</ol>
          </details>
        ) : null}
      </figcaption>
    </figure>
  );
}

"use client";

import { useEffect, useMemo, useRef } from "react";
import { sceneAt, type Split } from "@/lib/data";
import { paint, panopticPixels, scenePixels } from "@/components/outputs/pixels";

export interface OverlayOptions {
  boxes: boolean;
  panoptic: boolean;
  captions: boolean;
  gray: boolean;
}

/** One scene: image, optional panoptic and box overlays, labels and reference captions. */
export function SceneCard({ split, index, overlay }: { split: Split; index: number; overlay: OverlayOptions }) {
  const scene = useMemo(() => sceneAt(split, index), [split, index]);
  const imageRef = useRef<HTMLCanvasElement>(null);
  const panopticRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => paint(imageRef.current, scene.width, scene.height, scenePixels(scene, overlay.gray)), [scene, overlay.gray]);
  useEffect(
    () => paint(panopticRef.current, scene.width, scene.height, overlay.panoptic ? panopticPixels(scene.panoptic, scene.width, scene.height) : null),
    [scene, overlay.panoptic],
  );

  const label = `Scene ${scene.seed}: ${scene.captions[0] ?? ""}`;
  return (
    <figure className="scene-card" data-testid="scene-card" data-seed={scene.seed}>
      <div className="scene-figure">
        <canvas ref={imageRef} width={scene.width} height={scene.height} role="img" aria-label={label} data-testid="scene-image" />
        <canvas ref={panopticRef} width={scene.width} height={scene.height} aria-hidden="true" data-testid="panoptic-overlay" hidden={!overlay.panoptic} />
        {overlay.boxes ? (
          <svg viewBox={`0 0 ${scene.width} ${scene.height}`} aria-hidden="true" data-testid="box-overlay">
            {scene.objects.map((o) => {
              const [x, y, bw, bh] = o.bbox;
              return (
                <g key={o.segmentId}>
                  <rect x={x + 0.15} y={y + 0.15} width={bw - 0.3} height={bh - 0.3} fill="none" stroke="#fff" strokeWidth={0.3} />
                  <text x={x + 0.3} y={Math.max(y - 0.4, 2.2)} fontSize={2.4} fill="#fff" stroke="#000" strokeWidth={0.12} paintOrder="stroke">
                    {o.className}
                  </text>
                </g>
              );
            })}
          </svg>
        ) : null}
      </div>
      <figcaption>
        <div className="scene-meta">
          <span data-testid="scene-seed">seed {scene.seed}</span>
          <span>
            {split} #{index}
          </span>
        </div>
        <div className="scene-labels">
          {scene.objects.map((o) => (
            <span className="chip" key={o.segmentId}>
              <span className="swatch" style={{ background: `rgb(${o.rgb.join(",")})` }} />
              {o.colorName} {o.className}
            </span>
          ))}
          {scene.stuff.map((s) => (
            <span className="chip muted" key={s.segmentId}>
              {s.name}
            </span>
          ))}
        </div>
        {overlay.captions ? (
          <ol className="scene-captions" data-testid="scene-captions">
            {scene.captions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ol>
        ) : null}
      </figcaption>
    </figure>
  );
}

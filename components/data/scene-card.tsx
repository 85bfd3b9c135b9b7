"use client";

import { useEffect, useMemo, useRef } from "react";
import { categoryById, sceneAt, type Scene, type Split } from "@/lib/data";

export interface OverlayOptions {
  boxes: boolean;
  panoptic: boolean;
  captions: boolean;
  gray: boolean;
}

/** RGBA pixels of the scene (or its greyscale input), one per scene pixel. */
function imagePixels(scene: Scene, gray: boolean): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(scene.width * scene.height * 4);
  for (let p = 0; p < scene.width * scene.height; p++) {
    const g = scene.gray[p] ?? 0;
    out[p * 4] = gray ? g : (scene.rgb[p * 3] ?? 0);
    out[p * 4 + 1] = gray ? g : (scene.rgb[p * 3 + 1] ?? 0);
    out[p * 4 + 2] = gray ? g : (scene.rgb[p * 3 + 2] ?? 0);
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** Category colours over each segment, with instance borders drawn opaque. */
function panopticPixels(scene: Scene): Uint8ClampedArray<ArrayBuffer> {
  const { width: w, height: h } = scene;
  const ids = scene.panoptic.segmentIds;
  const colorOf = new Map(scene.panoptic.segments.map((s) => [s.id, categoryById(s.category_id)?.color ?? [0, 0, 0]]));
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const id = ids[p] ?? 0;
      const c = colorOf.get(id) ?? [0, 0, 0];
      const border = (x + 1 < w && ids[p + 1] !== id) || (y + 1 < h && ids[p + w] !== id);
      out.set([c[0] ?? 0, c[1] ?? 0, c[2] ?? 0, id === 0 ? 0 : border ? 255 : 150], p * 4);
    }
  }
  return out;
}

function paint(canvas: HTMLCanvasElement | null, w: number, h: number, pixels: Uint8ClampedArray<ArrayBuffer> | null) {
  const ctx = canvas?.getContext("2d");
  if (!canvas || !ctx) return;
  ctx.clearRect(0, 0, w, h);
  if (pixels) ctx.putImageData(new ImageData(pixels, w, h), 0, 0);
}

/** One scene: image, optional panoptic and box overlays, labels and reference captions. */
export function SceneCard({ split, index, overlay }: { split: Split; index: number; overlay: OverlayOptions }) {
  const scene = useMemo(() => sceneAt(split, index), [split, index]);
  const imageRef = useRef<HTMLCanvasElement>(null);
  const panopticRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => paint(imageRef.current, scene.width, scene.height, imagePixels(scene, overlay.gray)), [scene, overlay.gray]);
  useEffect(
    () => paint(panopticRef.current, scene.width, scene.height, overlay.panoptic ? panopticPixels(scene) : null),
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

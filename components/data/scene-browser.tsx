"use client";

import { useState } from "react";
import { CATEGORIES, type Split } from "@/lib/data";
import { SceneCard, type OverlayOptions } from "./scene-card";

const TOGGLES: { key: keyof OverlayOptions; label: string }[] = [
  { key: "boxes", label: "Boxes" },
  { key: "panoptic", label: "Panoptic" },
  { key: "captions", label: "Captions" },
  { key: "gray", label: "Greyscale input" },
];

/** A page of scenes with overlay toggles shared by all cards. Scenes are generated in the browser. */
export function SceneBrowser({ split, start, count }: { split: Split; start: number; count: number }) {
  const [overlay, setOverlay] = useState<OverlayOptions>({ boxes: true, panoptic: false, captions: true, gray: false });
  const indices = Array.from({ length: count }, (_, i) => start + i);
  return (
    <section aria-label="Scenes">
      <div className="toolbar" role="group" aria-label="Overlays">
        {TOGGLES.map((t) => (
          <label key={t.key}>
            <input
              type="checkbox"
              checked={overlay[t.key]}
              onChange={(e) => setOverlay((o) => ({ ...o, [t.key]: e.target.checked }))}
            />
            {t.label}
          </label>
        ))}
      </div>
      {overlay.panoptic ? (
        <div className="legend panel" aria-label="Panoptic legend">
          {CATEGORIES.map((c) => (
            <span key={c.id}>
              <span className="swatch" style={{ background: `rgb(${c.color.join(",")})` }} /> {c.name}
              <span className="muted"> ({c.isthing ? "thing" : "stuff"})</span>
            </span>
          ))}
        </div>
      ) : null}
      <div className="scene-grid" data-testid="scene-grid">
        {indices.map((index) => (
          <SceneCard key={`${split}-${index}`} split={split} index={index} overlay={overlay} />
        ))}
      </div>
    </section>
  );
}

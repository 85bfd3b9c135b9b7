import type { Scene } from "@/lib/data";
import type { TargetOf, TaskId } from "./task-types";

/** What the reward terms of `task` compare an output with, taken from a ShapeWorld scene. */
export function shapeWorldTarget<T extends TaskId>(task: T, scene: Scene): TargetOf<T> {
  const { width, height } = scene;
  const targets: { [K in TaskId]: () => TargetOf<K> } = {
    captioning: () => ({ references: scene.captions, objects: scene.objects.map((o) => ({ className: o.className, colorName: o.colorName, stuff: o.stuff })) }),
    detection: () => ({ width, height, boxes: scene.objects.map((o) => ({ box: [...o.bbox] as [number, number, number, number], categoryId: o.categoryId, area: o.area })) }),
    panoptic: () => ({
      width,
      height,
      segmentIds: scene.panoptic.segmentIds,
      segments: scene.panoptic.segments.map((s) => ({ id: s.id, category_id: s.category_id, iscrowd: s.iscrowd as 0 | 1 })),
    }),
    colorization: () => ({ width, height, rgb: scene.rgb }),
  };
  return targets[task]() as TargetOf<T>;
}

import * as tf from "@tensorflow/tfjs-core";

/**
 * A model's named trainable variables. Names are stable ("enc/block0/attn/q/w") so checkpoints
 * map weights by name, and initialisation is seeded so a run is deterministic on one backend.
 */
let stores = 0;

export class ParamStore {
  readonly vars = new Map<string, tf.Variable>();
  private counter = 0;
  /** TF.js variable names are global: each store prefixes its own (map keys stay unprefixed). */
  private readonly scope = `m${stores++}`;

  constructor(private readonly seed: number) {}

  /** Truncated-normal weights (std 0.02, as ViT and GPT-2 initialise) or zeros / ones. */
  get(name: string, shape: number[], init: "normal" | "zeros" | "ones" = "normal", std = 0.02): tf.Variable {
    const existing = this.vars.get(name);
    if (existing) return existing;
    const value = tf.tidy(() =>
      init === "zeros" ? tf.zeros(shape) : init === "ones" ? tf.ones(shape) : tf.truncatedNormal(shape, 0, std, "float32", this.seed * 1009 + this.counter++),
    );
    const v = tf.variable(value, true, `${this.scope}/${name}`);
    value.dispose();
    this.vars.set(name, v);
    return v;
  }

  /** Total number of trainable scalars. */
  count(): number {
    let n = 0;
    for (const v of this.vars.values()) n += v.size;
    return n;
  }

  /** Copies values in from tensors keyed by name; every variable must be present with its shape. */
  assign(values: Record<string, tf.Tensor>): void {
    for (const [name, v] of this.vars) {
      const t = values[name];
      if (!t) throw new Error(`checkpoint has no weight "${name}"`);
      if (t.shape.join("x") !== v.shape.join("x")) throw new Error(`weight "${name}": checkpoint shape [${t.shape}] != model shape [${v.shape}]`);
      v.assign(t);
    }
  }

  dispose(): void {
    for (const v of this.vars.values()) v.dispose();
    this.vars.clear();
  }
}

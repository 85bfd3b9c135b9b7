import { memo } from "react";
import type { RunFlag } from "@/lib/training/flags";
import styles from "./runs.module.css";

/** The reward-hacking flags as a list, each at its step (the charts mark the same steps). */
export const RunFlags = memo(function RunFlags({ flags }: { flags: readonly RunFlag[] }) {
  return (
    <section className="panel" aria-label="Flags" data-testid="run-flags" data-count={flags.length}>
      <h2>Reward-hacking flags</h2>
      {flags.length === 0 ? (
        <p className="muted">None so far: KL is not running away, entropy holds, samples differ, guardrails hold, the held-out metric follows the reward, output size is steady.</p>
      ) : (
        <ul className={styles.flagList}>
          {flags.map((f) => (
            <li key={`${f.kind}-${f.series}-${f.step}`} data-testid="run-flag" data-kind={f.kind}>
              <span className={styles.flagKind}>⚑ {f.title}</span> at step {f.step}: {f.detail}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});

/**
 * Skipped updates are never silent: each says why (these reason strings), a run counts them,
 * and too many in a row halt it with a reason a person can act on. A skipped update leaves the
 * weights and optimizer state exactly as they were (see gradientStep and reinforceStep).
 */

/**
 * Why a REINFORCE update was skipped for non-finite rewards, e.g.
 * "non-finite reward: 3 of 16 samples (terms: cider_d)".
 * @param composites the samples' composite rewards [B * n].
 * @param greedyComposites the greedy baseline's rewards [B], when the baseline has them.
 * @param terms what evaluate found non-finite on those rows (term keys; "kl.beta" for the folded KL).
 */
export function nonFiniteRewardReason(composites: readonly number[], greedyComposites: readonly number[] | undefined, terms: readonly string[]): string {
  const bad = (v: readonly number[]) => v.filter((c) => !Number.isFinite(c)).length;
  const greedyBad = greedyComposites ? bad(greedyComposites) : 0;
  const where = `${bad(composites)} of ${composites.length} samples` + (greedyBad > 0 ? `, ${greedyBad} of ${greedyComposites?.length} greedy outputs` : "");
  return `non-finite reward: ${where} (${terms.length > 0 ? `terms: ${terms.join(", ")}` : "every term finite: the weighted sum overflowed"})`;
}

/** A run's count of skipped updates and its halting rule (`maxConsecutiveSkips`, see settings). */
export class SkipCounter {
  /** Updates skipped in this run (this call of the trainer). */
  total = 0;
  private consecutive = 0;

  constructor(private readonly maxConsecutive: number) {}

  /**
   * Records step `step` (numbered as in the step logs) as applied (`skipped` undefined) or
   * skipped. Returns why the run must halt when this makes more than `maxConsecutive` skips in a
   * row, e.g. "the updates of steps 4 to 6 were skipped (3 in a row, more than
   * maxConsecutiveSkips = 2); last reason: non-finite loss", else undefined.
   */
  record(step: number, skipped: string | undefined): string | undefined {
    if (skipped === undefined) {
      this.consecutive = 0;
      return undefined;
    }
    this.total++;
    this.consecutive++;
    if (this.consecutive <= this.maxConsecutive) return undefined;
    const which = this.consecutive === 1
      ? `the update of step ${step} was skipped (more than maxConsecutiveSkips = ${this.maxConsecutive})`
      : `the updates of steps ${step - this.consecutive + 1} to ${step} were skipped (${this.consecutive} in a row, more than maxConsecutiveSkips = ${this.maxConsecutive})`;
    return `${which}; last reason: ${skipped}`;
  }
}

/** What a trainer returns. */
export interface TrainResult {
  /** Steps done: the step to resume from; `settings.steps` when the run completed. */
  step: number;
  /** Updates skipped in this call (non-finite reward, loss or gradient norm). */
  skippedSteps: number;
  /** Why the run halted early on skipped updates; absent unless it did. */
  halted?: string;
}

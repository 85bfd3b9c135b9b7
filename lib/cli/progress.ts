import cliProgress from "cli-progress";

/**
 * A progress bar on stderr (stdout stays clean for JSON), with the latest metrics beside it.
 * Without a TTY (CI, pipes) it prints a plain line every `every` steps instead.
 */
export function createProgress(total: number, label: string, start = 0) {
  const tty = process.stderr.isTTY;
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: `${label} [{bar}] {value}/{total} | {metrics}`, hideCursor: true, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(total, start, { metrics: "" });
  const every = Math.max(1, Math.round(total / 20));
  return {
    update(step: number, metrics: string): void {
      if (bar) bar.update(step, { metrics });
      else if (step % every === 0 || step === total) process.stderr.write(`${label} ${step}/${total} | ${metrics}\n`);
    },
    log(line: string): void {
      if (bar) {
        bar.stop();
        process.stderr.write(`${line}\n`);
        bar.start(total, 0, { metrics: "" });
      } else process.stderr.write(`${line}\n`);
    },
    stop(): void {
      bar?.stop();
    },
  };
}

/** "loss 2.31 | 410 samples/s" from a record of numbers, 3 significant digits. */
export function formatMetrics(m: Record<string, number | undefined>): string {
  return Object.entries(m)
    .filter(([, v]) => v !== undefined && Number.isFinite(v))
    .map(([k, v]) => `${k} ${Number((v as number).toPrecision(3))}`)
    .join(" | ");
}

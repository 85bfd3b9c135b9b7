/**
 * `reward-studio`: the command line. Exit 0 on success, 2 on bad input (with a message naming
 * the argument or the JSON path that is wrong), 3 when `pretrain` / `tune` halted on skipped
 * updates (with the reason), 1 on anything unexpected.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { jsonPath } from "@/lib/validation";
import { TASK_IDS, type TaskId } from "@/lib/rewards";
import { BASELINES, type Baseline } from "@/lib/training/baseline";
import { TrainingHaltedError, UsageError } from "./errors";
import { evalCheckpoint, pretrain, tune } from "./train";
import { SCORE_METRIC_IDS, SCORE_METRICS, type ScoreMetricId } from "./score";

export { UsageError };

function readJson(file: string): unknown {
  let text: string;
  try {
    text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

function score(metricId: ScoreMetricId, file: string, out: (s: string) => void): void {
  const m = SCORE_METRICS[metricId];
  const parsed = m.input.safeParse(readJson(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${file}: ${jsonPath(["$", ...(issue?.path ?? [])])}: ${issue?.message ?? "invalid"}`);
  }
  let result: unknown;
  try {
    result = (m.run as (v: unknown) => unknown)(parsed.data);
  } catch (err) {
    // The metrics refuse inconsistent input (unknown image, segment or category) by name.
    throw new UsageError(`${file}: $.${(err as Error).message}`);
  }
  out(JSON.stringify(result));
}

/** Runs the CLI with `argv` (without node and script); returns the exit status. */
export async function main(argv: string[], io = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) }): Promise<number> {
  const program = new Command()
    .name("reward-studio")
    .description("Reward Studio: score outputs with the reference metrics, pretrain and tune models with task rewards.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command("score")
    .description("score a metric file and print one JSON object")
    .argument("<metric>", `one of ${SCORE_METRIC_IDS.join(", ")}`, (v: string) => {
      if (!(SCORE_METRIC_IDS as string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${SCORE_METRIC_IDS.join(", ")}`);
      return v as ScoreMetricId;
    })
    .argument("<input>", "input JSON file, or - for standard input")
    .action((metricId: ScoreMetricId, file: string) => score(metricId, file, io.out));

  const int = (min: number) => (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number >= ${min}`);
    return n;
  };
  const positive = (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number");
    return n;
  };
  const nonNegative = (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("expected a number >= 0");
    return n;
  };
  const task = (v: string) => {
    if (!(TASK_IDS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${TASK_IDS.join(", ")}`);
    return v as TaskId;
  };
  const trainOptions = (cmd: Command) =>
    cmd
      .requiredOption("--task <task>", `one of ${TASK_IDS.join(", ")}`, task)
      .requiredOption("--out <dir>", "checkpoint folder to write (metrics.jsonl beside the model)")
      .option("--steps <n>", "training steps", int(1))
      .option("--batch <n>", "inputs per step", int(1))
      .option("--lr <x>", "peak learning rate", positive)
      .option("--seed <n>", "seed of data order, sampling and initialisation", int(0))
      .option("--eval-every <n>", "greedy evaluation on val every n steps (0 = only at the end)", int(0))
      .option("--eval-count <n>", "val scenes per evaluation", int(1))
      .option("--smoke", "tiny model and a handful of steps (CI)")
      .option("--resume", "continue the run saved in --out (same data order and optimizer state)")
      .option("--max-consecutive-skips <n>", "skipped updates in a row (non-finite reward, loss or gradient) before the run halts (default 5)", int(0))
      .option("--backend <name>", "auto, wasm, cpu (webgpu and webgl need a browser)", "auto");

  trainOptions(program.command("pretrain").description("MLE pretraining from a fresh model"))
    .action(async (o) => pretrain(o));
  trainOptions(program.command("tune").description("REINFORCE tuning from a checkpoint against a reward spec"))
    .requiredOption("--from <checkpoint>", "the MLE checkpoint folder to start from (also the frozen KL reference)")
    .requiredOption("--reward <spec.json>", "RewardSpec JSON (e.g. lib/rewards/specs/<task>.json)")
    .option("--samples <n>", "samples per input, N >= 2", int(2))
    .option("--temperature <t>", "sampling temperature", positive)
    .option("--entropy-bonus <x>", "weight of the entropy bonus", nonNegative)
    .option("--baseline <kind>", `${BASELINES.join(", ")} (loo = the paper's leave-one-out; greedy = self-critical)`, (v: string) => {
      if (!(BASELINES as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${BASELINES.join(", ")}`);
      return v as Baseline;
    })
    .option("--server <url>", "record the run on a Reward Studio server: stream its metrics, upload its checkpoints")
    .option("--token <token>", "API token for --server (default: $RS_TOKEN; make one on the server's /account page)")
    .option("--spec-version <id>", "with --server: the saved reward spec version the run tunes against")
    .action(async (o) => tune(o));
  program
    .command("eval")
    .description("greedy metrics of a checkpoint; prints one JSON object")
    .requiredOption("--task <task>", `one of ${TASK_IDS.join(", ")}`, task)
    .requiredOption("--checkpoint <dir>", "checkpoint folder")
    .option("--split <split>", "train, val or test", (v: string) => {
      if (!["train", "val", "test"].includes(v)) throw new InvalidArgumentError("expected train, val or test");
      return v as "train" | "val" | "test";
    }, "test")
    .option("--count <n>", "scenes to evaluate (the split's first n)", int(1), 500)
    .option("--backend <name>", "auto, wasm, cpu", "auto")
    .action(async (o) => io.out(JSON.stringify(await evalCheckpoint(o))));

  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) {
      io.err(`error: ${err.message}`);
      return 2;
    }
    if (err instanceof TrainingHaltedError) {
      io.err(`halted: ${err.message}`);
      return 3;
    }
    io.err(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}

/**
 * `reward-studio`: the command line. Exit 0 on success, 2 on bad input (with a message naming
 * the argument or the JSON path that is wrong), 1 on anything unexpected.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { jsonPath } from "@/lib/validation";
import { SCORE_METRIC_IDS, SCORE_METRICS, type ScoreMetricId } from "./score";

/** A user error: printed as `error: <message>`, exit status 2. */
export class UsageError extends Error {}

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

  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) {
      io.err(`error: ${err.message}`);
      return 2;
    }
    io.err(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}

/**
 * auth0kit under Pulumi's own runner against a bare program of the same resources (see
 * bench/bareProgram.ts), for one synthetic size: what auth0kit costs at deploy time on top of the
 * resources themselves, and the stack configuration the engine would pass.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { configBudget, PULUMI_CONFIG_LIMIT } from "../plan/configBudget";
import { type RunnerResult, runUnderPulumiRunner } from "../plan/pulumiRunner";
import { withPlaceholderSecrets } from "../plan/stackFile";
import { writeBareProject } from "./bareProgram";
import { syntheticB2BStack, syntheticReader, toStackConfig, writeSyntheticFiles } from "./synthetic";

/** The bar: within 1.3× the bare program's wall time and 1.2× its peak memory. */
export const RUNNER_TARGETS = { maxWallRatio: 1.3, maxRssRatio: 1.2 } as const;

/**
 * From this size on, each program runs once whatever `--runs` says: one pair at 5,000
 * organizations takes 6–7 minutes on the shared 2-core machine, so three pairs would double the
 * whole benchmark (about 13 minutes with one, over 25 with three).
 */
export const SINGLE_RUN_FROM = 5000;

/** How many paired runs a size gets when `runs` are asked for. */
export function runsFor(organizations: number, runs: number): number {
  return organizations >= SINGLE_RUN_FROM ? 1 : runs;
}

export interface ProgramRun {
  /** Median wall time of the runner's process, spawn to exit. */
  readonly wallMs: number;
  /** Median peak RSS of the runner's process. */
  readonly maxRssKiB: number;
  readonly registrations: number;
}

export interface RunnerComparison {
  readonly organizations: number;
  /** Paired runs measured (`runsFor`). */
  readonly runs: number;
  readonly kit: ProgramRun;
  readonly bare: ProgramRun;
  readonly wallRatio: number;
  readonly rssRatio: number;
  /** PULUMI_CONFIG in bytes, with the customers in organization files, and inline. */
  readonly configBytes: number;
  readonly inlineConfigBytes: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function summary(runs: readonly RunnerResult[]): ProgramRun {
  return { wallMs: median(runs.map((run) => run.wallMs)), maxRssKiB: median(runs.map((run) => run.maxRssKiB)), registrations: runs[0]!.resources.length };
}

function succeeded(what: string, run: RunnerResult): RunnerResult {
  if (run.exitCode !== 0) throw new Error(`${what} failed under Pulumi's runner (exit ${run.exitCode}):\n${run.stderr}`);
  return run;
}

/**
 * Runs the `organizations`-customer synthetic stack (files under `directory` of the project) and
 * its bare program `runsFor(organizations, runs)` times each, alternating so that load on the
 * machine falls on both. Both share one fresh transpile cache (program/transpiler.cjs): each
 * program's first run transpiles its files, later runs load them as a repeated `pulumi preview` does.
 */
export async function compareWithBare(projectDir: string, organizations: number, directory: string, runs: number): Promise<RunnerComparison> {
  const stack = syntheticB2BStack(organizations, { layout: "files", directory });
  writeSyntheticFiles(projectDir, stack);
  const config = withPlaceholderSecrets(toStackConfig(stack.config), "auth0kit", syntheticReader(stack));
  const inline = withPlaceholderSecrets(toStackConfig(syntheticB2BStack(organizations, { layout: "inline" }).config), "auth0kit");
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-bare-"));
  const bareDir = path.join(scratch, "bare");
  const env = { AUTH0KIT_TRANSPILE_CACHE: path.join(scratch, "transpiled") };
  const runKit = async () => succeeded(`the ${organizations}-organization stack`, await runUnderPulumiRunner({ projectDir, stack: "bench", config, env }));
  const pairs = runsFor(organizations, runs);
  try {
    const kitRuns = [await runKit()];
    writeBareProject(bareDir, projectDir, kitRuns[0]!.resources);
    const runBare = async () => succeeded(`the bare ${organizations}-organization program`, await runUnderPulumiRunner({ projectDir: bareDir, stack: "bench", config, env }));
    const bareRuns = [await runBare()];
    for (let i = 1; i < pairs; i++) {
      kitRuns.push(await runKit());
      bareRuns.push(await runBare());
    }
    const kit = summary(kitRuns);
    const bare = summary(bareRuns);
    return {
      organizations,
      runs: pairs,
      kit,
      bare,
      wallRatio: kit.wallMs / bare.wallMs,
      rssRatio: kit.maxRssKiB / bare.maxRssKiB,
      configBytes: configBudget(config).bytes,
      inlineConfigBytes: configBudget(inline).bytes,
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (kibibytes: number) => `${(kibibytes / 1024).toFixed(0)}`;
const share = (bytes: number) => `${Math.round((bytes / PULUMI_CONFIG_LIMIT) * 100)}%`;

/** How the table's figures were taken: the median of how many runs, and the sizes run once. */
export function comparisonRuns(rows: readonly RunnerComparison[], runs: number): string {
  const once = rows.filter((row) => row.runs < runs).map((row) => row.organizations.toLocaleString("en-US"));
  const capped = once.length === 0 ? "" : ` (${once.join(", ")} organizations: one run each way, as a pair there takes minutes; the whole \`npm run bench\` stays well under 25 minutes)`;
  return `Median of ${runs} paired runs${capped}`;
}

export function comparisonTable(rows: readonly RunnerComparison[]): string {
  const lines = [
    "| organizations | registrations auth0kit / bare | auth0kit wall time | bare wall time | ratio | peak RSS auth0kit / bare | RSS ratio | PULUMI_CONFIG (organization files) | PULUMI_CONFIG if inline |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.organizations} | ${row.kit.registrations} / ${row.bare.registrations} | ${(row.kit.wallMs / 1000).toFixed(2)} s | ${(row.bare.wallMs / 1000).toFixed(2)} s | ${row.wallRatio.toFixed(2)}× | ${mib(row.kit.maxRssKiB)} / ${mib(row.bare.maxRssKiB)} MiB | ${row.rssRatio.toFixed(2)}× | ${kib(row.configBytes)} (${share(row.configBytes)}) | ${kib(row.inlineConfigBytes)} (${share(row.inlineConfigBytes)})${row.inlineConfigBytes > PULUMI_CONFIG_LIMIT ? " over" : ""} |`,
    );
  }
  return lines.join("\n");
}

/** Each size's bar, as `[met, description]`. */
export function comparisonChecks(rows: readonly RunnerComparison[]): [boolean, string][] {
  return rows.flatMap((row): [boolean, string][] => [
    [row.wallRatio <= RUNNER_TARGETS.maxWallRatio, `${row.organizations} organizations under Pulumi's runner within ${RUNNER_TARGETS.maxWallRatio}× the bare program's wall time: ${row.wallRatio.toFixed(2)}×`],
    [row.rssRatio <= RUNNER_TARGETS.maxRssRatio, `${row.organizations} organizations within ${RUNNER_TARGETS.maxRssRatio}× the bare program's peak RSS: ${row.rssRatio.toFixed(2)}×`],
    [row.configBytes <= PULUMI_CONFIG_LIMIT, `${row.organizations} organizations: PULUMI_CONFIG under the ${PULUMI_CONFIG_LIMIT.toLocaleString("en-US")}-byte limit: ${row.configBytes.toLocaleString("en-US")} bytes`],
  ]);
}

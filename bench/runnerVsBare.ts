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

export interface ProgramRun {
  /** Median wall time of the runner's process, spawn to exit. */
  readonly wallMs: number;
  /** Median peak RSS of the runner's process. */
  readonly maxRssKiB: number;
  readonly registrations: number;
}

export interface RunnerComparison {
  readonly organizations: number;
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
 * its bare program `runs` times each, alternating so that load on the machine falls on both.
 */
export async function compareWithBare(projectDir: string, organizations: number, directory: string, runs: number): Promise<RunnerComparison> {
  const stack = syntheticB2BStack(organizations, { layout: "files", directory });
  writeSyntheticFiles(projectDir, stack);
  const config = withPlaceholderSecrets(toStackConfig(stack.config), "auth0kit", syntheticReader(stack));
  const inline = withPlaceholderSecrets(toStackConfig(syntheticB2BStack(organizations, { layout: "inline" }).config), "auth0kit");
  const runKit = async () => succeeded(`the ${organizations}-organization stack`, await runUnderPulumiRunner({ projectDir, stack: "bench", config }));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-bare-"));
  try {
    const kitRuns = [await runKit()];
    writeBareProject(scratch, projectDir, kitRuns[0]!.resources);
    const runBare = async () => succeeded(`the bare ${organizations}-organization program`, await runUnderPulumiRunner({ projectDir: scratch, stack: "bench", config }));
    const bareRuns = [await runBare()];
    for (let i = 1; i < runs; i++) {
      kitRuns.push(await runKit());
      bareRuns.push(await runBare());
    }
    const kit = summary(kitRuns);
    const bare = summary(bareRuns);
    return {
      organizations,
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

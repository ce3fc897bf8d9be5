/**
 * npm run bench [-- --sizes 10,100,1000,5000] [--runs 3] [--out docs/benchmarks.md | --no-write]
 *
 * For synthetic B2B stacks (bench/synthetic.ts) of each size, in the organization-files layout:
 * 1. the offline plan, each in its own child process (the Pulumi runtime is per process, and the
 *    child's peak RSS is then the plan's own): resources, wall time, peak memory, the Management
 *    API economy;
 * 2. the program as Pulumi's own runner loads it (ts-node, the project's tsconfig, mocks for the
 *    engine; plan/pulumiRunner.ts) against a bare program of the same resources as literals
 *    (bench/bareProgram.ts) run the same way: wall time, peak RSS, registrations, and the stack
 *    configuration the engine would pass (PULUMI_CONFIG) against Linux's limit; from 5,000
 *    organizations on (SINGLE_RUN_FROM) each program runs once whatever --runs says.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type Io, optionsOf } from "./io";
import { budgetFor, economyOf, formatDuration } from "../plan/economy";
import { runPlan } from "../plan/run";
import { syntheticB2BStack, toStackConfig, writeSyntheticFiles } from "../bench/synthetic";
import { type RunnerComparison, compareWithBare, comparisonChecks, comparisonRuns, comparisonTable } from "../bench/runnerVsBare";

const PROJECT_DIR = path.resolve(__dirname, "..");
const DEFAULT_SIZES = [10, 100, 1000, 5000];
const DEFAULT_RUNS = 3;
const USAGE = "usage: npm run bench [-- --sizes 10,100,1000,5000] [--runs 3] [--out <file> | --no-write]";

/** Where a size's organization files go (out/ is not committed). */
export function benchDirectory(organizations: number): string {
  return `out/bench/${organizations}`;
}

/** Targets on the reference 2-core machine (issue "Scale and rate-limit budget"). */
export const TARGETS = { largest: 1000, maxSeconds: 10, maxRssBytes: 1024 ** 3, maxPerResourceGrowth: 1.5 } as const;

/** One measured size. */
export interface BenchRow {
  readonly organizations: number;
  /** Provider resources (components excluded) and all registrations. */
  readonly resources: number;
  readonly registrations: number;
  /** Wall time of the plan itself (runPlan), without process start-up and module loading. */
  readonly planMs: number;
  /** Wall time of the child process from start to the plan's end, module loading included. */
  readonly processMs: number;
  readonly maxRssBytes: number;
  readonly requests: number;
  readonly singularRequests: number;
  /** Least `up` duration at the synthetic stack's tier (enterprise), in seconds. */
  readonly enterpriseSeconds: number;
}

/** Plans one synthetic size in this process; call it once per process. */
export async function measure(organizations: number): Promise<BenchRow> {
  const stack = syntheticB2BStack(organizations, { layout: "files", directory: benchDirectory(organizations) });
  writeSyntheticFiles(PROJECT_DIR, stack);
  const started = performance.now();
  const result = await runPlan({ projectDir: PROJECT_DIR, stack: "bench", config: toStackConfig(stack.config) });
  const planMs = performance.now() - started;
  const economy = economyOf(result.resources);
  return {
    organizations,
    resources: economy.resources,
    registrations: result.resources.length,
    planMs,
    // performance.now() counts from the process's start.
    processMs: performance.now(),
    // resourceUsage().maxRSS is in kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    requests: economy.requests,
    singularRequests: economy.singularRequests,
    enterpriseSeconds: budgetFor(economy, "enterprise").minSeconds,
  };
}

/** Runs `measure` in a fresh child process. */
function measureInChild(organizations: number): BenchRow {
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(PROJECT_DIR, "scripts/bench.ts"), "--child", String(organizations)], {
    cwd: PROJECT_DIR,
    encoding: "utf8",
    env: { ...process.env, AUTH0_DOMAIN: "", AUTH0_CLIENT_SECRET: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the ${organizations}-organization plan failed (exit ${child.status}):\n${child.stderr}`);
  const line = child.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as BenchRow;
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

/** The results as a markdown table. */
export function benchTable(rows: readonly BenchRow[]): string {
  const lines = [
    "| organizations | resources | plan wall time | per resource | process wall time | peak RSS | Management API requests | one-per-item layout | least `up` at enterprise (16/s) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.organizations} | ${row.resources} | ${(row.planMs / 1000).toFixed(2)} s | ${(row.planMs / row.resources).toFixed(2)} ms | ${(row.processMs / 1000).toFixed(2)} s | ${mib(row.maxRssBytes)} | ${row.requests} | ${row.singularRequests} (${(row.singularRequests / row.requests).toFixed(2)}×) | ${formatDuration(row.enterpriseSeconds)} |`,
    );
  }
  return lines.join("\n");
}

/** Each target checked against the rows, as `[met, description]`. */
export function checkTargets(rows: readonly BenchRow[]): [boolean, string][] {
  const largest = rows.find((row) => row.organizations === TARGETS.largest);
  const hundred = rows.find((row) => row.organizations === 100);
  if (largest === undefined) return [];
  const checks: [boolean, string][] = [
    [largest.planMs / 1000 < TARGETS.maxSeconds, `${TARGETS.largest}-organization plan under ${TARGETS.maxSeconds} s: ${(largest.planMs / 1000).toFixed(2)} s`],
    [largest.maxRssBytes < TARGETS.maxRssBytes, `${TARGETS.largest}-organization plan under 1 GiB peak RSS: ${mib(largest.maxRssBytes)}`],
  ];
  if (hundred !== undefined) {
    const growth = largest.planMs / largest.resources / (hundred.planMs / hundred.resources);
    checks.push([growth <= TARGETS.maxPerResourceGrowth, `time per resource at ${TARGETS.largest} organizations within ${TARGETS.maxPerResourceGrowth}× that at 100: ${growth.toFixed(2)}×`]);
  }
  return checks;
}

export function benchMarkdown(
  rows: readonly BenchRow[],
  comparisons: readonly RunnerComparison[],
  machine: { cores: number; cpu: string; node: string; load: number[]; loadAfter: number[]; date: string; runs: number },
): string {
  const checks = [...checkTargets(rows), ...comparisonChecks(comparisons)];
  const load = (values: number[]) => values.map((l) => l.toFixed(2)).join(" / ");
  return `# Benchmarks

Generated by \`npm run bench\` (scripts/bench.ts → cli/bench.ts); do not edit by hand — rerun it.

**Every figure on this page is offline; none was measured on the real engine** (the Pulumi CLI
and its engine cannot be installed on this machine). *Under Pulumi's runner* figures come from
Pulumi's own Node.js runner with the SDK's mock runtime standing in for the engine and the
providers (mock runner); *offline plan* figures from the offline plan (tsx, mock runtime). The
only real-engine figures are the ones quoted from the issue in [scale.md](scale.md), measured
before organization files existed.

Synthetic B2B stacks (bench/synthetic.ts): one API, three applications (spa, cli, an m2m backend),
a database connection, adaptive MFA, a log-stream webhook and an email provider (what the production
guardrails ask), and per organization one enterprise connection (SAML; Okta with a client secret for one customer
in ten) enabled for the spa and the cli and for that organization. Each customer is one
organization file (\`auth0kit:organizationFiles\`, the layout for large tenants).

Machine: ${machine.cores} cores (\`os.availableParallelism()\`), ${machine.cpu}, Node ${machine.node}; load average
${load(machine.load)} (1/5/15 min) when the run started, ${load(machine.loadAfter)} when it ended; ${machine.date}.

## Under Pulumi's runner, against a bare program

The program as \`pulumi preview\` loads it — \`@pulumi/pulumi/cmd/run\` with ts-node and the project's
tsconfig (transpile-only: \`noCheck\`) in a child process, the mock runtime standing in for the engine
(plan/pulumiRunner.ts) — against a *bare program*: the same provider resources as literals
(\`new auth0.X(name, inputs)\` in one generated TypeScript file, bench/bareProgram.ts) in a scratch
project with the same tsconfig, run the same way. ${comparisonRuns(comparisons, machine.runs)}; the ratio
is auth0kit / bare. Both programs share one fresh transpile cache per size (program/transpiler.cjs):
the first run of each transpiles its files, later runs load them from the cache, as a repeated
\`pulumi preview\` does.

${comparisonTable(comparisons)}

- *registrations*: every resource the program registers (the stack, components, provider resources).
- *wall time*: the runner's child process from spawn to exit; *peak RSS*: its \`maxRSS\`.
- *PULUMI_CONFIG*: the stack configuration as the Node.js language host passes it (plan/configBudget.ts),
  with each secret the plan cannot read counted at 64 bytes, against Linux's 131,072-byte limit for one
  environment string; *inline* is the same stack with its customers in \`auth0kit:organizations\` and
  \`auth0kit:connections\` instead of organization files.

## Offline plan

Each size planned offline (the mock runtime, exactly the program \`pulumi up\` runs, loaded by tsx) in its own child process.

${benchTable(rows)}

- *resources*: Auth0 provider resources (components not counted); *plan wall time*: \`runPlan\`
  from start to end (validation, program, output resolution); *process wall time*: the child
  process from start to the plan's end (module loading included); *peak RSS*:
  \`process.resourceUsage().maxRSS\` of that child.
- *Management API requests*: the request model of plan/economy.ts (estimate for a fresh \`up\`),
  against the same tenant with one resource per scope, organization connection, connection
  client, trigger binding and role permission. See [scale.md](scale.md).

${checks.length > 0 ? `Targets:\n\n${checks.map(([met, text]) => `- ${met ? "met" : "**missed**"}: ${text}`).join("\n")}\n` : ""}`;
}

export async function benchCommand(argv: readonly string[], io: Io = process): Promise<number> {
  const args = optionsOf(argv, { sizes: { type: "string" }, runs: { type: "string" }, out: { type: "string" }, "no-write": { type: "boolean", default: false }, child: { type: "string" } }, USAGE, io);
  if (args === undefined) return 2;
  if (args.child !== undefined) {
    io.stdout.write(`${JSON.stringify(await measure(Number(args.child)))}\n`);
    return 0;
  }
  const sizes = args.sizes === undefined ? DEFAULT_SIZES : args.sizes.split(",").map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 0)) {
    io.stderr.write(`--sizes takes whole numbers separated by commas, e.g. 10,100,1000\n${USAGE}\n`);
    return 2;
  }
  const runs = args.runs === undefined ? DEFAULT_RUNS : Number(args.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    io.stderr.write(`--runs takes a whole number of at least 1\n${USAGE}\n`);
    return 2;
  }
  const load = os.loadavg();
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    const row = measureInChild(size);
    rows.push(row);
    io.stdout.write(`${size} organizations: ${row.resources} resources in ${(row.planMs / 1000).toFixed(2)} s, peak RSS ${mib(row.maxRssBytes)}\n`);
  }
  io.stdout.write(`\nOffline plan:\n${benchTable(rows)}\n`);
  const comparisons: RunnerComparison[] = [];
  for (const size of sizes) {
    const comparison = await compareWithBare(PROJECT_DIR, size, benchDirectory(size), runs);
    comparisons.push(comparison);
    io.stdout.write(`${size} organizations under Pulumi's runner: ${(comparison.kit.wallMs / 1000).toFixed(2)} s against ${(comparison.bare.wallMs / 1000).toFixed(2)} s bare (${comparison.wallRatio.toFixed(2)}×)\n`);
  }
  const loadAfter = os.loadavg();
  io.stdout.write(`\nUnder Pulumi's runner, against a bare program (${comparisonRuns(comparisons, runs)}):\n${comparisonTable(comparisons)}\n`);
  io.stdout.write(`load average ${load.map((l) => l.toFixed(2)).join(" / ")} at the start, ${loadAfter.map((l) => l.toFixed(2)).join(" / ")} at the end (${os.availableParallelism()} cores)\n`);
  const checks = [...checkTargets(rows), ...comparisonChecks(comparisons)];
  for (const [met, text] of checks) io.stdout.write(`${met ? "met" : "MISSED"}: ${text}\n`);
  if (!args["no-write"]) {
    const out = path.resolve(args.out ?? path.join(PROJECT_DIR, "docs/benchmarks.md"));
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    fs.writeFileSync(
      out,
      benchMarkdown(rows, comparisons, { cores: os.availableParallelism(), cpu, node: process.version, load, loadAfter, date: new Date().toISOString().slice(0, 10), runs }),
    );
    io.stdout.write(`\nWrote ${path.relative(process.cwd(), out) || out}\n`);
  }
  return checks.every(([met]) => met) ? 0 : 1;
}

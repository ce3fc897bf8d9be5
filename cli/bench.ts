/**
 * npm run bench [-- --sizes 10,100,1000] [--out docs/benchmarks.md | --no-write]
 *
 * Plans synthetic B2B stacks (bench/synthetic.ts) of each size, each in its own child process
 * (the Pulumi runtime is per process, and the child's peak RSS is then the plan's own), and
 * prints resources, wall time, time per resource, peak memory and the Management API economy.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Io } from "./io";
import { budgetFor, economyOf, formatDuration } from "../plan/economy";
import { runPlan } from "../plan/run";
import { syntheticB2BConfig, toStackConfig } from "../bench/synthetic";

const PROJECT_DIR = path.resolve(__dirname, "..");
const DEFAULT_SIZES = [10, 100, 1000];
const USAGE = "usage: npm run bench [-- --sizes 10,100,1000] [--out <file> | --no-write]";

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
  const started = performance.now();
  const result = await runPlan({ projectDir: PROJECT_DIR, stack: "bench", config: toStackConfig(syntheticB2BConfig(organizations)) });
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

export function benchMarkdown(rows: readonly BenchRow[], machine: { cores: number; cpu: string; node: string; load: number[]; date: string }): string {
  const checks = checkTargets(rows);
  return `# Benchmarks

Generated by \`npm run bench\` (scripts/bench.ts → cli/bench.ts); do not edit by hand — rerun it.

Synthetic B2B stacks (bench/synthetic.ts): one API, three applications (spa, cli, an m2m backend),
a database connection, adaptive MFA, a log-stream webhook and an email provider (what the production guardrails ask), and per organization one enterprise connection (okta and samlp
alternating) enabled for the spa and the cli and for that organization. Each size is planned
offline (the mock runtime, exactly the program \`pulumi up\` runs) in its own child process.

Machine: ${machine.cores} cores (\`os.availableParallelism()\`), ${machine.cpu}, Node ${machine.node}; load average
${machine.load.map((l) => l.toFixed(2)).join(" / ")} (1/5/15 min) when the run started; ${machine.date}.

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
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: { sizes: { type: "string" }, out: { type: "string" }, "no-write": { type: "boolean", default: false }, child: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.child !== undefined) {
    io.stdout.write(`${JSON.stringify(await measure(Number(args.child)))}\n`);
    return 0;
  }
  const sizes = args.sizes === undefined ? DEFAULT_SIZES : args.sizes.split(",").map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 0)) {
    io.stderr.write(`--sizes takes whole numbers separated by commas, e.g. 10,100,1000\n${USAGE}\n`);
    return 2;
  }
  const load = os.loadavg();
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    const row = measureInChild(size);
    rows.push(row);
    io.stdout.write(`${size} organizations: ${row.resources} resources in ${(row.planMs / 1000).toFixed(2)} s, peak RSS ${mib(row.maxRssBytes)}\n`);
  }
  io.stdout.write(`\n${benchTable(rows)}\n`);
  const checks = checkTargets(rows);
  for (const [met, text] of checks) io.stdout.write(`${met ? "met" : "MISSED"}: ${text}\n`);
  if (!args["no-write"]) {
    const out = path.resolve(args.out ?? path.join(PROJECT_DIR, "docs/benchmarks.md"));
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    fs.writeFileSync(out, benchMarkdown(rows, { cores: os.availableParallelism(), cpu, node: process.version, load, date: new Date().toISOString().slice(0, 10) }));
    io.stdout.write(`\nWrote ${path.relative(process.cwd(), out) || out}\n`);
  }
  return checks.every(([met]) => met) ? 0 : 1;
}

/**
 * The benchmark's synthetic B2B stacks and its command, at small sizes only (the 10/100/1,000
 * organization sizes run in `npm run bench`). One valid in-process plan per file (the Pulumi
 * runtime is per process).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../config/load";
import { benchCommand, benchMarkdown, measure } from "../cli/bench";
import { type RunnerComparison, comparisonRuns, runsFor } from "../bench/runnerVsBare";
import { configBudget, PULUMI_CONFIG_LIMIT, PULUMI_CONFIG_WARN_SHARE } from "../plan/configBudget";
import { withPlaceholderSecrets } from "../plan/stackFile";
import { organizationKey, syntheticB2BStack, syntheticReader, syntheticResourceCount, toStackConfig } from "../bench/synthetic";

const ROOT = path.resolve(__dirname, "..");

describe("the synthetic B2B specs", () => {
  it.each([1, 2, 50])("pass validation with %i organizations in organization files, each with its own enterprise connection", (n) => {
    const stack = syntheticB2BStack(n, { layout: "files", directory: "customers" });
    expect(Object.keys(stack.files)).toHaveLength(n);
    expect(stack.config["auth0kit:organizationFiles"]).toEqual(["customers/"]);
    const read = syntheticReader(stack);
    const spec = loadSpec(withPlaceholderSecrets(toStackConfig(stack.config), "auth0kit", read), {}, read);
    expect(Object.keys(spec.organizations)).toHaveLength(n);
    const first = spec.organizations[organizationKey(1)]!;
    expect(Object.keys(first.connections)).toEqual([`${organizationKey(1)}-sso`]);
    expect(spec.connections[`${organizationKey(1)}-sso`]).toMatchObject({ kind: "enterprise", strategy: "okta", applications: ["cli", "spa"] });
    if (n > 1) expect(spec.connections[`${organizationKey(2)}-sso`]).toMatchObject({ kind: "enterprise", strategy: "samlp" });
    expect(spec.tenant.planTier).toBe("enterprise");
  });

  it("gives the same spec in both layouts", () => {
    const files = syntheticB2BStack(12, { layout: "files" });
    const read = syntheticReader(files);
    const inline = syntheticB2BStack(12, { layout: "inline" });
    expect(JSON.stringify(loadSpec(withPlaceholderSecrets(toStackConfig(files.config), "auth0kit", read), {}, read))).toBe(
      JSON.stringify(loadSpec(withPlaceholderSecrets(toStackConfig(inline.config), "auth0kit"))),
    );
  });

  it.each([1_000, 5_000])("keeps the %i-organization stack's PULUMI_CONFIG under the limit in organization files, not inline", (n) => {
    const files = syntheticB2BStack(n, { layout: "files" });
    const budget = configBudget(withPlaceholderSecrets(toStackConfig(files.config), "auth0kit", syntheticReader(files)));
    expect(budget.bytes).toBeLessThan(PULUMI_CONFIG_LIMIT * PULUMI_CONFIG_WARN_SHARE);
    // One Okta client secret per ten customers, and the email provider's API key.
    expect(budget.estimatedSecrets).toBe(n / 10 + 1);
    expect(configBudget(withPlaceholderSecrets(toStackConfig(syntheticB2BStack(n, { layout: "inline" }).config), "auth0kit")).bytes).toBeGreaterThan(PULUMI_CONFIG_LIMIT);
  });

  it("plans 5 organizations in process into the formula's resources and requests", async () => {
    const row = await measure(5);
    expect({ resources: row.resources, registrations: row.registrations }).toEqual({
      resources: syntheticResourceCount(5).custom,
      registrations: syntheticResourceCount(5).total,
    });
    expect([row.resources, row.registrations]).toEqual([15 + 4 * 5, 25 + 4 * 5]);
    // Per organization: Organization 2 + OrganizationConnections 3 + Connection 2 + ConnectionClients 4
    // against 2 + 2 (one OrganizationConnection) + 2 + 2 × 3 (one ConnectionClient per application).
    // Fixed part: 29 requests before, plus the log stream (2), its generated secret (0, no API call)
    // the Guardian (2 per setting sent, 5 here) and the email provider (3) = 44.
    expect([row.requests, row.singularRequests]).toEqual([44 + 11 * 5, 52 + 12 * 5]);
    expect(row.planMs).toBeGreaterThan(0);
    expect(row.maxRssBytes).toBeGreaterThan(0);
  });
});

describe("npm run bench", () => {
  it("plans each size in a child process, runs it under Pulumi's runner against the bare program, prints both tables and writes them with the machine", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-bench-")), "benchmarks.md");
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/bench.ts"), "--sizes", "3", "--runs", "1", "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    // 1 when a target is missed: wall-time ratios are figures on a shared machine, not a test.
    expect([0, 1]).toContain(run.status);
    const rows = run.stdout.split("\n").filter((line) => /^\| \d/.test(line));
    const [offline, runner] = rows;
    expect(offline!.split("|").slice(1, 3).map((cell) => Number(cell.trim()))).toEqual([3, syntheticResourceCount(3).custom]);
    // The bare program registers the stack and the provider resources, auth0kit its components too.
    expect(runner!.split("|").slice(1, 3).map((cell) => cell.trim())).toEqual(["3", `${syntheticResourceCount(3).total + 1} / ${syntheticResourceCount(3).custom + 1}`]);
    expect(runner).toMatch(/\| [\d.]+ KiB \(\d+%\) \| [\d.]+ KiB \(\d+%\) \|$/);
    expect(run.stdout).toMatch(/^met: 3 organizations: PULUMI_CONFIG under the 131,072-byte limit: [\d,]+ bytes$/m);
    const doc = fs.readFileSync(out, "utf8");
    expect(doc).toContain(`Machine: ${os.availableParallelism()} cores`);
    expect(doc).toContain("**Every figure on this page is offline; none was measured on the real engine**");
    expect(doc).toContain("Median of 1 paired runs; the ratio");
    expect(doc).toContain(offline);
    expect(doc).toContain(runner);
  }, 120_000);

  it("refuses a run count below 1", async () => {
    let stderr = "";
    const status = await benchCommand(["--runs", "0"], { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } });
    expect(status).toBe(2);
    expect(stderr).toBe("--runs takes a whole number of at least 1\nusage: npm run bench [-- --sizes 10,100,1000,5000] [--runs 3] [--out <file> | --no-write]\n");
  });

  it("refuses sizes that are not whole numbers", async () => {
    let stderr = "";
    const status = await benchCommand(["--sizes", "ten"], { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } });
    expect(status).toBe(2);
    expect(stderr).toBe("--sizes takes whole numbers separated by commas, e.g. 10,100,1000\nusage: npm run bench [-- --sizes 10,100,1000,5000] [--runs 3] [--out <file> | --no-write]\n");
  });

  it("runs 5,000 organizations once each way whatever --runs says, and says so above the table", () => {
    expect([10, 100, 1000, 4999, 5000, 10000].map((size) => runsFor(size, 3))).toEqual([3, 3, 3, 3, 1, 1]);
    const program = { wallMs: 1000, maxRssKiB: 1024, registrations: 1 };
    const row = (organizations: number): RunnerComparison => ({
      organizations,
      runs: runsFor(organizations, 3),
      kit: program,
      bare: program,
      wallRatio: 1,
      rssRatio: 1,
      configBytes: 1,
      inlineConfigBytes: 1,
    });
    const capped = "Median of 3 paired runs (5,000 organizations: one run each way, as a pair there takes minutes; the whole `npm run bench` stays well under 25 minutes)";
    expect(comparisonRuns([row(10), row(5000)], 3)).toBe(capped);
    expect(comparisonRuns([row(10), row(1000)], 3)).toBe("Median of 3 paired runs");
    const machine = { cores: 2, cpu: "CPU", node: "v20", load: [1, 1, 1], loadAfter: [1, 1, 1], date: "2026-12-03", runs: 3 };
    expect(benchMarkdown([], [row(10), row(5000)], machine)).toContain(`run the same way. ${capped}; the ratio\nis auth0kit / bare.`);
  });
});

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
import { benchCommand, measure } from "../cli/bench";
import { withPlaceholderSecrets } from "../plan/stackFile";
import { organizationKey, syntheticB2BConfig, syntheticResourceCount, toStackConfig } from "../bench/synthetic";

const ROOT = path.resolve(__dirname, "..");

describe("the synthetic B2B specs", () => {
  it.each([1, 2, 50])("pass validation with %i organizations, each with its own enterprise connection", (n) => {
    const spec = loadSpec(withPlaceholderSecrets(toStackConfig(syntheticB2BConfig(n)), "auth0kit"));
    expect(Object.keys(spec.organizations)).toHaveLength(n);
    const first = spec.organizations[organizationKey(1)]!;
    expect(Object.keys(first.connections)).toEqual([`${organizationKey(1)}-sso`]);
    expect(spec.connections[`${organizationKey(1)}-sso`]).toMatchObject({ kind: "enterprise", strategy: "okta", applications: ["cli", "spa"] });
    if (n > 1) expect(spec.connections[`${organizationKey(2)}-sso`]).toMatchObject({ kind: "enterprise", strategy: "samlp" });
    expect(spec.tenant.planTier).toBe("enterprise");
  });

  it("plans 5 organizations in process into the formula's resources and requests", async () => {
    const row = await measure(5);
    expect({ resources: row.resources, registrations: row.registrations }).toEqual({
      resources: syntheticResourceCount(5).custom,
      registrations: syntheticResourceCount(5).total,
    });
    expect([row.resources, row.registrations]).toEqual([15 + 4 * 5, 26 + 6 * 5]);
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
  it("plans each size in a child process, prints the table and writes it with the core count", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-bench-")), "benchmarks.md");
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/bench.ts"), "--sizes", "3", "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const rows = run.stdout.split("\n").filter((line) => /^\| \d/.test(line));
    expect(rows.map((line) => line.split("|").slice(1, 3).map((cell) => Number(cell.trim())))).toEqual([[3, syntheticResourceCount(3).custom]]);
    const doc = fs.readFileSync(out, "utf8");
    expect(doc).toContain(`Machine: ${os.availableParallelism()} cores`);
    expect(doc).toContain(rows[0]);
  });

  it("refuses sizes that are not whole numbers", async () => {
    let stderr = "";
    const status = await benchCommand(["--sizes", "ten"], { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } });
    expect(status).toBe(2);
    expect(stderr).toBe("--sizes takes whole numbers separated by commas, e.g. 10,100,1000\nusage: npm run bench [-- --sizes 10,100,1000] [--out <file> | --no-write]\n");
  });
});

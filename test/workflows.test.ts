import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./planHarness";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  environment?: string | { name: string };
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
  return parse(fs.readFileSync(path.join(ROOT, ".github/workflows", name), "utf8"), { uniqueKeys: true }) as Workflow;
}

const ROOT_STACKS = fs
  .readdirSync(ROOT)
  .map((f) => /^Pulumi\.([^.]+)\.yaml$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined)
  .sort();

const pulumiSteps = (job: Job) => job.steps.filter((s) => s.uses === "pulumi/actions@v6");

/** Node 20 with the npm cache, then npm ci, before anything runs the program. */
function expectNodeSetup(job: Job): void {
  const uses = job.steps.map((s) => s.uses ?? s.run);
  expect(uses.slice(0, 3)).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "npm ci"]);
  expect(job.steps[1]!.with).toEqual({ "node-version": 20, cache: "npm" });
}

function expectCredentials(step: Step): void {
  expect(step.env).toEqual({
    PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}",
    AUTH0_DOMAIN: "${{ secrets.AUTH0_DOMAIN }}",
    AUTH0_CLIENT_ID: "${{ secrets.AUTH0_CLIENT_ID }}",
    AUTH0_CLIENT_SECRET: "${{ secrets.AUTH0_CLIENT_SECRET }}",
  });
}

describe(".github/workflows/preview.yml", () => {
  const preview = workflow("preview.yml");

  it("runs on pull requests and may comment on them", () => {
    expect(Object.keys(preview.on)).toEqual(["pull_request"]);
    expect(preview.permissions).toEqual({ contents: "read", "pull-requests": "write" });
  });

  it("tests, then appends the offline plan's Markdown report of every stack to the job summary", () => {
    const plan = preview.jobs.plan!;
    expectNodeSetup(plan);
    expect(plan.steps.map((s) => s.run)).toContain("npm test");
    const report = plan.steps.find((s) => s.run?.includes("--markdown"))!;
    expect(report.run).toContain('for file in Pulumi.*.yaml; do');
    expect(report.run).toContain('npm run --silent plan -- --stack "$stack" --markdown "plan-$stack.md"');
    expect(report.run).toContain('cat "plan-$stack.md" >> "$GITHUB_STEP_SUMMARY"');
  });

  it("previews every root stack with pulumi/actions@v6, commenting on the pull request, with each stack's environment secrets", () => {
    const job = preview.jobs.preview!;
    expect(job.needs).toBe("plan");
    expect(job.strategy?.matrix?.stack).toEqual(ROOT_STACKS);
    expect(job.environment).toBe("${{ matrix.stack }}");
    expectNodeSetup(job);
    const steps = pulumiSteps(job);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.with).toMatchObject({ command: "preview", "stack-name": "${{ matrix.stack }}", "comment-on-pr": true, "github-token": "${{ secrets.GITHUB_TOKEN }}" });
    expectCredentials(steps[0]!);
  });
});

describe(".github/workflows/up.yml", () => {
  const up = workflow("up.yml");

  it("runs on pushes to main and by hand", () => {
    expect(up.on).toEqual({ push: { branches: ["main"] }, workflow_dispatch: null });
  });

  it("deploys dev with pulumi up after the tests", () => {
    const dev = up.jobs.dev!;
    expect(dev.environment).toBe("dev");
    expectNodeSetup(dev);
    expect(dev.steps.map((s) => s.run)).toContain("npm test");
    const steps = pulumiSteps(dev);
    expect(steps.map((s) => s.with)).toEqual([{ command: "up", "stack-name": "dev" }]);
    expectCredentials(steps[0]!);
  });

  it("deploys prod only after dev and behind the production environment's approval", () => {
    const prod = up.jobs.prod!;
    expect(prod.needs).toBe("dev");
    expect(prod.environment).toBe("production");
    expectNodeSetup(prod);
    const steps = pulumiSteps(prod);
    expect(steps.map((s) => s.with)).toEqual([{ command: "up", "stack-name": "prod" }]);
    expectCredentials(steps[0]!);
  });

  it("has no other job that could reach prod without the gate", () => {
    expect(Object.keys(up.jobs)).toEqual(["dev", "prod"]);
  });
});

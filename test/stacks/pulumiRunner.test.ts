import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type RunnerResource, type RunnerResult, runUnderPulumiRunner } from "../../plan/pulumiRunner";
import { SECRET_MASK } from "../../env/lines";
import { SECRET_PLACEHOLDER } from "../../plan/mockEngine.cjs";
import { readStackFile, withPlaceholderSecrets } from "../../plan/stackFile";
import { planMany } from "../planHarness";
import { ROOT, STACK_FILES, stackName } from "../stackFiles";

/**
 * `pulumi preview`/`up` do not load the program through tsx: the Node.js language host starts
 * @pulumi/pulumi's own runner, which registers ts-node with the project's tsconfig. These tests
 * load every stack exactly that way (plan/pulumiRunner.ts), with the mock runtime standing in for
 * the engine, and hold the result to the offline plan's.
 */

const STACK_TYPE = "pulumi:pulumi:Stack";

function runStack(file: string, options: { secrets?: "placeholders" | "as-in-file"; tsconfig?: string } = {}): Promise<RunnerResult> {
  const config = readStackFile(path.join(ROOT, file), "auth0kit");
  return runUnderPulumiRunner({
    projectDir: ROOT,
    stack: stackName(file),
    config: options.secrets === "as-in-file" ? config : withPlaceholderSecrets(config, "auth0kit"),
    ...(options.tsconfig !== undefined && { tsconfigPath: options.tsconfig }),
  });
}

/** The runner's registrations as the plan lists them: no Stack resource, top level parentless. */
function asPlanned(resources: readonly RunnerResource[]) {
  const stackNames = new Set(resources.filter((r) => r.type === STACK_TYPE).map((r) => r.name));
  return resources
    .filter((r) => r.type !== STACK_TYPE)
    .map((r) => ({ type: r.type, name: r.name, parent: r.parent !== null && stackNames.has(r.parent) ? null : r.parent, inputs: r.inputs }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

describe("every stack under Pulumi's own runner (ts-node, the project's tsconfig)", () => {
  const runs = new Map<string, RunnerResult>();
  const plans = new Map<string, { type: string; name: string; parent: string | null; inputs: unknown }[]>();

  beforeAll(async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-runner-plans-"));
    const [planned] = await Promise.all([
      planMany(STACK_FILES.map((file, i) => ["--config", path.join(ROOT, file), "--json", "--out", path.join(scratch, String(i))])),
      (async () => {
        for (const file of STACK_FILES) runs.set(file, await runStack(file));
      })(),
    ]);
    STACK_FILES.forEach((file, i) => {
      const run = planned[i]!;
      if (run.status !== 0) throw new Error(`the offline plan of ${file} failed: ${run.stderr}`);
      const resources = (JSON.parse(run.stdout) as { resources: { type: string; name: string; parent: string | null; inputs: unknown }[] }).resources;
      plans.set(file, resources.map(({ type, name, parent, inputs }) => ({ type, name, parent, inputs })));
    });
    fs.rmSync(scratch, { recursive: true, force: true });
  }, 240_000);

  it.each(STACK_FILES)("%s loads and runs to completion with no error", (file) => {
    const run = runs.get(file)!;
    expect(run.stderr).not.toMatch(/^error:/m);
    expect(run.exitCode).toBe(0);
    expect(run.resources.filter((r) => r.type === STACK_TYPE)).toEqual([expect.objectContaining({ name: `auth0kit-${stackName(file)}` })]);
  });

  it.each(STACK_FILES)("%s registers exactly the resources and inputs of the offline plan", (file) => {
    expect(asPlanned(runs.get(file)!.resources)).toEqual(plans.get(file));
  });
});

describe("organizations and connections without their former per-item components", () => {
  const FORMER: Record<string, string> = {
    auth0: "auth0kit:connection:DatabaseConnection",
    "google-oauth2": "auth0kit:connection:SocialConnection",
    github: "auth0kit:connection:SocialConnection",
  };
  const ITEM_TYPES = [
    "auth0:index/organization:Organization",
    "auth0:index/organizationConnections:OrganizationConnections",
    "auth0:index/connection:Connection",
    "auth0:index/connectionClients:ConnectionClients",
  ];

  it("keeps every existing stack's URNs through aliases, so pulumi up replaces nothing", async () => {
    const run = await runStack("Pulumi.prod.yaml");
    // `urn:pulumi:<stack>::<project>::<parent types joined by $>$<type>::<name>`; the engine
    // leaves the root stack out of a top-level resource's chain (the mock runtime does not).
    const tenantChain = "urn:pulumi:prod::auth0kit::auth0kit:tenant:Auth0Tenant";
    const strategies = new Map(run.resources.filter((r) => r.type === ITEM_TYPES[2]).map((r) => [r.name.replace(/-connection$/, ""), String(r.inputs.strategy)]));
    const items = run.resources.filter((r) => ITEM_TYPES.includes(r.type));
    expect(items.length).toBeGreaterThanOrEqual(4 * 2);
    for (const item of items) {
      const component = item.name.replace(/-(organization|connections|connection|clients)$/, "");
      const formerType = item.type.includes("organization")
        ? "auth0kit:organization:Organization"
        : (FORMER[strategies.get(component)!] ?? "auth0kit:connection:EnterpriseConnection");
      const oldUrn = `${tenantChain}$${formerType}$${item.type}::${item.name}`;
      const newUrn = `${tenantChain}$${item.type}::${item.name}`;
      expect(newUrn).not.toBe(oldUrn);
      expect({ name: item.name, parent: item.parent, aliases: item.aliases }).toEqual({ name: item.name, parent: "tenant", aliases: [oldUrn] });
    }
    expect(run.resources.filter((r) => r.type.startsWith("auth0kit:organization:") || r.type.startsWith("auth0kit:connection:"))).toEqual([]);
  }, 60_000);
});

describe("the mock engine shared with the runner's preload", () => {
  it("masks secrets exactly as the plan and env files do", () => {
    expect(SECRET_PLACEHOLDER).toBe(SECRET_MASK);
  });
});

describe("what the runner reports when the program cannot run", () => {
  it("shows the ES-module resolution error a tsconfig emitting ES modules causes, as the real engine did", async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-esm-"));
    const tsconfig = path.join(scratch, "tsconfig.json");
    const settings = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8").replace(/^\s*\/\/.*$/gm, "")) as { compilerOptions: object };
    fs.writeFileSync(
      tsconfig,
      JSON.stringify({
        ...settings,
        compilerOptions: { ...settings.compilerOptions, module: "preserve", moduleResolution: "bundler" },
        "ts-node": { transpileOnly: true, transpiler: path.join(ROOT, "program/transpiler.cjs") },
      }),
    );
    try {
      const run = await runStack("Pulumi.dev.yaml", { tsconfig });
      expect(run.exitCode).not.toBe(0);
      expect(run.stderr).toContain(`Error: Cannot find module '${path.join(ROOT, "components/auth0Tenant")}' imported from ${path.join(ROOT, "index.ts")}`);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("prints every unset secret as a config problem, with no stack trace, and exits at once", async () => {
    const run = await runStack("Pulumi.prod.yaml", { secrets: "as-in-file" });
    expect(run.exitCode).toBe(32); // the runner's "exited after logging a user-actionable message"
    expect(run.stderr).toBe(
      [
        "error: [runtime] auth0kit:connections.acme-okta.clientSecret: auth0kit:acmeOktaClientSecret is not set; set it with: pulumi config set --secret auth0kit:acmeOktaClientSecret <value>",
        "auth0kit:connections.github.clientSecret: auth0kit:githubClientSecret is not set; set it with: pulumi config set --secret auth0kit:githubClientSecret <value>",
        "auth0kit:connections.globex-entra.clientSecret: auth0kit:globexEntraClientSecret is not set; set it with: pulumi config set --secret auth0kit:globexEntraClientSecret <value>",
        "auth0kit:connections.google-oauth2.clientSecret: auth0kit:googleClientSecret is not set; set it with: pulumi config set --secret auth0kit:googleClientSecret <value>",
        "auth0kit:email.provider.sendgrid.apiKey: auth0kit:sendgridApiKey is not set; set it with: pulumi config set --secret auth0kit:sendgridApiKey <value>",
        "auth0kit:mfa.factors.phone.provider.twilio.authToken: auth0kit:twilioAuthToken is not set; set it with: pulumi config set --secret auth0kit:twilioAuthToken <value>",
        "auth0kit:mfa.factors.phone.provider.twilio.from: auth0kit:twilioSenderNumber is not set; set it with: pulumi config set --secret auth0kit:twilioSenderNumber <value>",
        "auth0kit:mfa.factors.phone.provider.twilio.sid: auth0kit:twilioAccountSid is not set; set it with: pulumi config set --secret auth0kit:twilioAccountSid <value>",
        "",
      ].join("\n"),
    );
    // The runner formats the error for its tracing span even though it hides the stack; with the
    // SDK's source-mapped frames in the stack, Node 20's util.inspect looped until V8 refused a
    // multi-gigabyte string (~18 s, 3.3 GiB here; 19 s against 5 s under the real engine).
    expect(run.maxRssKiB).toBeLessThan(512 * 1024);
  });
});

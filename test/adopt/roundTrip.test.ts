/**
 * The closest check here to "pulumi import, then pulumi preview shows no changes": every reference
 * stack's offline plan is seeded into a fresh emulator (test/adopt/seed.ts stands in for the
 * provider), the tenant is adopted, and the adopted stack's offline plan must declare the same
 * resources — same types, parents and inputs, modulo IDs, keys and secrets — while its import file
 * maps each one to the very Auth0 object that was seeded for it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runPlan } from "../../plan/run";
import { readStackFile } from "../../plan/stackFile";
import { pairResources, planDifferences } from "./pairing";
import { emulatorCall, seedFromPlan, type Call } from "./seed";
import { ROOT, runAdopt, scratchProject, tenantApp } from "./harness";

/** Every AlphaSwarm and Orcheo stack that has a tenant (the local and first-party ones provision none). */
const STACKS = [
  { stack: "dev", file: "Pulumi.dev.yaml" },
  { stack: "stage", file: "Pulumi.stage.yaml" },
  { stack: "prod", file: "Pulumi.prod.yaml" },
  { stack: "dev", file: "examples/orcheo/Pulumi.dev.yaml" },
  { stack: "prod", file: "examples/orcheo/Pulumi.prod.yaml" },
];

/**
 * Fields a stack may leave to Auth0, with what the tenant then holds: absent on one side and this
 * value on the other is no difference (the provider reads Auth0's value back, so preview shows
 * none). The tenant's settings are read from the seeded emulator; the rest are Auth0's defaults.
 */
function auth0Values(call: Call): Record<string, Record<string, unknown>> {
  const settings = call("GET", "/tenants/settings");
  return {
    "auth0:index/tenant:Tenant": {
      sessionLifetime: settings.session_lifetime,
      idleSessionLifetime: settings.idle_session_lifetime,
      supportEmail: settings.support_email,
      supportUrl: settings.support_url,
    },
    "auth0:index/guardian:Guardian": { "webauthnRoaming.userVerification": call("GET", "/guardian/factors/webauthn-roaming/settings").userVerification },
    "auth0:index/organizationConnections:OrganizationConnections": { "enabledConnections[].showAsButton": true },
  };
}

describe.each(STACKS)("adopting the tenant of $file", ({ stack, file }) => {
  it("plans the same resources with the same inputs, and imports each from the object seeded for it", async () => {
    const configFile = path.join(ROOT, file);
    const domain = readStackFile(configFile, "auth0kit").values["auth0:domain"]!;
    const environment = readStackFile(configFile, "auth0kit").values["auth0kit:environment"]!;
    const original = await runPlan({ projectDir: ROOT, stack, configFile });
    const app = tenantApp(domain);
    const call = emulatorCall(app);
    const seeded = seedFromPlan(original.resources, call);

    const dir = scratchProject();
    const ran = await runAdopt(["--stack", stack, "--environment", environment, "--domain", domain], { app, dir });
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    const adopted = await runPlan({ projectDir: ROOT, stack, configFile: path.join(dir, `Pulumi.${stack}.yaml`) });
    const imports = JSON.parse(fs.readFileSync(path.join(dir, `import.${stack}.json`), "utf8")) as { resources: { type: string; name: string; id?: string; parent?: string }[] };

    const kept = original.resources.filter((r) => r.name !== "generated" && r.parent !== "generated");
    const pairs = pairResources(kept, adopted.resources, seeded, imports.resources);
    expect(planDifferences(kept, adopted.resources, pairs, auth0Values(call))).toEqual([]);
  });
});

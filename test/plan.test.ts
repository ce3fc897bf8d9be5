import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { plan, planInProcess, stackFile } from "./planHarness";

const SMS_WARNING =
  "warning: auth0kit:mfa.factors.phone: SMS codes are discouraged for business users (phishing, SIM swap) and this stack has organization logins (applications cli); require otp of organization logins (ORGANIZATION_MFA: { value: otp } on the post-login Action) and keep phone as a consumer fallback";
/** The dev stack with its post-login Action no longer requiring OTP of organization logins: SMS then draws a warning. */
const withoutOrganizationOtp = (text: string) => text.replace("ORGANIZATION_MFA: { value: otp }", 'ORGANIZATION_MFA: { value: "off" }');

describe("npm run plan", () => {
  it("plans the dev stack and prints the resource tree", () => {
    const { file } = stackFile(withoutOrganizationOtp);
    const run = plan("--config", file);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("+ auth0kit:tenant:Auth0Tenant  tenant");
    expect(run.stdout).toContain("+ auth0:index/resourceServer:ResourceServer  tenant-api-alphaswarm-api-server");
    expect(run.stdout).toContain("issuer: https://auth.dev.alpha-swarm.ai/");
    expect(run.stdout).toContain("managementApiAudience: https://alphaswarm-dev.us.auth0.com/api/v2/");
    // Warnings are part of the text output; the operator's DNS record too.
    expect(run.stdout).toContain(`\n${SMS_WARNING}\n`);
    expect(run.stdout).toContain("  CNAME auth.dev.alpha-swarm.ai -> placeholder:tenant-custom-domain-domain:verificationRecord\n");
    // The Management API budget at the stack's plan tier (enterprise-nonprod: 2 requests/s).
    expect(run.stdout).toMatch(/\nManagement API budget \(estimate for a fresh pulumi up; model in plan\/economy\.ts\):\n  \d+ resources, about \d+ requests /);
    expect(run.stdout).toMatch(/\n  plan tier enterprise-nonprod: 2 requests\/s sustained, burst 10 → at least [^;]+; run pulumi up --parallel 1\n/);
  });

  it("prints the JSON contract with every secret masked", () => {
    const run = plan("--stack", "dev", "--json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(["stack", "resources", "envFiles", "outputs"]);
    expect(json.stack).toBe("dev");
    for (const resource of json.resources) {
      expect(Object.keys(resource)).toEqual(["type", "name", "parent", "inputs", "protect", "retainOnDelete", "dependsOn"]);
    }
    expect(json.outputs.applications["backend-m2m"].clientSecret).toBe("[secret]");
    expect(json.outputs.applications.spa.clientId).toBe("placeholder:tenant-app-spa-client:clientId");
  });

  it("masks secure stack values and never prints their ciphertext", () => {
    const { file } = stackFile((text) => withoutOrganizationOtp(text).replace("config:\n", "config:\n  auth0:clientSecret:\n    secure: v1:c2VjcmV0LWNpcGhlcnRleHQ=\n"));
    const run = plan("--config", file, "--json");
    // With --json, warnings go to stderr (the JSON contract has no place for them).
    expect(run.stderr).toBe(`${SMS_WARNING}\n`);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("c2VjcmV0LWNpcGhlcnRleHQ");
  });

  it("exits 2 naming auth0kit:environment when the environment is banana, and writes nothing", () => {
    const { file, dir } = stackFile((text) => text.replace("auth0kit:environment: dev", "auth0kit:environment: banana"));
    const out = path.join(dir, "out");
    const run = plan("--config", file, "--out", out);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('auth0kit:environment: "banana" is not allowed; use one of dev, stage, prod, local\n');
    expect(fs.existsSync(out)).toBe(false);
  });

  it("reports every problem at once, one line each, without a stack trace", async () => {
    const { file } = stackFile((text) =>
      text
        .replace("auth0kit:environment: dev", "auth0kit:environment: prod")
        .replace("signingAlg: RS256", "signingAlg: RS512"),
    );
    const run = await planInProcess("--config", file);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toContain('auth0kit:apis.alphaswarm-api.signingAlg: "RS512" is not allowed; use one of RS256, PS256, HS256');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects the dev stack relabelled prod, naming each localhost URL and the missing email provider", async () => {
    const { file } = stackFile((text) => text.replace("auth0kit:environment: dev", "auth0kit:environment: prod"));
    const run = await planInProcess("--config", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      [
        'auth0kit:applications.action-callback-m2m.grants.alphaswarm-api: grants all 17 permissions of API "alphaswarm-api"; grant only what action-callback-m2m needs',
        'auth0kit:applications.agent-broker.grants.mcp-codebase: grants all 2 permissions of API "mcp-codebase"; grant only what agent-broker needs',
        'auth0kit:applications.agent-broker.grants.mcp-data: grants all 2 permissions of API "mcp-data"; grant only what agent-broker needs',
        'auth0kit:applications.backend-m2m.grants.alphaswarm-api: grants all 17 permissions of API "alphaswarm-api"; grant only what backend-m2m needs',
        "auth0kit:applications.spa.callbacks[1]: http://localhost:3001/auth/callback is not allowed in prod; use https with the real host or move it to the dev stack",
        "auth0kit:applications.spa.logoutUrls[1]: http://localhost:3001/ is not allowed in prod; use https with the real host or move it to the dev stack",
        "auth0kit:applications.spa.webOrigins[1]: http://localhost:3001 is not allowed in prod; use https with the real host or move it to the dev stack",
        "auth0kit:email: required in prod: without it Auth0 sends verification, password-reset and invitation emails through its built-in test provider (rate-limited, for testing only); set auth0kit:email.provider (smtp, sendgrid, ses, mailgun, sparkpost, mandrill)",
        "",
      ].join("\n"),
    );
  });

  it("exits 2 when the prod stack turns MFA off", async () => {
    const { file } = stackFile((text) => text.replace("policy: confidence-score", "policy: never"), "Pulumi.prod.yaml");
    const run = await planInProcess("--config", file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("auth0kit:mfa.policy: never is not allowed in prod; use confidence-score (adaptive MFA) or all-applications\n");
  });

  it("exits 2 on a stack file that is not valid YAML", () => {
    const { file } = stackFile((text) => text.replace("  auth0kit:environment: dev", "  auth0kit:environment: [dev"));
    const run = plan("--config", file);
    expect(run.status).toBe(2);
    // The parser reached auth0kit:environment, so the line names it.
    expect(run.stderr).toMatch(/^auth0kit:environment: Pulumi\.scratch\.yaml line \d+, column \d+: .*; fix the YAML syntax\n$/);
  });

  it("exits 2 when a provider secret sits in the stack file in plain text", async () => {
    const { file } = stackFile((text) => text.replace("config:\n", "config:\n  auth0:clientSecret: hunter2\n"));
    const run = await planInProcess("--config", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "auth0:clientSecret: is stored in plain text; remove it from the stack file and set it with: pulumi config set --secret auth0:clientSecret <value>\n",
    );
  });

  it("exits 2 on an unknown option or a missing stack", async () => {
    expect((await planInProcess("--stack", "dev", "--colour")).status).toBe(2);
    const missing = await planInProcess("--stack", "nope");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("Pulumi.nope.yaml: not found; create it or pass --config <file>\n");
  });
});

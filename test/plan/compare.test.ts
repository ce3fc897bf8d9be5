import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { compareSpecs, type ConcernDiff, renderComparison } from "../../plan/compare";
import { compareCommand } from "../../cli/compare";
import { configWith, EMAIL_SECRET, specOf, type ConfigInput } from "../config/fixtures";
import { planInProcess, ROOT, stackFile } from "../planHarness";

/** Only the concerns that differ, as `{ concern: { onlyA, onlyB, changed } }`. */
function differences(a: ConfigInput, b: ConfigInput): Record<string, Omit<ConcernDiff, "concern">> {
  return Object.fromEntries(
    compareSpecs(specOf(a), specOf(b))
      .filter((d) => d.onlyA.length + d.onlyB.length + d.changed.length > 0)
      .map(({ concern, ...rest }) => [concern, rest]),
  );
}

const DIGEST = /^sha256:[0-9a-f]{12}$/;
const SENDGRID = { sendgrid: { apiKey: { secret: "sendgridApiKey" } } };
const SAML = { kind: "enterprise", strategy: "samlp", signInUrl: "https://idp.acme.com/sso", signingCert: "MIIB", applications: ["spa"] };

describe("compareSpecs", () => {
  it.each<[string, ConfigInput, ConfigInput, Record<string, Omit<ConcernDiff, "concern">>]>([
    ["the same configuration differs in nothing", {}, {}, {}],
    [
      "the rollout's enforcement step",
      { "auth0kit:rollout": { enforcement: "permissive" }, "auth0kit:envFiles": { api: { kind: "backend", path: "out/.env", vars: [{ ENFORCE: { ref: "enforcement" } }] } } },
      { "auth0kit:rollout": { enforcement: "strict" }, "auth0kit:envFiles": { api: { kind: "backend", path: "out/.env", vars: [{ ENFORCE: { ref: "enforcement" } }] } } },
      { Rollout: { onlyA: [], onlyB: [], changed: [{ path: "auth0kit:rollout.enforcement", a: "permissive", b: "strict" }] } },
    ],
    [
      "reordered callbacks, grant permissions and Management API scopes are the same sets",
      {
        "auth0kit:applications": {
          spa: { callbacks: ["https://app.example.com/callback", "https://app.example.com/b"] },
          m2m: { grants: { core: { permissions: ["read:things", "write:things"] } }, managementApiScopes: ["read:users", "update:users"] },
        },
      },
      {
        "auth0kit:applications": {
          spa: { callbacks: ["https://app.example.com/b", "https://app.example.com/callback"] },
          m2m: { grants: { core: { permissions: ["write:things", "read:things"] } }, managementApiScopes: ["update:users", "read:users"] },
        },
      },
      {},
    ],
    [
      "an API permission only A has, and a changed identifier",
      { "auth0kit:apis": { core: { permissions: { "delete:things": "Delete things" } } } },
      { "auth0kit:apis": { core: { identifier: "https://api.example.org/" } } },
      {
        "APIs and permissions": {
          onlyA: ["auth0kit:apis.core.permissions.delete:things: Delete things"],
          onlyB: [],
          changed: [{ path: "auth0kit:apis.core.identifier", a: "https://api.example.com/", b: "https://api.example.org/" }],
        },
      },
    ],
    [
      "grant types, grant permissions, URLs and lifetimes of an application, item by item",
      {
        "auth0kit:applications": {
          spa: { callbacks: ["https://app.example.com/callback", "http://localhost:3000/callback"], idTokenLifetime: "10m" },
          m2m: { grants: { core: { permissions: ["read:things"] } } },
        },
      },
      {
        "auth0kit:applications": {
          spa: { grantTypes: ["authorization_code"], idTokenLifetime: "1h" },
          m2m: { grants: { core: { permissions: ["read:things", "admin:all"] } } },
        },
      },
      {
        Applications: {
          onlyA: ["auth0kit:applications.spa.callbacks: http://localhost:3000/callback", "auth0kit:applications.spa.grantTypes: refresh_token"],
          onlyB: ["auth0kit:applications.m2m.grants.core.permissions: admin:all"],
          changed: [{ path: "auth0kit:applications.spa.idTokenLifetime", a: "600", b: "3600" }],
        },
      },
    ],
    [
      "a connection and an organization only B has",
      {},
      { "auth0kit:connections": { "acme-saml": SAML }, "auth0kit:organizations": { acme: { connections: { "acme-saml": {} } } } },
      {
        Connections: { onlyA: [], onlyB: ["auth0kit:connections.acme-saml"], changed: [] },
        Organizations: { onlyA: [], onlyB: ["auth0kit:organizations.acme"], changed: [] },
      },
    ],
    [
      "a role only A has, and a role whose permissions differ, compared as sets",
      {
        "auth0kit:roles": {
          reader: { description: "Reads", permissions: { core: ["read:things", "write:things"] } },
          admin: { description: "Admin", permissions: { core: ["admin:all"] } },
        },
      },
      { "auth0kit:roles": { reader: { description: "Reads", permissions: { core: ["write:things", "admin:all"] } } } },
      {
        Roles: {
          onlyA: ["auth0kit:roles.admin", "auth0kit:roles.reader.permissions.core: read:things"],
          onlyB: ["auth0kit:roles.reader.permissions.core: admin:all"],
          changed: [],
        },
      },
    ],
    [
      "email templates by subject and body digest, never the body itself",
      { [EMAIL_SECRET]: "k", "auth0kit:email": { from: "a@example.com", provider: SENDGRID, templates: { welcome_email: { subject: "Hi", body: "emails/alphaswarm/welcome-email.liquid" } } } },
      { [EMAIL_SECRET]: "k", "auth0kit:email": { from: "b@example.com", provider: SENDGRID, templates: { welcome_email: { subject: "Hi", body: "emails/alphaswarm/reset-email.liquid" } } } },
      {
        Email: {
          onlyA: [],
          onlyB: [],
          changed: [
            { path: "auth0kit:email.from", a: "a@example.com", b: "b@example.com" },
            { path: "auth0kit:email.templates.welcome_email.body", a: expect.stringMatching(DIGEST), b: expect.stringMatching(DIGEST) },
            { path: "auth0kit:email.templates.welcome_email.bodyFile", a: "emails/alphaswarm/welcome-email.liquid", b: "emails/alphaswarm/reset-email.liquid" },
            { path: "auth0kit:email.templates.welcome_email.from", a: "a@example.com", b: "b@example.com" },
          ],
        },
      },
    ],
    [
      "MFA managed in A only, and a changed attack-protection setting",
      { "auth0kit:mfa": { policy: "all-applications", factors: { otp: true, recoveryCodes: true } }, "auth0kit:attackProtection": { bruteForce: { maxAttempts: 5 } } },
      { "auth0kit:attackProtection": { bruteForce: { maxAttempts: 10 } } },
      {
        MFA: { onlyA: ["auth0kit:mfa"], onlyB: [], changed: [] },
        "Attack protection": { onlyA: [], onlyB: [], changed: [{ path: "auth0kit:attackProtection.bruteForce.maxAttempts", a: "5", b: "10" }] },
      },
    ],
    [
      "env files by variable name, whatever the values and the order",
      { "auth0kit:envFiles": { app: { kind: "backend", path: "x/.env", vars: [{ A: "1" }, { comment: "b" }, { B: "2" }, { OLD: "x" }] } } },
      { "auth0kit:envFiles": { app: { kind: "backend", path: "x/.env", vars: [{ B: "3" }, { A: "9" }, { NEW: "y" }] } } },
      { "Env files (variable names)": { onlyA: ["auth0kit:envFiles.app.vars: OLD"], onlyB: ["auth0kit:envFiles.app.vars: NEW"], changed: [] } },
    ],
    [
      "the tenant's locales in another order (the first is the default)",
      { "auth0kit:tenant": { enabledLocales: ["en", "fr"] } },
      { "auth0kit:tenant": { enabledLocales: ["fr", "en"] } },
      { "Environment and tenant": { onlyA: [], onlyB: [], changed: [{ path: "auth0kit:tenant.enabledLocales", a: "[en, fr]", b: "[fr, en]" }] } },
    ],
  ])("%s", (_name, a, b, expected) => {
    expect(differences(configWith(a), configWith(b))).toEqual(expected);
  });

  it("compares an Action's code by digest, never printing it", () => {
    const action = (source: string) => ({
      "auth0kit:actions": { login: { source, trigger: "post-login", order: 1, secrets: { FAIL_CLOSED: { value: "false" } } } },
    });
    const diff = differences(configWith(action("actions/post-login.js")), configWith(action("actions/idp-group-sync.js"))).Actions!;
    expect(diff.onlyA).toEqual([]);
    expect(diff.changed.map((c) => c.path)).toEqual(["auth0kit:actions.login.code", "auth0kit:actions.login.source"]);
    expect(diff.changed[0]!.a).toMatch(/^sha256:[0-9a-f]{12}$/);
  });
});

describe("renderComparison", () => {
  it("prints each concern with what only A has, what only B has and what changed, and says so when nothing differs", () => {
    const text = renderComparison("dev", "prod", [
      { concern: "APIs and permissions", onlyA: ["auth0kit:apis.core.permissions.x: X"], onlyB: ["auth0kit:apis.admin"], changed: [{ path: "auth0kit:apis.core.identifier", a: "a", b: "b" }] },
      { concern: "MFA", onlyA: [], onlyB: [], changed: [] },
    ]);
    expect(text).toBe(
      [
        "Comparing dev with prod: 3 differences",
        "",
        "### APIs and permissions",
        "",
        "only in dev:",
        "- auth0kit:apis.core.permissions.x: X",
        "",
        "only in prod:",
        "- auth0kit:apis.admin",
        "",
        "changed (dev → prod):",
        "- auth0kit:apis.core.identifier: a → b",
        "",
        "### MFA",
        "",
        "no differences",
        "",
      ].join("\n"),
    );
  });
});

describe("npm run compare", () => {
  it("compares the dev and prod stacks by name and exits 0", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/compare.ts"), "dev", "prod"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, AUTH0_DOMAIN: "" },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Comparing dev with prod: \d+ differences\n/);
    expect(run.stdout).toContain("- auth0kit:applications.spa.callbacks: http://localhost:3001/auth/callback\n");
    expect(run.stdout).toContain("only in prod:\n- auth0kit:organizations.acme\n- auth0kit:organizations.globex\n");
    expect(run.stdout).toContain("- auth0kit:apis.alphaswarm-api.identifier: https://api.dev.alpha-swarm.ai/ → https://api.alpha-swarm.ai/\n");
    expect(run.stdout).toContain("- auth0kit:actions.post-login.secrets.FAIL_CLOSED.value: false → true\n");
    expect(run.stdout).toContain("### Env files (variable names)\n\nno differences\n");
  });

  it("accepts stack file paths", async () => {
    let stdout = "";
    const status = await compareCommand(["examples/orcheo/Pulumi.dev.yaml", path.join(ROOT, "examples/orcheo/Pulumi.prod.yaml")], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
    });
    expect(status).toBe(0);
    expect(stdout).toContain("- auth0kit:apis.orcheo-api.userAccess: allow-all → require-client-grant\n");
  });

  it("exits 2 on an invalid stack with the plan's messages under the file's name", async () => {
    const { file } = stackFile((text) => text.replace("auth0kit:environment: dev", "auth0kit:environment: prod"));
    let stdout = "";
    let stderr = "";
    const status = await compareCommand([file, "prod"], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    expect(status).toBe(2);
    expect(stdout).toBe("");
    const [heading, ...messages] = stderr.split("\n");
    expect(heading).toBe(`${path.relative(process.cwd(), file)} is invalid:`);
    expect(messages.join("\n")).toBe((await planInProcess("--config", file)).stderr);
  });

  it("exits 2 without exactly two stacks, or with a missing one", async () => {
    const io = { stdout: { write: () => true }, stderr: { write: () => true } };
    expect(await compareCommand(["dev"], io)).toBe(2);
    let stderr = "";
    expect(await compareCommand(["dev", "nope"], { ...io, stderr: { write: (text: string) => (stderr += text) } })).toBe(2);
    expect(stderr).toBe("Pulumi.nope.yaml is invalid:\nPulumi.nope.yaml: not found; create it or pass --config <file>\n");
  });
});

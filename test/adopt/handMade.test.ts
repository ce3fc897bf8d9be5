/**
 * A tenant built by hand, with what no reference stack has: extra clients (one the schema can hold,
 * one with a SAML add-on, one with no application type), a disabled connection, a passwordless
 * connection, an Action bound to nothing, a role, an EventBridge log stream, a permission the
 * schema refuses, a localhost callback in prod, branding with a logo but no favicon, a replaced
 * login text, and no email provider. The report must list what stays unmanaged and the
 * overrides it wrote, each with its config path, and the stack file must load and plan.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runPlan } from "../../plan/run";
import { emulatorCall } from "./seed";
import { ROOT, runAdopt, scratchProject, tenantApp, type Ran } from "./harness";

const DOMAIN = "handmade.eu.auth0.com";

describe("adopting a tenant built by hand", () => {
  let ran: Ran;
  let dir: string;
  let legacyId: string;

  beforeAll(async () => {
    const app = tenantApp(DOMAIN);
    const call = emulatorCall(app);
    call("POST", "/resource-servers", { name: "Core API", identifier: "https://core.example.com/", scopes: [{ value: "read:things", description: "Read things" }, { value: "Read Users", description: "spaces" }] });
    const spa = call("POST", "/clients", { name: "Web App", app_type: "spa", callbacks: ["https://app.example.com/cb", "http://localhost:3000/cb"], grant_types: ["authorization_code"] }).client_id;
    const portal = call("POST", "/clients", { name: "Partner Portal", app_type: "regular_web", callbacks: ["https://partners.example.com/cb"], grant_types: ["authorization_code"] }).client_id;
    const legacy = call("POST", "/clients", { name: "Legacy SAML App", app_type: "regular_web", addons: { samlp: { audience: "urn:legacy" } } }).client_id;
    call("POST", "/clients", { name: "Default App" });
    call("POST", "/client-grants", { client_id: spa, audience: "https://core.example.com/", scope: ["read:things"], subject_type: "user" });
    const db = call("POST", "/connections", { name: "Username-Password-Authentication", strategy: "auth0", options: { passwordPolicy: "good" } }).id;
    call("PATCH", `/connections/${db}/clients`, [{ client_id: spa, status: true }, { client_id: portal, status: true }, { client_id: legacy, status: true }]);
    legacyId = legacy;
    call("POST", "/connections", { name: "Old-Users", strategy: "auth0" });
    call("POST", "/connections", { name: "email", strategy: "email" });
    const unbound = call("POST", "/actions/actions", { name: "Unbound Action", code: "exports.onExecutePostLogin = async () => {};", supported_triggers: [{ id: "post-login", version: "v3" }] }).id;
    call("POST", `/actions/actions/${unbound}/deploy`);
    call("POST", "/roles", { name: "Support Agent", description: "Reads tickets" });
    call("POST", "/log-streams", { name: "AWS", type: "eventbridge", sink: { awsAccountId: "123456789012", awsRegion: "us-east-1" } });
    call("PATCH", "/branding", { logo_url: "https://handmade.example.com/logo.png" });
    call("PUT", "/prompts/login/custom-text/de", { login: { title: "Willkommen", description: "Melden Sie sich an" } });
    dir = scratchProject();
    ran = await runAdopt(["--stack", "prod", "--domain", DOMAIN], { app, dir });
  });

  it("writes the stack and import files and exits 0", () => {
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "Pulumi.prod.yaml"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "import.prod.json"))).toBe(true);
    expect(fs.readFileSync(path.join(dir, "adopt.prod.md"), "utf8")).toBe(ran.stdout);
  });

  it("lists what stays unmanaged, each with its config path", () => {
    const unmanaged = section(ran.stdout, "Stays unmanaged");
    expect(unmanaged).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^- auth0kit:applications\.legacy-saml-app: client "Legacy SAML App" \(\w+\) uses SAML\/WS-Fed add-ons, which the schema cannot express, so it stays unmanaged$/),
        expect.stringMatching(/^- auth0kit:applications\.default-app: client "Default App" \(\w+\) has application type none; the schema has spa, native, m2m and regular_web, so it stays unmanaged$/),
        expect.stringMatching(/^- auth0kit:connections\.old-users: connection Old-Users \(con_\w+, auth0\) is enabled for no application \(disabled\); it stays unmanaged/),
        expect.stringMatching(/^- auth0kit:connections\.email: connection email \(con_\w+, email\): the schema has database, google-oauth2, github, samlp, oidc, waad, okta, adfs, pingfederate, google-apps connections, so it stays unmanaged$/),
        expect.stringMatching(/^- auth0kit:actions\.unbound-action: Action "Unbound Action" \([\w-]+\) is not bound to any trigger; the schema only holds bound Actions, so it stays unmanaged$/),
        "- auth0kit:login.branding: the tenant's branding has no favicon_url; the schema sets logo, favicon and colours together, so branding stays as Auth0 has it",
        expect.stringMatching(/^- auth0kit:logStreams\.aws: log stream "AWS" \(lst_\w+\) is of type eventbridge; the schema has webhook \(http\), datadog and splunk, so it stays unmanaged$/),
      ]),
    );
    expect(unmanaged).toHaveLength(7);
  });

  it("writes an explicit, reasoned override for every guardrail the tenant fails", () => {
    expect(section(ran.stdout, "Guardrail overrides")).toEqual([
      "- https-only-urls at auth0kit:applications.web-app.callbacks[1]: http://localhost:3000/cb is not allowed in prod; use https with the real host or move it to the dev stack",
      "- rbac-on-every-api at auth0kit:apis.core-api.rbac: false lets any user get any permission of this API in prod; enforce RBAC (rbac: true) and grant permissions through roles",
      "- mfa-enabled at auth0kit:mfa: required in prod; set auth0kit:mfa with a policy such as confidence-score",
      "- attack-protection-on at auth0kit:attackProtection.breachedPasswords.enabled: false turns this protection off in prod; remove enabled: false",
      "- attack-protection-on at auth0kit:attackProtection.suspiciousIpThrottling.enabled: false turns this protection off in prod; remove enabled: false",
      "- log-stream-configured at auth0kit:logStreams: prod needs a log stream, so that logins and admin changes are kept outside Auth0; add a webhook, datadog or splunk stream",
      "- email-provider-configured at auth0kit:email: required in prod: without it Auth0 sends verification, password-reset and invitation emails through its built-in test provider (rate-limited, for testing only); set auth0kit:email.provider (smtp, sendgrid, ses, mailgun, sparkpost, mandrill)",
    ]);
    const overrides = (parse(fs.readFileSync(path.join(dir, "Pulumi.prod.yaml"), "utf8")).config["auth0kit:overrides"] as { rule: string; path: string; reason: string }[]);
    expect(overrides).toHaveLength(7);
    expect(overrides[0]).toEqual({
      rule: "https-only-urls",
      path: "auth0kit:applications.web-app.callbacks[1]",
      reason:
        "Adopted as the tenant was found (npm run adopt), where https-only-urls reports: http://localhost:3000/cb is not allowed in prod; use https with the real host or move it to the dev stack. Review it: change the tenant or the stack, or keep this exception with your own reason.",
    });
  });

  it("reports what the first up changes: a refused permission, a connection's unadopted clients, biometrics first without identifier first", () => {
    const changes = section(ran.stdout, "What the first");
    expect(changes).toContain("- auth0kit:login.webauthnPlatformFirstFactor: on in Auth0 without identifier first, where it has no effect; the schema needs identifierFirst for it, so the first up turns it off");
    expect(changes).toContain('- auth0kit:apis.core-api.permissions: permission "Read Users" cannot be written (permissions are verb:resource, unique ignoring case); the first up removes it from the API');
    expect(changes).toContain(
      `- auth0kit:connections.username-password-authentication.applications: enabled for client ${legacyId}, which is not adopted; ConnectionClients owns the whole set, so the first up disables the connection for it`,
    );
  });

  it("adopts replaced login texts, and no email settings where the tenant has no provider", () => {
    const config = parse(fs.readFileSync(path.join(dir, "Pulumi.prod.yaml"), "utf8")).config;
    expect(config["auth0kit:login"]).toEqual({ texts: { login: { de: { login: { description: "Melden Sie sich an", title: "Willkommen" } } } } });
    expect(config["auth0kit:email"]).toBeUndefined();
    const imports = JSON.parse(fs.readFileSync(path.join(dir, "import.prod.json"), "utf8")) as { resources: { type: string; id?: string }[] };
    expect(imports.resources.filter((r) => r.type === "auth0:index/promptCustomText:PromptCustomText").map((r) => r.id)).toEqual(["login::de"]);
  });

  it("adopts what the schema holds, and the adopted stack plans", async () => {
    const plan = await runPlan({ projectDir: ROOT, stack: "prod", configFile: path.join(dir, "Pulumi.prod.yaml") });
    const names = plan.resources.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["tenant-app-partner-portal-client", "tenant-app-web-app-client", "tenant-connection-username-password-authentication-connection", "tenant-api-core-api-server"]));
    expect(names.filter((n) => /legacy|default-app|old-users|unbound|aws/.test(n))).toEqual([]);
    const imports = JSON.parse(fs.readFileSync(path.join(dir, "import.prod.json"), "utf8")) as { resources: { name: string }[] };
    expect(imports.resources.map((r) => r.name).sort()).toEqual(names.filter((n) => !n.endsWith("-secret")).sort());
  });
});

/** The bullet lines of the report section whose title starts with `title`. */
function section(report: string, title: string): string[] {
  const start = report.indexOf(`## ${title}`);
  const end = report.indexOf("\n## ", start + 1);
  return report.slice(start, end).split("\n").filter((line) => line.startsWith("- "));
}

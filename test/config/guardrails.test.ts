import { describe, expect, it } from "vitest";
import { GUARDRAILS } from "../../config/guardrails";
import { configWith, EMAIL_SECRET, issuesOf, specOf } from "./fixtures";

const prod = (overrides: Record<string, unknown> = {}) => configWith({ "auth0kit:environment": "prod", ...overrides });

describe("production guardrails", () => {
  it("names every guardrail once", () => {
    expect(GUARDRAILS.map((g) => g.name)).toEqual([
      "https-only-urls",
      "rbac-on-every-api",
      "refresh-token-rotation",
      "mfa-enabled",
      "attack-protection-on",
      "log-stream-configured",
      "no-all-permissions-grant",
      "social-credentials",
      "email-provider-configured",
      "strict-enforcement",
      "organization-only-connections",
    ]);
  });

  it("accepts the production-ready base in stage and prod", () => {
    expect(issuesOf(prod())).toEqual([]);
    expect(issuesOf(configWith({ "auth0kit:environment": "stage" }))).toEqual([]);
  });

  it("refuses Auth0's built-in test email provider in stage and prod, and allows it in dev", () => {
    const message = (env: string) =>
      `required in ${env}: without it Auth0 sends verification, password-reset and invitation emails through its built-in test provider (rate-limited, for testing only); set auth0kit:email.provider (smtp, sendgrid, ses, mailgun, sparkpost, mandrill)`;
    expect(issuesOf(prod({ "auth0kit:email": undefined, [EMAIL_SECRET]: undefined }))).toEqual([`auth0kit:email: ${message("prod")}`]);
    expect(issuesOf(configWith({ "auth0kit:environment": "stage", "auth0kit:email": { provider: undefined }, [EMAIL_SECRET]: undefined }))).toEqual([`auth0kit:email.provider: ${message("stage")}`]);
    expect(issuesOf(configWith({ "auth0kit:environment": "dev" }))).toEqual([]);
  });

  it("lets a reviewed override keep the built-in email provider", () => {
    const override = { rule: "email-provider-configured", path: "auth0kit:email", reason: "No email flows are enabled on this tenant yet." };
    expect(issuesOf(prod({ "auth0kit:email": undefined, [EMAIL_SECRET]: undefined, "auth0kit:overrides": [override] }))).toEqual([]);
  });

  it("requires RBAC on every API", () => {
    expect(issuesOf(prod({ "auth0kit:apis": { core: { rbac: false, permissionsInToken: false } } }))).toEqual([
      "auth0kit:apis.core.rbac: false lets any user get any permission of this API in prod; enforce RBAC (rbac: true) and grant permissions through roles",
    ]);
  });

  it("requires rotating refresh tokens on public clients", () => {
    expect(issuesOf(prod({ "auth0kit:applications": { spa: { refreshToken: { rotation: false } } } }))).toEqual([
      "auth0kit:applications.spa.refreshToken.rotation: a public client (spa) needs rotating refresh tokens in prod; set refreshToken: { rotation: true, absoluteLifetime: … }",
    ]);
    expect(issuesOf(prod({ "auth0kit:applications": { native: { refreshToken: undefined } } }))).toEqual([
      "auth0kit:applications.native.refreshToken: a public client (native) needs rotating refresh tokens in prod; set refreshToken: { rotation: true, absoluteLifetime: … }",
    ]);
  });

  it("does not ask rotation of a public client without the refresh_token grant", () => {
    expect(issuesOf(prod({ "auth0kit:applications": { spa: { refreshToken: undefined, grantTypes: ["authorization_code"] } } }))).toEqual([]);
  });

  it("requires MFA to be managed and on", () => {
    expect(issuesOf(prod({ "auth0kit:mfa": undefined }))).toEqual(["auth0kit:mfa: required in prod; set auth0kit:mfa with a policy such as confidence-score"]);
    expect(issuesOf(prod({ "auth0kit:mfa": { policy: "never" } }))).toEqual([
      "auth0kit:mfa.policy: never is not allowed in prod; use confidence-score (adaptive MFA) or all-applications",
    ]);
  });

  it("keeps attack protection on", () => {
    expect(issuesOf(prod({ "auth0kit:attackProtection": { bruteForce: { enabled: false } } }))).toEqual([
      "auth0kit:attackProtection.bruteForce.enabled: false turns this protection off in prod; remove enabled: false",
    ]);
  });

  it("requires a log stream", () => {
    expect(issuesOf(prod({ "auth0kit:logStreams": undefined }))).toEqual([
      "auth0kit:logStreams: prod needs a log stream, so that logins and admin changes are kept outside Auth0; add a webhook, datadog or splunk stream",
    ]);
  });

  it("rejects a grant of every permission an API has", () => {
    expect(issuesOf(prod({ "auth0kit:applications": { m2m: { grants: { core: { permissions: ["admin:all", "read:things", "write:things"] } } } } }))).toEqual([
      'auth0kit:applications.m2m.grants.core: grants all 3 permissions of API "core"; grant only what m2m needs',
    ]);
  });

  it("has no all-scopes shortcut to turn on: allowAllScopes is an unknown key", () => {
    expect(issuesOf(prod({ "auth0kit:applications": { m2m: { grants: { core: { allowAllScopes: true } } } } }))).toEqual([
      'auth0kit:applications.m2m.grants.core: unknown key "allowAllScopes"; remove it or fix the spelling (known keys: permissions, subjectType)',
    ]);
  });

  it("applies no guardrail in dev", () => {
    expect(issuesOf(configWith({ "auth0kit:apis": { core: { rbac: false, permissionsInToken: false } }, "auth0kit:mfa": undefined }))).toEqual([]);
  });
});

describe("guardrail overrides", () => {
  const allGrant = { "auth0kit:applications": { m2m: { grants: { core: { permissions: ["admin:all", "read:things", "write:things"] } } } } };
  const override = (fields: Record<string, unknown>) => ({
    rule: "no-all-permissions-grant",
    path: "auth0kit:applications.m2m.grants.core",
    reason: "The migration job needs every permission until the cutover.",
    ...fields,
  });

  it("lets an explicit override with a reason cover a finding, and keeps it on the spec", () => {
    const spec = specOf(prod({ ...allGrant, "auth0kit:overrides": [override({})] }));
    expect(spec.overrides).toEqual([override({})]);
  });

  it("covers findings below the overridden path", () => {
    const config = prod({
      "auth0kit:applications": { spa: { callbacks: ["http://a.example.com/cb", "http://b.example.com/cb"] } },
      "auth0kit:overrides": [{ rule: "https-only-urls", path: "auth0kit:applications.spa.callbacks", reason: "Legacy kiosk app on a closed network." }],
    });
    expect(issuesOf(config)).toEqual([]);
  });

  it("does not let an override of one rule cover another", () => {
    expect(issuesOf(prod({ ...allGrant, "auth0kit:overrides": [override({ rule: "rbac-on-every-api" })] }))).toEqual([
      'auth0kit:applications.m2m.grants.core: grants all 3 permissions of API "core"; grant only what m2m needs',
      "auth0kit:overrides[0]: rbac-on-every-api reports nothing at auth0kit:applications.m2m.grants.core in prod; remove this override",
    ]);
  });

  it("rejects a stale override that covers nothing", () => {
    expect(issuesOf(prod({ "auth0kit:overrides": [override({})] }))).toEqual([
      "auth0kit:overrides[0]: no-all-permissions-grant reports nothing at auth0kit:applications.m2m.grants.core in prod; remove this override",
    ]);
  });

  it("reports the root cause, not a stale override, when a misspelt permission makes the all-permissions grant look partial", () => {
    const misspelt = { "auth0kit:applications": { m2m: { grants: { core: { permissions: ["admin:all", "read:things", "write:thing"] } } } } };
    expect(issuesOf(prod({ ...misspelt, "auth0kit:overrides": [override({})] }))).toEqual([
      'auth0kit:applications.m2m.grants.core.permissions[2]: "write:thing" is not a permission of API "core"; define it under auth0kit:apis.core.permissions or remove it',
    ]);
  });

  it("rejects an unknown guardrail name, listing the guardrails", () => {
    expect(issuesOf(prod({ ...allGrant, "auth0kit:overrides": [override({ rule: "no-wildcards" })] }))[1]).toBe(
      'auth0kit:overrides[0].rule: unknown guardrail "no-wildcards"; guardrails: https-only-urls, rbac-on-every-api, refresh-token-rotation, mfa-enabled, attack-protection-on, log-stream-configured, no-all-permissions-grant, social-credentials, email-provider-configured, strict-enforcement, organization-only-connections',
    );
  });

  it("requires a written reason", () => {
    expect(issuesOf(prod({ ...allGrant, "auth0kit:overrides": [override({ reason: "because" })] }))).toEqual([
      "auth0kit:overrides[0].reason: say why in at least 20 characters; reviewers read it in every plan",
    ]);
  });
});

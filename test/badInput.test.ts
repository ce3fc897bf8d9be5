import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { plan, planInProcess, ROOT } from "./planHarness";

/**
 * The bad-input corpus: one small stack file per defect under test/fixtures/bad-stacks/, each a
 * minimal valid dev or prod stack with one thing broken (the file's first line says what). Each
 * must be rejected by the plan with exit 2 and exactly the lines below on stderr — the config path
 * and a message saying how to fix it, no stack trace — before anything is written.
 */
const CORPUS = path.join(ROOT, "test/fixtures/bad-stacks");

/** Values pasted into the corpus that must never be echoed back. */
const PROVIDER_SECRET = "s3cr3t-provider-value-0001";
const REFERENCED_SECRET = "gh-plain-text-value-123";
const PASTED_SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a0PASTED";

const NO_ALL_PERMISSIONS = (app: string) =>
  `auth0kit:applications.${app}.grants.core: grants all 2 permissions of API "core"; grant only what ${app} needs`;

// [case (the file is Pulumi.<case>.yaml), the exact stderr lines]
const CASES: [string, string[]][] = [
  // Broken YAML: the file name, the position, the parser's message.
  ["yaml-bad-indent", ["auth0kit:applications.spa: Pulumi.yaml-bad-indent.yaml line 14, column 1: All mapping items must start at the same column; fix the YAML syntax"]],
  ["yaml-duplicate-key", ["auth0kit:environment: Pulumi.yaml-duplicate-key.yaml line 5, column 3: Map keys must be unique; fix the YAML syntax"]],
  // Only the first syntax error: the rest follow from it.
  ["yaml-unclosed-quote", ['auth0kit:applications.spa.callbacks[0]: Pulumi.yaml-unclosed-quote.yaml line 15, column 1: Missing closing "quote; fix the YAML syntax']],
  ["yaml-tab", ["Pulumi.yaml-tab.yaml: line 12, column 1: Tabs are not allowed as indentation; fix the YAML syntax"]],
  ["top-level-list", ["Pulumi.top-level-list.yaml: must be a map with a config: section"]],

  // Wrong types.
  ["wrong-type-string-for-number", ['auth0kit:connections.users.passwordHistory: expected a number, got the text "five"']],
  ["wrong-type-list-for-map", ["auth0kit:apis.core.permissions: expected a map, got a list"]],

  ["wrong-type-boolean-yes", ['auth0kit:apis.core.rbac: expected true or false, got the text "yes"']],

  // Unknown keys.
  [
    "unknown-top-level-key",
    ['auth0kit:application: unknown key; did you mean "auth0kit:applications"?'],
  ],
  [
    "email-unknown-template",
    [
      'auth0kit:email.templates: "verify_emial" is not an Auth0 email template; did you mean "verify_email"? Auth0\'s templates are verify_email, verify_email_by_code, reset_email, reset_email_by_code, welcome_email, blocked_account, stolen_credentials, enrollment_email, mfa_oob_code, user_invitation',
    ],
  ],
  ["unknown-nested-key", ['auth0kit:applications.spa: unknown key "callbaks"; did you mean "callbacks"?']],

  // Dangling references.
  ["grant-unknown-api", ['auth0kit:applications.m2m.grants.billing: unknown API "billing"; defined APIs: core']],
  [
    "grant-undefined-permission",
    ['auth0kit:applications.m2m.grants.core.permissions[1]: "delete:things" is not a permission of API "core"; define it under auth0kit:apis.core.permissions or remove it'],
  ],
  [
    "role-undefined-permission",
    ['auth0kit:roles.editor.permissions.core[1]: "delete:things" is not a permission of API "core"; define it under auth0kit:apis.core.permissions or remove it'],
  ],
  ["role-unknown-api", ['auth0kit:roles.accountant.permissions.billing: unknown API "billing"; defined APIs: core']],
  ["connection-unknown-application", ['auth0kit:connections.users.applications[1]: unknown application "mobile"; defined applications: spa']],
  ["organization-unknown-connection", ['auth0kit:organizations.acme.connections.acme-okta: unknown connection "acme-okta"; defined connections: users']],
  ["envfile-unknown-application", ['auth0kit:envFiles.frontend.vars[0].CLIENT_ID.application: unknown application "web"; defined applications: spa']],
  ["envfile-unknown-api", ['auth0kit:envFiles.backend.vars[0].AUDIENCE.api: unknown API "billing"; defined APIs: core']],
  ["envfile-unknown-organization", ['auth0kit:envFiles.backend.vars[0].ORGANIZATION.organization: unknown organization "globex"; defined organizations: acme']],
  ["envfile-unknown-log-stream", ['auth0kit:envFiles.backend.vars[0].LOG_STREAM_SECRET.logStream: unknown log stream "backend"; defined log streams: audit']],
  [
    "envfile-unknown-generated-secret",
    [
      'auth0kit:envFiles.backend.vars[0].SIGNING_KEY.name: unknown generated secret "signing-key"; defined generated secrets: session-key (add it under auth0kit:generatedSecrets)',
    ],
  ],

  ["delegation-audience-unknown-api", ['auth0kit:actions.delegation.tokenExchangeProfile.audiences[0]: unknown API "mcp"; defined APIs: core']],
  ["envfile-enforcement-unstaged", ["auth0kit:envFiles.backend.vars[0].AUTH_ENFORCE: the stack stages no rollout; set auth0kit:rollout.enforcement (permissive or strict) or write the value here"]],

  // Unsafe production settings (the production guardrails).
  [
    "prod-enterprise-without-organization",
    [
      "auth0kit:connections.acme-saml: the connection of organization acme lets its users sign in to spa without the organization in prod; set requireOrganization: true, or organizations.usage: require on spa",
    ],
  ],
  [
    "prod-permissive-enforcement",
    [
      "auth0kit:rollout.enforcement: permissive serves requests that fail authentication in prod; use strict, or add an override of strict-enforcement with the rollout's reason while the would-be denials are checked",
    ],
  ],
  [
    "prod-http-callback",
    ["auth0kit:applications.spa.callbacks[0]: http://app.example.com/callback is not allowed in prod; use https with the real host or move it to the dev stack"],
  ],
  [
    "prod-localhost",
    ["auth0kit:applications.spa.logoutUrls[0]: https://localhost:3000/ points at this machine, which is not allowed in prod; use https with the real host or move it to the dev stack"],
  ],
  ["prod-wildcard", ["auth0kit:applications.spa.webOrigins[0]: https://*.example.com has a wildcard, which is not allowed in prod; list each URL explicitly"]],
  [
    "prod-rbac-off",
    ["auth0kit:apis.core.rbac: false lets any user get any permission of this API in prod; enforce RBAC (rbac: true) and grant permissions through roles"],
  ],
  ["prod-mfa-never", ["auth0kit:mfa.policy: never is not allowed in prod; use confidence-score (adaptive MFA) or all-applications"]],
  ["prod-no-mfa", ["auth0kit:mfa: required in prod; set auth0kit:mfa with a policy such as confidence-score"]],
  [
    "prod-no-log-stream",
    ["auth0kit:logStreams: prod needs a log stream, so that logins and admin changes are kept outside Auth0; add a webhook, datadog or splunk stream"],
  ],
  ["prod-attack-protection-off", ["auth0kit:attackProtection.breachedPasswords.enabled: false turns this protection off in prod; remove enabled: false"]],
  [
    "prod-spa-no-rotation",
    ["auth0kit:applications.spa.refreshToken.rotation: a public client (spa) needs rotating refresh tokens in prod; set refreshToken: { rotation: true, absoluteLifetime: … }"],
  ],
  [
    "prod-social-developer-keys",
    [
      "auth0kit:connections.github: needs its own credentials in prod: Auth0's developer keys are for testing only; set clientId and clientSecret: { secret: <key> } from the github developer console",
    ],
  ],
  [
    "prod-no-email-provider",
    [
      "auth0kit:email: required in prod: without it Auth0 sends verification, password-reset and invitation emails through its built-in test provider (rate-limited, for testing only); set auth0kit:email.provider (smtp, sendgrid, ses, mailgun, sparkpost, mandrill)",
    ],
  ],
  ["prod-all-permissions-grant", [NO_ALL_PERMISSIONS("m2m")]],
  ["prod-stale-override", ["auth0kit:overrides[0]: no-all-permissions-grant reports nothing at auth0kit:applications.m2m.grants.core in prod; remove this override"]],

  [
    "dev-keys-behind-custom-domain",
    [
      "auth0kit:connections.github: runs on Auth0's developer keys, which do not work behind the custom domain auth.example.com; set clientId and clientSecret: { secret: <key> } from the github developer console",
    ],
  ],

  // Login experience.
  [
    "login-identifier-first-off",
    [
      "auth0kit:login.identifierFirst: false turns home-realm discovery off: connections acme-saml route users by email domain (domainAliases) only after an identifier-first screen; set identifierFirst: true",
    ],
  ],
  [
    "login-biometrics-without-factor",
    ["auth0kit:login.webauthnPlatformFirstFactor: needs the WebAuthn platform factor for enrollment; set auth0kit:mfa.factors.webauthnPlatform: true"],
  ],

  // Lifetimes out of bounds.
  ["api-token-lifetime-over-30d", ["auth0kit:apis.core.tokenLifetime: 31d exceeds Auth0's maximum of 30d; lower it"]],
  [
    "web-lifetime-over-token-lifetime",
    ["auth0kit:apis.core.tokenLifetimeForWeb: 4h exceeds the API's tokenLifetime of 1h; browser-flow tokens may not outlive the API's tokens"],
  ],
  [
    "refresh-idle-over-absolute",
    ["auth0kit:applications.spa.refreshToken.idleLifetime: 7d exceeds the absolute lifetime of 24h; the inactivity lifetime must not be longer than the absolute one"],
  ],
  [
    "durations-in-written-units",
    ["auth0kit:applications.spa.refreshToken.idleLifetime: 48h exceeds the absolute lifetime of 24h; the inactivity lifetime must not be longer than the absolute one"],
  ],
  ["session-idle-over-absolute", ["auth0kit:tenant.idleSessionLifetime: 72h exceeds the session lifetime of 24h; a session cannot stay idle longer than it lives"]],
  [
    "non-duration-lifetime",
    ['auth0kit:applications.spa.idTokenLifetime: "ten minutes" is not a duration; write seconds (e.g. 900) or a number with s, m, h or d (e.g. 15m)'],
  ],

  // Secrets in plain text, and a secret where none may go.
  [
    "provider-secret-plain",
    ["auth0:clientSecret: is stored in plain text; remove it from the stack file and set it with: pulumi config set --secret auth0:clientSecret <value>"],
  ],
  [
    "referenced-secret-plain",
    [
      "auth0kit:githubClientSecret: is stored in plain text; remove it from the stack file and set it with: pulumi config set --secret auth0kit:githubClientSecret <value>",
    ],
  ],
  [
    "secret-pasted-inline",
    [
      "auth0kit:connections.github.clientSecret: must reference a secret config key, e.g. { secret: googleClientSecret }, never hold the value itself; store the value with: pulumi config set --secret auth0kit:<key> <value>",
    ],
  ],
  [
    "frontend-client-secret",
    [
      "auth0kit:envFiles.frontend.vars[0].VITE_CLIENT_SECRET: a frontend file can never hold a secret (it ends up in the browser bundle); move this variable to a backend file",
    ],
  ],

  // Literals where a typed reference would be checked.
  [
    "literal-audience-mismatch",
    [
      `auth0kit:envFiles.frontend.vars[1].VITE_AUDIENCE: "https://api.example.org/" is not an audience of this stack (this stack's are https://api.example.com/, https://example-dev.us.auth0.com/api/v2/); write { ref: apiIdentifier, api: <API key> } (or { ref: managementApiAudience })`,
    ],
  ],

  // Management API scopes, display names, and what a local stack cannot hold.
  ["management-scope-misspelt", ['auth0kit:applications.m2m.managementApiScopes[0]: "read:userz" is not an Auth0 Management API scope; did you mean "read:users"?']],
  [
    "duplicate-application-name",
    ['auth0kit:applications.web.name: "Backend" is also the name of application "api-worker"; give each application its own, so people and tools can tell them apart'],
  ],
  [
    "local-declares-apis",
    ["auth0kit:apis: a local stack provisions nothing in Auth0, so these APIs would never be created; remove auth0kit:apis or move it to a dev stack"],
  ],

  // Keys the runtime drops or treats specially, control characters, sizes and paths.
  ["proto-key", ['auth0kit:applications.__proto__: "__proto__" cannot be a key (JavaScript gives it a special meaning, so the entry would be lost); rename it']],
  [
    "constructor-key",
    ['auth0kit:organizations.acme.connections.constructor: "constructor" cannot be a key (JavaScript gives it a special meaning, so the entry would be lost); rename it'],
  ],
  ["control-character-in-callback", ["auth0kit:applications.spa.callbacks[0]: contains the control character U+0000 at position 25; remove it"]],
  ["api-name-too-long", ["auth0kit:apis.core.name: is 201 characters long; Auth0 accepts at most 200; shorten it"]],
  [
    "envfile-path-escapes",
    [
      'auth0kit:envFiles.backend.path: "../../etc/passwd" is outside the workspace root "." (the project directory); write the file inside it, or declare the directory it belongs to with auth0kit:workspaceRoot',
    ],
  ],

  // Environment, provider, permissions and grant types.
  ["bad-environment-name", ['auth0kit:environment: "production" is not allowed; use one of dev, stage, prod, local']],
  [
    "dev-missing-domain",
    ["auth0:domain: required; set the tenant's domain with: pulumi config set auth0:domain <tenant>.<region>.auth0.com (or export AUTH0_DOMAIN)"],
  ],
  [
    "malformed-permission-name",
    ['auth0kit:apis.core.permissions["read things"]: "read things" is not a well-formed permission; use verb:resource with no spaces, e.g. read:portfolio'],
  ],
  [
    "duplicate-permission-case",
    ['auth0kit:apis.core.permissions.Read:Things: duplicates permission "read:things" (names are compared without case); keep one of them'],
  ],
  [
    "spa-client-credentials",
    ["auth0kit:applications.spa.grantTypes[1]: client_credentials is not allowed on a single-page application; allowed: authorization_code, implicit, refresh_token"],
  ],
  [
    "m2m-device-code",
    [
      "auth0kit:applications.m2m.grantTypes[1]: urn:ietf:params:oauth:grant-type:device_code is not allowed on a machine-to-machine application; allowed: client_credentials, urn:ietf:params:oauth:grant-type:token-exchange",
    ],
  ],
];

const fileOf = (name: string) => path.join(CORPUS, `Pulumi.${name}.yaml`);

describe("the bad-input corpus", () => {
  let scratch: string;

  beforeAll(() => {
    // The plan falls back to the caller's AUTH0_* variables; a developer's shell must not fix a case.
    vi.stubEnv("AUTH0_DOMAIN", "");
    vi.stubEnv("AUTH0_CLIENT_ID", "");
    vi.stubEnv("AUTH0_CLIENT_SECRET", "");
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-bad-input-"));
  });

  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("holds exactly the cases below, at least 30, each saying what is wrong on its first line", () => {
    const files = fs.readdirSync(CORPUS).sort();
    expect(files).toEqual(CASES.map(([name]) => `Pulumi.${name}.yaml`).sort());
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    for (const file of files) expect(fs.readFileSync(path.join(CORPUS, file), "utf8")).toMatch(/^# \S/);
  });

  it.each(CASES)("rejects %s with exit 2, its exact message and path, no stack trace, nothing written", async (name, lines) => {
    const outDir = path.join(scratch, name);
    const run = await planInProcess("--config", fileOf(name), "--out", outDir);
    expect(run.stderr).toBe(lines.map((line) => `${line}\n`).join(""));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toContain("\n    at ");
    expect(fs.existsSync(outDir)).toBe(false);
  });

  it.each([
    ["provider-secret-plain", PROVIDER_SECRET],
    ["referenced-secret-plain", REFERENCED_SECRET],
    ["secret-pasted-inline", PASTED_SECRET],
  ])("never echoes the plain-text secret of %s", async (name, secret) => {
    // The value really is in the file, so its absence from the output means something.
    expect(fs.readFileSync(fileOf(name), "utf8")).toContain(secret);
    const run = await planInProcess("--config", fileOf(name), "--out", path.join(scratch, `${name}-echo`));
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it("exits 2 the same way from the real CLI in a child process", () => {
    const name = "prod-all-permissions-grant";
    const outDir = path.join(scratch, `${name}-child`);
    const run = plan("--config", fileOf(name), "--out", outDir);
    expect(run.stderr).toBe(`${NO_ALL_PERMISSIONS("m2m")}\n`);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(fs.existsSync(outDir)).toBe(false);
  });
});

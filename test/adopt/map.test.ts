/** The mapping of each Auth0 object kind to the stack file's schema, as pure functions. */
import { describe, expect, it } from "vitest";
import { Findings } from "../../adopt/findings";
import { assignKeys, camelKey, slug } from "../../adopt/keys";
import { adoptActions } from "../../adopt/map/actions";
import { adoptApis } from "../../adopt/map/apis";
import { adoptApplications } from "../../adopt/map/applications";
import { adoptAttackProtection } from "../../adopt/map/attackProtection";
import { adoptConnections } from "../../adopt/map/connections";
import { adoptEmail } from "../../adopt/map/email";
import { AUTH0_BRANDING_COLORS, adoptLogin } from "../../adopt/map/login";
import { adoptLogStreams } from "../../adopt/map/logStreams";
import { adoptMfa } from "../../adopt/map/mfa";
import { adoptOrganizations } from "../../adopt/map/organizations";
import { adoptTenantSettings } from "../../adopt/map/tenantSettings";
import { REDACTED, type GuardianSnapshot } from "../../adopt/tenant";

const MGMT = "https://acme.us.auth0.com/api/v2/";

describe("keys", () => {
  it("are slugs of the names, starting with a letter", () => {
    expect(slug("Username-Password-Authentication", "connection")).toBe("username-password-authentication");
    expect(slug("My  SPA (prod)", "app")).toBe("my-spa-prod");
    expect(slug("2fa app", "app")).toBe("app-2fa-app");
    expect(slug("!!!", "app")).toBe("app");
  });

  it("do not depend on the order Auth0 lists things in, and repeated names get -2, -3", () => {
    const items = [{ id: "c", name: "App" }, { id: "a", name: "App" }, { id: "b", name: "app" }];
    const keys = assignKeys(items, (i) => i.name, (i) => i.id, "app");
    expect(Object.fromEntries(keys)).toEqual({ a: "app", c: "app-2", b: "app-3" });
    expect(Object.fromEntries(assignKeys([...items].reverse(), (i) => i.name, (i) => i.id, "app"))).toEqual(Object.fromEntries(keys));
  });

  it("make camelCase secret keys", () => {
    expect(camelKey("google-oauth2", "clientSecret")).toBe("googleOauth2ClientSecret");
    expect(camelKey("post-login", "CLIENT_SECRET")).toBe("postLoginClientSecret");
  });
});

describe("tenant settings", () => {
  it("keeps what is set, writes the session lifetimes, and notes what Auth0 does not hold", () => {
    const findings = new Findings();
    const settings = { friendly_name: "Acme", support_email: "", session_lifetime: 168, idle_session_lifetime: 72, enabled_locales: ["en"], default_audience: "", flags: { enable_client_connections: true } };
    expect(adoptTenantSettings(settings, [], findings)).toEqual({ tenant: { friendlyName: "Acme", sessionLifetime: "168h", idleSessionLifetime: "72h", enableClientConnections: true } });
    expect(findings.notes.map((n) => n.path)).toEqual(["auth0kit:tenant.planTier"]);
  });

  it("rounds a fractional session lifetime and says the first up will", () => {
    const findings = new Findings();
    expect(adoptTenantSettings({ session_lifetime: 0.5 }, [], findings).tenant).toEqual({ sessionLifetime: "1h" });
    expect(findings.changes).toEqual([{ path: "auth0kit:tenant.sessionLifetime", message: "Auth0 has 0.5 hours; the stack file takes whole hours, so the first up sets 1h" }]);
  });

  it("adopts one Auth0-managed custom domain and leaves the others unmanaged", () => {
    const findings = new Findings();
    const domains = [
      { custom_domain_id: "cd_2", domain: "login.acme.com", type: "self_managed_certs", primary: false },
      { custom_domain_id: "cd_1", domain: "auth.acme.com", type: "auth0_managed_certs", primary: true, status: "ready" },
    ];
    expect(adoptTenantSettings({}, domains, findings)).toEqual({ tenant: { customDomain: { domain: "auth.acme.com" } }, customDomainId: "cd_1" });
    expect(findings.unmanaged).toEqual([{ path: "auth0kit:tenant.customDomain", message: "custom domain login.acme.com (cd_2) stays unmanaged: a stack manages one custom domain" }]);
    expect(findings.notes[1]!.message).toContain("set it to true if your tokens are issued on auth.acme.com (Auth0 shows it ready)");
  });
});

describe("APIs", () => {
  it("skip the Management API, leave the schema's defaults out and keep permissions", () => {
    const findings = new Findings();
    const servers = [
      { id: "mgmt", name: "Auth0 Management API", identifier: MGMT, is_system: true },
      {
        id: "rs_1",
        name: "Core API",
        identifier: "https://core.acme.com/",
        signing_alg: "RS256",
        enforce_policies: true,
        token_dialect: "access_token_authz",
        token_lifetime: 86400,
        token_lifetime_for_web: 3600,
        skip_consent_for_verifiable_first_party_clients: true,
        subject_type_authorization: { user: { policy: "require_client_grant" }, client: { policy: "require_client_grant" } },
        scopes: [{ value: "read:things", description: "Read things" }, { value: "write:things", description: "" }],
      },
    ];
    expect(adoptApis(servers, findings)).toEqual([
      {
        key: "core-api",
        id: "rs_1",
        identifier: "https://core.acme.com/",
        config: { name: "Core API", identifier: "https://core.acme.com/", tokenLifetimeForWeb: "1h", userAccess: "require-client-grant", permissions: { "read:things": "Read things", "write:things": "write:things" } },
      },
    ]);
    expect(findings.changes).toEqual([{ path: "auth0kit:apis.core-api.permissions.write:things", message: "Auth0 has no description; the schema needs one, so it is set to the permission's name — write a real one" }]);
  });

  it("report what the schema cannot hold: an RFC 9068 dialect, a permission that is not verb:resource", () => {
    const findings = new Findings();
    const [api] = adoptApis([{ id: "rs_1", name: "api", identifier: "https://api/", token_dialect: "rfc9068_profile", scopes: [{ value: "Read Users", description: "x" }] }], findings);
    expect(api!.config).toEqual({ identifier: "https://api/", rbac: false, permissionsInToken: false });
    expect(findings.changes.map((c) => c.message)).toEqual([
      "token dialect rfc9068_profile (RFC 9068) cannot be written; the first up sets access_token",
      'permission "Read Users" cannot be written (permissions are verb:resource, unique ignoring case); the first up removes it from the API',
    ]);
  });
});

describe("applications", () => {
  const apis = [{ key: "core", id: "rs_1", identifier: "https://core.acme.com/", config: {} }];
  const context = { managementAudience: MGMT, readerClientId: "pulumi" };

  it("map a SPA with rotating refresh tokens, organizations and a user grant", () => {
    const findings = new Findings();
    const spa = {
      client_id: "spa1",
      name: "Web",
      app_type: "spa",
      description: "Managed by Pulumi",
      callbacks: ["https://app.acme.com/cb"],
      grant_types: ["authorization_code", "refresh_token"],
      jwt_configuration: { alg: "RS256", lifetime_in_seconds: 600 },
      refresh_token: { rotation_type: "rotating", expiration_type: "expiring", token_lifetime: 86400, infinite_token_lifetime: false, idle_token_lifetime: 3600, infinite_idle_token_lifetime: false, leeway: 0 },
      organization_usage: "require",
      organization_require_behavior: "pre_login_prompt",
      client_secret: REDACTED,
    };
    const grants = [{ id: "cgr_1", client_id: "spa1", audience: "https://core.acme.com/", scope: ["read:things"], subject_type: "user" }];
    expect(adoptApplications([spa], grants, apis, context, findings)).toEqual([
      {
        key: "web",
        clientId: "spa1",
        grantIds: { "https://core.acme.com/": "cgr_1" },
        config: {
          name: "Web",
          type: "spa",
          callbacks: ["https://app.acme.com/cb"],
          idTokenLifetime: "10m",
          refreshToken: { rotation: true, absoluteLifetime: "1d", idleLifetime: "1h" },
          organizations: { usage: "require", requireBehavior: "pre-login-prompt" },
          grants: { core: { permissions: ["read:things"] } },
        },
      },
    ]);
    expect(findings.changes).toEqual([]);
  });

  it("map an m2m client with Management API scopes; a non-post secret method is a change", () => {
    const findings = new Findings();
    const m2m = { client_id: "m1", name: "worker", app_type: "non_interactive", grant_types: ["client_credentials"], token_endpoint_auth_method: "client_secret_basic" };
    const grants = [
      { id: "cgr_m", client_id: "m1", audience: MGMT, scope: ["read:users"] },
      { id: "cgr_x", client_id: "m1", audience: "https://other/", scope: ["a:b"] },
    ];
    expect(adoptApplications([m2m], grants, apis, context, findings)).toEqual([{ key: "worker", clientId: "m1", grantIds: { [MGMT]: "cgr_m" }, config: { type: "m2m", description: "", managementApiScopes: ["read:users"] } }]);
    expect(findings.changes).toEqual([{ path: "auth0kit:applications.worker", message: "authenticates with client_secret_basic; auth0kit's confidential clients use client_secret_post, which the first up sets" }]);
    expect(findings.unmanaged).toEqual([{ path: "auth0kit:applications.worker.grants", message: "grant cgr_x to https://other/ stays unmanaged: that API is not adopted" }]);
  });

  it("leave unmanaged the global client, the adopter's own client, unknown types and add-ons", () => {
    const findings = new Findings();
    const clients = [
      { client_id: "g", name: "All Applications", global: true },
      { client_id: "pulumi", name: "Pulumi", app_type: "non_interactive" },
      { client_id: "x", name: "Express", app_type: "express_configuration" },
      { client_id: "s", name: "SAML", app_type: "regular_web", addons: { samlp: {} } },
    ];
    expect(adoptApplications(clients, [], apis, context, findings)).toEqual([]);
    expect(findings.unmanaged.map((f) => f.path)).toEqual(["auth0kit:applications.pulumi", "auth0kit:applications.express", "auth0kit:applications.saml"]);
  });
});

describe("connections", () => {
  const apps = new Map([["spa1", "web"]]);
  const adopt = (connection: Record<string, unknown>, findings = new Findings(), clients: string[] = ["spa1"]) =>
    adoptConnections([{ id: "con_1", ...connection }], { con_1: clients }, apps, findings)[0]?.config;

  it("invert a database connection's options", () => {
    const options = { passwordPolicy: "excellent", password_history: { enable: true, size: 10 }, password_dictionary: { enable: true }, password_no_personal_info: { enable: false }, password_complexity_options: { min_length: 12 }, disable_signup: true, brute_force_protection: true };
    expect(adopt({ name: "Username-Password-Authentication", strategy: "auth0", options })).toEqual({
      kind: "database",
      name: "Username-Password-Authentication",
      passwordPolicy: "excellent",
      passwordHistory: 10,
      passwordNoPersonalInfo: false,
      passwordMinLength: 12,
      disableSignup: true,
      applications: ["web"],
    });
  });

  it("turn a social connection's secret into a reference, and keep non-default scopes", () => {
    const findings = new Findings();
    expect(adopt({ name: "github", strategy: "github", options: { client_id: "Ov23", client_secret: REDACTED, email: true, read_user: true, read_org: true, upstream_params: {} } }, findings)).toEqual({
      kind: "social",
      strategy: "github",
      clientId: "Ov23",
      clientSecret: { secret: "githubClientSecret" },
      scopes: ["email", "read_org", "read_user"],
      applications: ["web"],
    });
    expect(findings.secrets).toEqual([{ key: "githubClientSecret", path: "auth0kit:connections.github.clientSecret", what: "the github OAuth app's client secret (its developer console)" }]);
  });

  it("read group sync back from each enterprise strategy", () => {
    expect(adopt({ name: "acme-entra", strategy: "waad", display_name: "Acme", options: { tenant_domain: "acme.onmicrosoft.com", client_id: "c", client_secret: REDACTED, ext_groups: false, identity_api: "microsoft-identity-platform-v2.0", domain_aliases: ["acme.com"] } })).toEqual({
      kind: "enterprise",
      displayName: "Acme",
      strategy: "waad",
      domainAliases: ["acme.com"],
      tenantDomain: "acme.onmicrosoft.com",
      clientId: "c",
      clientSecret: { secret: "acmeEntraClientSecret" },
      syncGroups: false,
      applications: ["web"],
    });
    expect(adopt({ name: "okta", strategy: "okta", options: { domain: "acme.okta.com", client_id: "c", scope: "email groups openid profile" } })).toMatchObject({ strategy: "okta", domain: "acme.okta.com", clientId: "c" });
    expect(adopt({ name: "oidc", strategy: "oidc", options: { discovery_url: "https://idp/.well-known/openid-configuration", issuer: "https://idp", scope: "openid" } })).toMatchObject({ discoveryUrl: "https://idp/.well-known/openid-configuration", syncGroups: false });
    expect(adopt({ name: "saml", strategy: "samlp", options: { signInEndpoint: "https://idp/sso", signingCert: "MIIB", fieldsMap: { groups: "memberOf" } } })).toMatchObject({ signInUrl: "https://idp/sso", signingCert: "MIIB", groupsAttribute: "memberOf" });
  });

  it("read requireOrganization back from the connection metadata auth0kit sets, and only from that", () => {
    const saml = { name: "saml", strategy: "samlp", options: { signInEndpoint: "https://idp/sso", signingCert: "MIIB" } };
    expect(adopt({ ...saml, metadata: { organization_required: "true" } })).toMatchObject({ requireOrganization: true });
    expect(adopt({ ...saml, metadata: { organization_required: "false" } })).not.toHaveProperty("requireOrganization");
    expect(adopt(saml)).not.toHaveProperty("requireOrganization");
  });

  it("leave unmanaged a disabled connection, a custom database and an unknown strategy; report unadopted clients", () => {
    const findings = new Findings();
    expect(adopt({ name: "Old", strategy: "auth0" }, findings, [])).toBeUndefined();
    expect(adopt({ name: "Legacy", strategy: "auth0", options: { enabledDatabaseCustomization: true, customScripts: { login: "x" } } }, findings)).toBeUndefined();
    expect(adopt({ name: "sms", strategy: "sms" }, findings)).toBeUndefined();
    expect(findings.unmanaged.map((f) => f.path)).toEqual(["auth0kit:connections.old", "auth0kit:connections.legacy", "auth0kit:connections.sms"]);
    adopt({ name: "db", strategy: "auth0" }, findings, ["spa1", "other"]);
    expect(findings.changes.at(-1)).toEqual({ path: "auth0kit:connections.db.applications", message: "enabled for client other, which is not adopted; ConnectionClients owns the whole set, so the first up disables the connection for it" });
  });
});

describe("organizations", () => {
  it("map branding and enabled connections, leaving Auth0's defaults out", () => {
    const findings = new Findings();
    const orgs = [
      { id: "org_1", name: "acme", display_name: "Acme Corp", branding: { logo_url: "https://cdn/acme.png", colors: { primary: "#000000", page_background: "#ffffff" } } },
      { id: "org_2", name: "Bad Name!", display_name: "x" },
    ];
    const links = { org_1: [{ connection_id: "con_1", assign_membership_on_login: true, show_as_button: true }, { connection_id: "con_9", show_as_button: false }] };
    expect(adoptOrganizations(orgs, links, new Map([["con_1", "db"]]), findings)).toEqual([
      {
        key: "acme",
        id: "org_1",
        name: "acme",
        config: { displayName: "Acme Corp", branding: { logoUrl: "https://cdn/acme.png", colors: { primary: "#000000", pageBackground: "#ffffff" } }, connections: { db: { assignMembershipOnLogin: true } } },
      },
    ]);
    expect(findings.unmanaged.map((f) => f.path)).toEqual(["auth0kit:organizations.bad-name"]);
    expect(findings.changes.map((f) => f.path)).toEqual(["auth0kit:organizations.acme.connections"]);
  });
});

describe("Actions", () => {
  const action = (id: string, name: string, trigger = "post-login", version = "v3", extra: Record<string, unknown> = {}) => ({
    id,
    name,
    code: `// ${name}\n`,
    runtime: "node22",
    supported_triggers: [{ id: trigger, version }],
    secrets: [{ name: "API_KEY" }, { name: "FAIL_CLOSED" }],
    ...extra,
  });

  it("take the order from the bindings, the source from the project when the code is there, and secrets as references", () => {
    const findings = new Findings();
    const actions = [action("a1", "First"), action("a2", "Second", "post-login", "v3", { dependencies: [{ name: "jose", version: "5.0.0" }] })];
    const bindings = { "post-login": [{ action: { id: "a2" } }, { action: { id: "a1" } }] };
    const adopted = adoptActions(actions, bindings, [], new Map([["// First\n", "actions/first.js"]]), false, findings);
    expect(adopted.map((a) => [a.key, a.source.path, a.config.order])).toEqual([["first", "actions/first.js", 2], ["second", "actions/second.js", 1]]);
    expect(adopted[1]!.config).toEqual({ name: "Second", source: "actions/second.js", trigger: "post-login", order: 1, secrets: { API_KEY: { secret: "secondApiKey" } }, dependencies: { jose: "5.0.0" } });
    expect(findings.changes.map((c) => c.path)).toEqual(["auth0kit:actions.first.secrets.FAIL_CLOSED", "auth0kit:actions.second.secrets.FAIL_CLOSED"]);
  });

  it("bind a custom-token-exchange Action through its profile", () => {
    const findings = new Findings();
    const profiles = [{ id: "tep_1", name: "Delegation", type: "custom_authentication", subject_token_type: "urn:acme:token", action_id: "a1" }];
    const [adopted] = adoptActions([action("a1", "Delegation", "custom-token-exchange", "v1", { secrets: [] })], {}, profiles, new Map(), false, findings);
    expect(adopted).toMatchObject({ profileId: "tep_1", config: { trigger: "custom-token-exchange", tokenExchangeProfile: { subjectTokenType: "urn:acme:token" } } });
  });

  it("leave unmanaged an unbound Action, an old trigger version and an old runtime, and report their bindings", () => {
    const findings = new Findings();
    const actions = [action("a1", "Unbound"), action("a2", "Old", "post-login", "v2"), action("a3", "Node16", "post-login", "v3", { runtime: "node16" })];
    const bindings = { "post-login": [{ action: { id: "a2", name: "Old" } }, { action: { id: "a3", name: "Node16" } }] };
    expect(adoptActions(actions, bindings, [], new Map(), false, findings)).toEqual([]);
    expect(findings.unmanaged.map((f) => f.path)).toEqual(["auth0kit:actions.unbound", "auth0kit:actions.old", "auth0kit:actions.node16"]);
    expect(findings.changes.map((f) => f.message)).toEqual([
      'the post-login binding of "Old" is not adopted; TriggerActions owns the whole flow, so the first up unbinds it',
      'the post-login binding of "Node16" is not adopted; TriggerActions owns the whole flow, so the first up unbinds it',
    ]);
  });
});

describe("log streams", () => {
  it("map webhook, Datadog and Splunk streams; credentials become references, the webhook's secret rotates", () => {
    const findings = new Findings();
    const streams = [
      { id: "lst_1", name: "hook", type: "http", status: "active", sink: { httpEndpoint: "https://logs.acme.com/in", httpContentType: "application/json", httpContentFormat: "JSONLINES", httpAuthorization: REDACTED }, filters: [{ type: "category", name: "auth.login.fail" }] },
      { id: "lst_2", name: "dd", type: "datadog", sink: { datadogRegion: "eu", datadogApiKey: REDACTED } },
      { id: "lst_3", name: "splunk", type: "splunk", sink: { splunkDomain: "splunk.acme.com", splunkPort: "8089", splunkSecure: false, splunkToken: REDACTED } },
      { id: "lst_4", name: "hook", type: "http", sink: {} },
      { id: "lst_5", name: "sumo", type: "sumo", sink: {} },
    ];
    expect(adoptLogStreams(streams, findings).map((s) => [s.key, s.config])).toEqual([
      ["hook", { type: "webhook", filters: ["auth.login.fail"], url: "https://logs.acme.com/in", contentFormat: "json-lines" }],
      ["dd", { type: "datadog", region: "eu", apiKey: { secret: "ddApiKey" } }],
      ["splunk", { type: "splunk", domain: "splunk.acme.com", port: 8089, secure: false, token: { secret: "splunkToken" } }],
    ]);
    expect(findings.unmanaged.map((f) => f.message)).toEqual([
      'log stream "hook" (lst_4) has the name of another stream; it stays unmanaged — rename one in Auth0 to adopt both',
      'log stream "sumo" (lst_5) is of type sumo; the schema has webhook (http), datadog and splunk, so it stays unmanaged',
    ]);
    expect(findings.changes.map((f) => f.path)).toEqual(["auth0kit:logStreams.hook"]);
  });
});

describe("MFA", () => {
  const guardian = (overrides: Partial<GuardianSnapshot>): GuardianSnapshot => ({ policies: [], factors: {}, phoneMessageTypes: ["sms"], webauthnRoaming: {}, duo: {}, phoneProviders: [], ...overrides });

  it("is left unset when no policy and no factor is on", () => {
    expect(adoptMfa(guardian({}), new Findings())).toEqual({});
  });

  it("maps the policy, the factors, Duo and the Twilio phone provider; secrets become references", () => {
    const findings = new Findings();
    const adopted = adoptMfa(
      guardian({
        policies: ["all-applications"],
        factors: { otp: true, sms: true, duo: true, "recovery-code": true, "webauthn-roaming": true },
        phoneMessageTypes: ["sms", "voice"],
        webauthnRoaming: { userVerification: "preferred" },
        duo: { host: "api-1.duosecurity.com", ikey: "DIKEY", skey: REDACTED },
        phoneProviders: [{ id: "pro_1", name: "twilio", disabled: false, configuration: { sid: `AC${"1".repeat(32)}`, mssid: `MG${"2".repeat(32)}` } }],
      }),
      findings,
    );
    expect(adopted).toEqual({
      phoneProviderId: "pro_1",
      mfa: {
        policy: "all-applications",
        factors: {
          otp: true,
          webauthnRoaming: { userVerification: "preferred" },
          recoveryCodes: true,
          duo: { hostname: "api-1.duosecurity.com", integrationKey: "DIKEY", secretKey: { secret: "duoSecretKey" } },
          phone: { messageTypes: ["sms", "voice"], provider: { twilio: { sid: `AC${"1".repeat(32)}`, authToken: { secret: "twilioAuthToken" }, messagingServiceSid: `MG${"2".repeat(32)}` } } },
        },
      },
    });
  });

  it("reports the phone factor going off when codes go through Guardian's own provider", () => {
    const findings = new Findings();
    expect(adoptMfa(guardian({ policies: ["all-applications"], factors: { sms: true } }), findings)).toEqual({ mfa: { policy: "all-applications" } });
    expect(findings.changes.map((c) => c.path)).toEqual(["auth0kit:mfa.factors.phone"]);
  });
});

describe("attack protection", () => {
  const newTenant = {
    bruteForce: { enabled: true, shields: ["block", "user_notification"], mode: "count_per_identifier_and_ip", allowlist: [], max_attempts: 10 },
    breachedPasswords: { enabled: false, shields: ["block", "admin_notification", "user_notification"], admin_notification_frequency: ["monthly", "daily", "weekly", "immediately"], method: "standard" },
    suspiciousIpThrottling: { enabled: false, shields: ["admin_notification", "block"], allowlist: [], stage: { "pre-login": { max_attempts: 100, rate: 864000 }, "pre-user-registration": { max_attempts: 50, rate: 1200 } } },
  };

  it("is left to the tenant in dev when it is as on a new tenant, and written whole in prod", () => {
    expect(adoptAttackProtection(newTenant, false)).toBeUndefined();
    expect(adoptAttackProtection(newTenant, true)).toEqual({
      bruteForce: { enabled: true },
      breachedPasswords: { enabled: false, shields: ["admin-notification", "block", "user-notification"] },
      suspiciousIpThrottling: { enabled: false },
    });
  });

  it("keeps every changed value", () => {
    const changed = {
      bruteForce: { ...newTenant.bruteForce, mode: "count_per_identifier", max_attempts: 5, allowlist: ["10.0.0.0/8"] },
      breachedPasswords: { ...newTenant.breachedPasswords, enabled: true, shields: ["block"], admin_notification_frequency: ["daily"], method: "enhanced", stage: { "pre-user-registration": { shields: ["block"] } } },
      suspiciousIpThrottling: { ...newTenant.suspiciousIpThrottling, stage: { "pre-login": { max_attempts: 20, rate: 864000 } } },
    };
    expect(adoptAttackProtection(changed, false)).toEqual({
      bruteForce: { enabled: true, mode: "count-per-identifier", maxAttempts: 5, allowlist: ["10.0.0.0/8"] },
      breachedPasswords: { enabled: true, shields: ["block"], adminNotificationFrequency: ["daily"], method: "enhanced", signupShields: ["block"] },
      suspiciousIpThrottling: { enabled: false, preLogin: { maxAttempts: 20 } },
    });
  });
});

describe("email", () => {
  const provider = { name: "smtp", enabled: true, default_from_address: "Acme <no-reply@acme.com>", credentials: { smtp_host: "smtp.acme.com", smtp_port: 2525, smtp_user: "mailer" } };
  const verify = { template: "verify_email", body: "<p>{{ url }}</p>", from: "Acme <no-reply@acme.com>", subject: "Verify", syntax: "liquid", resultUrl: "https://app.acme.com/", urlLifetimeInSeconds: 86_400, includeEmailInRedirect: false, enabled: true };

  it("is left out when the tenant sends through Auth0's built-in provider and customized nothing", () => {
    const findings = new Findings();
    expect(adoptEmail({ templates: {} }, new Map(), "acme", findings)).toEqual({ templates: [], sources: {} });
    expect([...findings.unmanaged, ...findings.changes, ...findings.secrets]).toEqual([]);
  });

  it("maps the provider with its password as a reference, and templates with their bodies as files, leaving defaults out", () => {
    const findings = new Findings();
    const welcome = { template: "welcome_email", body: "<p>Hi</p>", from: "Team <team@acme.com>", subject: "Welcome", syntax: "liquid", enabled: false };
    const adopted = adoptEmail({ provider, templates: { verify_email: verify, welcome_email: welcome } }, new Map([["<p>{{ url }}</p>", "emails/acme/verify.liquid"]]), "acme", findings);
    expect(adopted).toEqual({
      config: {
        provider: { smtp: { host: "smtp.acme.com", port: 2525, user: "mailer", password: { secret: "smtpPassword" } } },
        from: "Acme <no-reply@acme.com>",
        templates: {
          verify_email: { subject: "Verify", resultUrl: "https://app.acme.com/", urlLifetime: "1d", includeEmailInRedirect: false, body: "emails/acme/verify.liquid" },
          welcome_email: { subject: "Welcome", from: "Team <team@acme.com>", enabled: false, body: "emails/acme/welcome-email.liquid" },
        },
      },
      templates: ["verify_email", "welcome_email"],
      sources: { "emails/acme/verify.liquid": "<p>{{ url }}</p>", "emails/acme/welcome-email.liquid": "<p>Hi</p>" },
    });
    expect(findings.secrets).toEqual([{ key: "smtpPassword", path: "auth0kit:email.provider.smtp.password", what: "the SMTP password" }]);
    expect([...findings.unmanaged, ...findings.changes]).toEqual([]);
  });

  it("turns every provider's keys into references and keeps its region and domain", () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>, string[]][] = [
      ["ses", { region: "eu-west-1" }, { ses: { accessKeyId: { secret: "sesAccessKeyId" }, secretAccessKey: { secret: "sesSecretAccessKey" }, region: "eu-west-1" } }, ["sesAccessKeyId", "sesSecretAccessKey"]],
      ["mailgun", { domain: "mg.acme.com", region: "eu" }, { mailgun: { apiKey: { secret: "mailgunApiKey" }, domain: "mg.acme.com", region: "eu" } }, ["mailgunApiKey"]],
      ["sparkpost", {}, { sparkpost: { apiKey: { secret: "sparkpostApiKey" } } }, ["sparkpostApiKey"]],
      ["sendgrid", {}, { sendgrid: { apiKey: { secret: "sendgridApiKey" } } }, ["sendgridApiKey"]],
      ["mandrill", {}, { mandrill: { apiKey: { secret: "mandrillApiKey" } } }, ["mandrillApiKey"]],
    ];
    for (const [name, credentials, expected, keys] of cases) {
      const findings = new Findings();
      const adopted = adoptEmail({ provider: { ...provider, name, credentials }, templates: {} }, new Map(), "acme", findings);
      expect(adopted.config).toEqual({ provider: expected, from: "Acme <no-reply@acme.com>" });
      expect(findings.secrets.map((secret) => secret.key)).toEqual(keys);
    }
  });

  it("leaves unmanaged a provider the schema lacks (and the templates only it can send), settings and link fields of other templates; reports what the first up changes", () => {
    const findings = new Findings();
    expect(adoptEmail({ provider: { ...provider, name: "azure_cs", credentials: {} }, templates: { verify_email: verify } }, new Map(), "acme", findings)).toEqual({ templates: [], sources: {} });
    expect(findings.unmanaged).toEqual([
      { path: "auth0kit:email.provider", message: "the tenant sends through the azure_cs provider; the schema has smtp, sendgrid, ses, mailgun, sparkpost, mandrill, so the provider stays unmanaged" },
      { path: "auth0kit:email.templates", message: "templates verify_email are customized, but the tenant has no email provider the stack holds, and Auth0 sends customized templates only through one; they stay unmanaged" },
    ]);

    const more = new Findings();
    const disabled = { ...provider, enabled: false, default_from_address: "", settings: { headers: { "X-SES-Configuration-Set": "x" } } };
    const welcome = { template: "welcome_email", body: "<p>Hi</p>", from: "team@acme.com", subject: "Welcome", syntax: "text", resultUrl: "https://acme.com/" };
    const blocked = { template: "blocked_account", body: " ", subject: "Blocked" };
    const adopted = adoptEmail({ provider: disabled, templates: { welcome_email: welcome, blocked_account: blocked } }, new Map(), "acme", more);
    expect(adopted.config).toEqual({
      provider: { smtp: { host: "smtp.acme.com", port: 2525, user: "mailer", password: { secret: "smtpPassword" } } },
      from: "team@acme.com",
      templates: { welcome_email: { subject: "Welcome", body: "emails/acme/welcome-email.liquid" } },
    });
    expect(more.unmanaged).toEqual([
      { path: "auth0kit:email.provider", message: "the smtp provider's settings (headers) cannot be written in the schema; they stay as Auth0 has them" },
      { path: "auth0kit:email.templates.welcome_email.resultUrl", message: "resultUrl is set in Auth0, but the schema holds it only for the link emails (verify_email, reset_email), so it stays as Auth0 has it" },
      { path: "auth0kit:email.templates.blocked_account", message: "template blocked_account has no body; the schema needs a subject and a body, so it stays unmanaged" },
    ]);
    expect(more.changes).toEqual([
      { path: "auth0kit:email.provider", message: "the smtp provider is disabled in Auth0; auth0kit always enables it, so the first up turns it on (leave auth0kit:email.provider out to keep it off)" },
      { path: "auth0kit:email.from", message: "the provider has no default from address the schema accepts; written as team@acme.com, a template's sender, which the first up makes the provider's default" },
      { path: "auth0kit:email.templates.welcome_email.body", message: "the template's syntax is text; auth0kit sends every body as liquid, so the first up switches it" },
    ]);
  });

  it("stays unmanaged when no sender is one the schema accepts", () => {
    const findings = new Findings();
    expect(adoptEmail({ provider: { ...provider, default_from_address: "not an address" }, templates: {} }, new Map(), "acme", findings).config).toBeUndefined();
    expect(findings.unmanaged).toEqual([
      { path: "auth0kit:email", message: "the email provider has no default from address the schema accepts and no template names one; auth0kit:email needs a sender (from), so email stays unmanaged — write auth0kit:email by hand" },
    ]);
  });
});

describe("login", () => {
  const fresh = { prompts: { universal_login_experience: "new", identifier_first: false, webauthn_platform_first_factor: true }, branding: { colors: AUTH0_BRANDING_COLORS }, pageTemplate: false, texts: {} };

  it("is left out while the tenant has identifier first off, Auth0's branding and Auth0's texts", () => {
    const findings = new Findings();
    expect(adoptLogin(fresh, findings)).toEqual({ texts: [] });
    expect(adoptLogin({ ...fresh, prompts: { ...fresh.prompts, universal_login_experience: "classic" } }, findings)).toEqual({ texts: [] });
    expect(findings.notes).toEqual([{ path: "auth0kit:login", message: "the tenant uses the classic Universal Login experience; auth0kit:login (always the new one) is left out, so the login pages stay as they are" }]);
    expect([...findings.unmanaged, ...findings.changes]).toEqual([]);
  });

  it("maps identifier first, biometrics first, branding and texts (sorted), with each text's import ID", () => {
    const findings = new Findings();
    const tenant = {
      prompts: { universal_login_experience: "new", identifier_first: true, webauthn_platform_first_factor: true },
      branding: { colors: { primary: "#3b2bd6", page_background: "#0d1117" }, logo_url: "https://acme.com/logo.png", favicon_url: "https://acme.com/favicon.ico" },
      pageTemplate: false,
      texts: { signup: { fr: { signup: { title: "Inscription", description: "Créez un compte" } } }, "login-id": { en: { "login-id": { title: "Sign in" } } } },
    };
    expect(adoptLogin(tenant, findings)).toEqual({
      config: {
        identifierFirst: true,
        webauthnPlatformFirstFactor: true,
        branding: { logoUrl: "https://acme.com/logo.png", faviconUrl: "https://acme.com/favicon.ico", colors: { primary: "#3b2bd6", pageBackground: "#0d1117" } },
        texts: { "login-id": { en: { "login-id": { title: "Sign in" } } }, signup: { fr: { signup: { description: "Créez un compte", title: "Inscription" } } } },
      },
      texts: ["login-id::en", "signup::fr"],
    });
    expect(Object.keys((adoptLogin(tenant, new Findings()).config!.texts as Record<string, unknown>))).toEqual(["login-id", "signup"]);
    expect([...findings.unmanaged, ...findings.changes, ...findings.notes]).toEqual([]);
  });

  it("leaves unmanaged what the schema cannot hold (partial or non-https branding, a font, a page template), and reports what the first up changes", () => {
    const findings = new Findings();
    const tenant = {
      prompts: { universal_login_experience: "classic", identifier_first: false, webauthn_platform_first_factor: true },
      branding: { colors: { primary: "#3b2bd6", page_background: "#0d1117" }, logo_url: "http://acme.com/logo.png", favicon_url: "https://acme.com/favicon.ico", font: { url: "https://acme.com/font.ttf" } },
      pageTemplate: true,
      texts: { login: { en: { login: { title: "Hi", extra: { nested: "x" } } } } },
    };
    expect(adoptLogin(tenant, findings)).toEqual({ config: { texts: { login: { en: { login: { title: "Hi" } } } } }, texts: ["login::en"] });
    expect(findings.unmanaged).toEqual([
      { path: "auth0kit:login.branding", message: "the tenant has a Universal Login page template (/branding/templates/universal-login); the schema cannot express it, so it stays as Auth0 has it" },
      { path: "auth0kit:login.branding", message: "the branding font (https://acme.com/font.ttf) cannot be written in the schema; it stays as Auth0 has it" },
      { path: "auth0kit:login.branding", message: "auth0kit:login.branding.logoUrl: Auth0 accepts only https logo URLs; serve it over https; the schema sets logo, favicon and colours together, so branding stays as Auth0 has it" },
    ]);
    expect(findings.changes).toEqual([
      { path: "auth0kit:login.texts.login.en.login", message: "holds values that are not texts, which the schema cannot write; PromptCustomText owns the whole prompt, so the first up removes them" },
      { path: "auth0kit:login.webauthnPlatformFirstFactor", message: "on in Auth0 without identifier first, where it has no effect; the schema needs identifierFirst for it, so the first up turns it off" },
      { path: "auth0kit:login", message: "the tenant uses the classic Universal Login experience; auth0kit always sets the new one, so the first up switches the login pages to it" },
    ]);

    const partial = new Findings();
    expect(adoptLogin({ ...fresh, branding: { colors: { primary: "#000000", page_background: "#ffffff" } } }, partial)).toEqual({ texts: [] });
    expect(partial.unmanaged).toEqual([{ path: "auth0kit:login.branding", message: "the tenant's branding has no logo_url and no favicon_url; the schema sets logo, favicon and colours together, so branding stays as Auth0 has it" }]);
  });
});

import { describe, expect, it } from "vitest";
import { ConfigError, formatIssue, sortIssues } from "../../config/issues";
import { loadSpec } from "../../config/load";
import { type ConfigInput, configWith, issuesOf, specOf, stackConfig, TOKEN_EXCHANGE } from "./fixtures";

const ROOT = "auth0kit:actions";

/** The base tenant plus a token-exchange-capable broker and the given Actions. */
function withActions(actions: Record<string, unknown>, extra: ConfigInput = {}): ConfigInput {
  return configWith({
    "auth0kit:applications": {
      broker: { type: "m2m", grantTypes: ["client_credentials", TOKEN_EXCHANGE], tokenExchangeProfileTypes: ["custom_authentication"] },
    },
    // The exchange sets users of this connection (customTokenExchangeHasConnections).
    "auth0kit:connections": { users: { kind: "database", applications: ["spa", "broker"] } },
    [ROOT]: actions,
    ...extra,
  });
}

const login = { source: "actions/post-login.js", trigger: "post-login", order: 1 };
const exchange = { source: "actions/agent-delegation.js", trigger: "custom-token-exchange", tokenExchangeProfile: { subjectTokenType: "urn:example:delegation" } };

/** Problems of a config whose Action sources come from `files` instead of the project. */
function issuesWithFiles(config: ConfigInput, files: Record<string, string>): string[] {
  try {
    loadSpec(stackConfig(config), {}, (p) => files[p]);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return sortIssues(error.issues).map(formatIssue);
    throw error;
  }
}

describe("Action sources", () => {
  it("reads the source file into the spec, exactly", () => {
    const spec = loadSpec(stackConfig(withActions({ login })), {}, (p) => (p === "actions/post-login.js" ? "exports.onExecutePostLogin = async () => {};\r\n" : undefined));
    expect(spec.actions.login!.code).toBe("exports.onExecutePostLogin = async () => {};\r\n");
  });

  it("reports a source file that does not exist", () => {
    expect(issuesOf(withActions({ login: { ...login, source: "actions/post-logn.js" } }))).toEqual([
      `${ROOT}.login.source: actions/post-logn.js does not exist; create it or fix the path (relative to the project root)`,
    ]);
  });

  it.each(["post-login.js", "/work/actions/post-login.js", "actions/../index.js", "actions/post-login.ts", "lib/post-login.js"])(
    "rejects %s, which is not a .js file under actions/",
    (source) => {
      expect(issuesOf(withActions({ login: { ...login, source } }))).toEqual([
        `${ROOT}.login.source: must be a .js file under actions/, relative to the project root, e.g. actions/post-login.js`,
      ]);
    },
  );

  it("rejects a source that does not export the trigger's handler", () => {
    expect(issuesWithFiles(withActions({ login }), { "actions/post-login.js": "exports.onExecutePreUserRegistration = async () => {};" })).toEqual([
      `${ROOT}.login.source: actions/post-login.js does not define exports.onExecutePostLogin, the handler of the post-login trigger; export it or pick the trigger the code is written for`,
    ]);
  });

  it("accepts module.exports.<handler> too", () => {
    expect(issuesWithFiles(withActions({ login }), { "actions/post-login.js": "module.exports.onExecutePostLogin = async () => {};" })).toEqual([]);
  });
});

describe("Action triggers and bindings", () => {
  it("rejects a trigger Auth0 does not know, listing the ones it does", () => {
    expect(issuesOf(withActions({ login: { ...login, trigger: "post-logon" } }))).toEqual([
      `${ROOT}.login.trigger: "post-logon" is not allowed; did you mean "post-login"? (one of post-login, credentials-exchange, pre-user-registration, post-user-registration, post-change-password, send-phone-message, custom-token-exchange)`,
    ]);
  });

  it("rejects an Action bound to a trigger its code is not written for", () => {
    expect(issuesOf(withActions({ signup: { source: "actions/pre-user-registration.js", trigger: "post-login", order: 1 } }))).toEqual([
      `${ROOT}.signup.source: actions/pre-user-registration.js does not define exports.onExecutePostLogin, the handler of the post-login trigger; export it or pick the trigger the code is written for`,
    ]);
  });

  it("requires an order for an Action bound to a trigger flow", () => {
    expect(issuesOf(withActions({ login: { source: login.source, trigger: "post-login" } }))).toEqual([
      `${ROOT}.login.order: required for a post-login Action; set its position in the flow (1 runs first)`,
    ]);
  });

  it("rejects two Actions with the same order in one trigger", () => {
    expect(issuesOf(withActions({ login, sync: { source: "actions/idp-group-sync.js", trigger: "post-login", order: 1 } }))).toEqual([
      `${ROOT}.sync.order: 1 is also the order of "login" in the post-login flow; give each Action of a trigger its own order`,
    ]);
  });

  it("allows the same order in different triggers", () => {
    expect(issuesOf(withActions({ login, signup: { source: "actions/pre-user-registration.js", trigger: "pre-user-registration", order: 1 } }))).toEqual([]);
  });

  it("rejects an order on a custom-token-exchange Action, which its profile binds", () => {
    expect(issuesOf(withActions({ exchange: { ...exchange, order: 1 } }))).toEqual([
      `${ROOT}.exchange.order: custom-token-exchange Actions are not bound to a trigger flow but to their tokenExchangeProfile; remove order`,
    ]);
  });

  it("rejects two Actions with the same name", () => {
    expect(issuesOf(withActions({ login: { ...login, name: "same" }, sync: { source: "actions/idp-group-sync.js", trigger: "post-login", order: 2, name: "same" } }))).toEqual([
      `${ROOT}.sync.name: "same" is also the name of Action "login"; Action names are unique in a tenant`,
    ]);
  });
});

describe("token-exchange profiles", () => {
  it("requires a profile on a custom-token-exchange Action", () => {
    expect(issuesOf(withActions({ exchange: { source: exchange.source, trigger: "custom-token-exchange" } }))).toEqual([
      `${ROOT}.exchange.tokenExchangeProfile: required for a custom-token-exchange Action; set { subjectTokenType: <a URI you own> }`,
    ]);
  });

  it("rejects a profile on any other Action", () => {
    expect(issuesOf(withActions({ login: { ...login, tokenExchangeProfile: { subjectTokenType: "urn:example:x" } } }))).toEqual([
      `${ROOT}.login.tokenExchangeProfile: only custom-token-exchange Actions have a token-exchange profile; remove it or change the trigger`,
    ]);
  });

  it.each([
    ["urn:ietf:params:oauth:token-type:access_token", "urn:ietf"],
    ["https://auth0.com/token", "https://auth0.com"],
    ["URN:Auth0:thing", "urn:auth0"],
  ])("rejects the reserved subject token type %s", (subjectTokenType, namespace) => {
    expect(issuesOf(withActions({ exchange: { ...exchange, tokenExchangeProfile: { subjectTokenType } } }))).toEqual([
      `${ROOT}.exchange.tokenExchangeProfile.subjectTokenType: ${subjectTokenType} is in the ${namespace} namespace, which Auth0 reserves; use a URI you own, e.g. urn:alphaswarm:agent-delegation`,
    ]);
  });

  it("needs an application that may use custom_authentication profiles", () => {
    const config = withActions({ exchange });
    delete (config["auth0kit:applications"] as Record<string, unknown>).broker;
    config["auth0kit:connections"] = { users: { kind: "database", applications: ["spa"] } };
    expect(issuesOf(config)).toEqual([
      `${ROOT}.exchange.tokenExchangeProfile: no application may use it; give one application the ${TOKEN_EXCHANGE} grant and tokenExchangeProfileTypes: [custom_authentication]`,
    ]);
  });

  it("names the profile after the Action and gives the Action the subject token type", () => {
    const action = specOf(withActions({ exchange: { ...exchange, name: "agent-delegation" } })).actions.exchange!;
    expect(action.tokenExchangeProfile).toEqual({ name: "agent-delegation", subjectTokenType: "urn:example:delegation" });
    expect(action.secrets).toEqual({ SUBJECT_TOKEN_TYPE: { value: "urn:example:delegation" } });
  });
});

describe("Action secrets", () => {
  it.each([
    ["dev", "false"],
    ["stage", "true"],
    ["prod", "true"],
  ])("defaults FAIL_CLOSED in %s to %s", (environment, failClosed) => {
    const config = withActions({ login }, { "auth0kit:environment": environment });
    expect(specOf(config).actions.login!.secrets.FAIL_CLOSED).toEqual({ value: failClosed });
  });

  it("keeps a configured FAIL_CLOSED", () => {
    const config = withActions({ login: { ...login, secrets: { FAIL_CLOSED: { value: "false" } } } }, { "auth0kit:environment": "prod" });
    expect(specOf(config).actions.login!.secrets.FAIL_CLOSED).toEqual({ value: "false" });
  });

  it("rejects a FAIL_CLOSED that is not true or false", () => {
    expect(issuesOf(withActions({ login: { ...login, secrets: { FAIL_CLOSED: { value: "yes" } } } }))).toEqual([
      `${ROOT}.login.secrets.FAIL_CLOSED: must be { value: "true" } (a backend failure blocks the flow) or { value: "false" } (it is logged and the flow continues)`,
    ]);
  });

  it("rejects references to applications and APIs that do not exist", () => {
    const secrets = { CLIENT_ID: { clientId: "nope" }, CLIENT_SECRET: { clientSecret: "ghost" }, API_AUDIENCE: { apiIdentifier: "missing" } };
    expect(issuesOf(withActions({ login: { ...login, secrets } }))).toEqual([
      `${ROOT}.login.secrets.API_AUDIENCE: API "missing" is not defined; define it under auth0kit:apis or fix the key (defined: core)`,
      `${ROOT}.login.secrets.CLIENT_ID: application "nope" is not defined; define it under auth0kit:applications or fix the key (defined: broker, m2m, native, spa)`,
      `${ROOT}.login.secrets.CLIENT_SECRET: application "ghost" is not defined; define it under auth0kit:applications or fix the key (defined: broker, m2m, native, spa)`,
    ]);
  });

  it("does not mistake a prototype key for an application", () => {
    expect(issuesOf(withActions({ login: { ...login, secrets: { CLIENT_ID: { clientId: "constructor" } } } }))).toEqual([
      `${ROOT}.login.secrets.CLIENT_ID: application "constructor" is not defined; define it under auth0kit:applications or fix the key (defined: broker, m2m, native, spa)`,
    ]);
  });

  it("rejects the client secret of an application that has none", () => {
    expect(issuesOf(withActions({ login: { ...login, secrets: { CLIENT_SECRET: { clientSecret: "spa" } } } }))).toEqual([
      `${ROOT}.login.secrets.CLIENT_SECRET: application "spa" has no client secret (it does not use client_credentials); use an m2m application`,
    ]);
  });

  it("requires a referenced secret config key to be set as a secret", () => {
    expect(issuesOf(withActions({ login: { ...login, secrets: { HMAC_KEY: { secret: "inviteHmacKey" } } } }))).toEqual([
      `${ROOT}.login.secrets.HMAC_KEY: auth0kit:inviteHmacKey is not set; set it with: pulumi config set --secret auth0kit:inviteHmacKey <value>`,
    ]);
    const config = { ...withActions({ login: { ...login, secrets: { HMAC_KEY: { secret: "inviteHmacKey" } } } }), "auth0kit:inviteHmacKey": "s3cr3t" };
    expect(issuesOf(config, { secretKeys: ["auth0kit:inviteHmacKey"] })).toEqual([]);
  });

  it("rejects a secret given in any other shape, without echoing it", () => {
    expect(issuesOf(withActions({ login: { ...login, secrets: { CLIENT_SECRET: "p4ssw0rd-pasted" } } }))).toEqual([
      `${ROOT}.login.secrets.CLIENT_SECRET: must be one of { value: <text> }, { secret: <config key> }, { clientId: <application key> }, { clientSecret: <application key> }, { apiIdentifier: <API key> }, { domain: true }, { issuer: true }`,
    ]);
  });

  it("rejects a secret name that is not UPPER_SNAKE_CASE", () => {
    expect(issuesOf(withActions({ login: { ...login, secrets: { backendUrl: { value: "https://api.example.com" } } } }))).toEqual([
      `${ROOT}.login.secrets.backendUrl: secret names are UPPER_SNAKE_CASE, e.g. BACKEND_URL`,
    ]);
  });
});

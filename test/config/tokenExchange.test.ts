import { describe, expect, it } from "vitest";
import { configWith, issuesOf, specOf, TOKEN_EXCHANGE } from "./fixtures";

const broker = { broker: { type: "m2m", grantTypes: ["client_credentials", TOKEN_EXCHANGE], tokenExchangeProfileTypes: ["custom_authentication"] } };

describe("custom token exchange and connections", () => {
  it("refuses an application with custom token exchange that no connection is enabled for", () => {
    expect(issuesOf(configWith({ "auth0kit:applications": broker, "auth0kit:connections": { users: { kind: "database", applications: ["spa"] } } }))).toEqual([
      "auth0kit:applications.broker.tokenExchangeProfileTypes: a custom token exchange can only issue tokens for users of connections enabled for broker, and none is; add broker to the applications of every connection its users sign in with",
    ]);
  });

  it("accepts it once a connection is enabled for it", () => {
    expect(issuesOf(configWith({ "auth0kit:applications": broker, "auth0kit:connections": { users: { kind: "database", applications: ["spa", "broker"] } } }))).toEqual([]);
  });
});

describe("a token-exchange profile's audiences (delegated tokens on short-lived APIs)", () => {
  const delegation = { identifier: "https://api.example.com/delegated/", tokenLifetime: "5m", tokenLifetimeForWeb: "5m", userAccess: "require-client-grant", permissions: { "read:things": "Read things" } };
  const config = (audiences: unknown, api: Record<string, unknown> = delegation, grant: unknown = { subjectType: "user", permissions: ["read:things"] }) =>
    configWith({
      "auth0kit:apis": { delegated: api },
      "auth0kit:applications": { broker: { ...broker.broker, grants: grant === null ? {} : { delegated: grant } } },
      "auth0kit:connections": { users: { kind: "database", applications: ["spa", "broker"] } },
      "auth0kit:actions": {
        delegate: { source: "actions/agent-delegation.js", trigger: "custom-token-exchange", tokenExchangeProfile: { subjectTokenType: "urn:example:delegation", audiences } },
      },
    });

  it("hands the Action the audiences' identifiers, sorted, as DELEGATION_AUDIENCES", () => {
    const spec = specOf(config(["delegated", "core"], { ...delegation, userAccess: "allow-all" }));
    expect(spec.actions.delegate!.secrets.DELEGATION_AUDIENCES).toEqual({ value: "https://api.example.com/,https://api.example.com/delegated/" });
    expect(spec.actions.delegate!.tokenExchangeProfile).toEqual({ name: "delegate", subjectTokenType: "urn:example:delegation", audiences: ["delegated", "core"] });
    expect(specOf(config(undefined)).actions.delegate!.secrets).not.toHaveProperty("DELEGATION_AUDIENCES");
  });

  it("refuses an unknown API", () => {
    expect(issuesOf(config(["delegated", "mcp"]))).toEqual(['auth0kit:actions.delegate.tokenExchangeProfile.audiences[1]: unknown API "mcp"; defined APIs: core, delegated']);
  });

  it("refuses an empty list", () => {
    expect(issuesOf(config([]))).toEqual(["auth0kit:actions.delegate.tokenExchangeProfile.audiences: needs at least 1 item"]);
  });

  it("refuses an API that gives no tokens to users", () => {
    expect(issuesOf(config(["delegated"], { ...delegation, userAccess: "deny-all" }))).toEqual([
      'auth0kit:actions.delegate.tokenExchangeProfile.audiences[0]: API "delegated" refuses tokens for users (userAccess: deny-all), so no delegated token could be issued for it; set userAccess: require-client-grant and grant it to the exchanging application',
    ]);
  });

  it("refuses an API for granted applications only that no exchanging application has a user grant on", () => {
    const message =
      'auth0kit:actions.delegate.tokenExchangeProfile.audiences[0]: API "delegated" gives tokens for users only to applications with a user grant on it, and no application allowed custom_authentication has one; add grants.delegated: { subjectType: user, permissions: [...] } to broker';
    expect(issuesOf(config(["delegated"], delegation, null))).toEqual([message]);
    // An m2m application's grant is for its own client-credentials tokens unless it says user.
    expect(issuesOf(config(["delegated"], delegation, { permissions: ["read:things"] }))).toEqual([message]);
  });
});

import { describe, expect, it } from "vitest";
import { configWith, issuesOf, TOKEN_EXCHANGE } from "./fixtures";

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

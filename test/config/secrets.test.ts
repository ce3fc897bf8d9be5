import { describe, expect, it } from "vitest";
import { checkSecretRefs, collectSecretRefs } from "../../config/secrets";
import { configWith, issuesOf } from "./fixtures";

const SCHEMA_KEYS = ["environment", "tenant", "apis", "applications", "connections", "organizations"];

describe("secret references", () => {
  it("finds every { secret: <key> } with its config path", () => {
    const value = { google: { clientSecret: { secret: "googleClientSecret" } }, hooks: [{ token: { secret: "hookToken" } }] };
    expect(collectSecretRefs("auth0kit:connections", value)).toEqual([
      { path: "auth0kit:connections.google.clientSecret", key: "googleClientSecret" },
      { path: "auth0kit:connections.hooks[0].token", key: "hookToken" },
    ]);
  });

  it("does not take a map with other keys besides secret for a reference", () => {
    expect(collectSecretRefs("auth0kit:x", { a: { secret: "k", other: 1 }, b: { secret: 42 } })).toEqual([]);
  });

  it("accepts a reference to a key set as a secret", () => {
    const ref = { path: "auth0kit:connections.google.clientSecret", key: "googleClientSecret" };
    expect(checkSecretRefs("auth0kit", [ref], { "auth0kit:googleClientSecret": "x" }, new Set(["auth0kit:googleClientSecret"]), SCHEMA_KEYS)).toEqual([]);
  });

  it("rejects a reference to a key that is not set, at the reference", () => {
    const ref = { path: "auth0kit:connections.google.clientSecret", key: "googleClientSecret" };
    expect(checkSecretRefs("auth0kit", [ref], {}, new Set(), SCHEMA_KEYS)).toEqual([
      {
        path: "auth0kit:connections.google.clientSecret",
        message: "auth0kit:googleClientSecret is not set; set it with: pulumi config set --secret auth0kit:googleClientSecret <value>",
      },
    ]);
  });

  it("rejects a referenced key stored in plain text, at the key", () => {
    const ref = { path: "auth0kit:connections.google.clientSecret", key: "googleClientSecret" };
    expect(checkSecretRefs("auth0kit", [ref], { "auth0kit:googleClientSecret": "x" }, new Set(), SCHEMA_KEYS)).toEqual([
      {
        path: "auth0kit:googleClientSecret",
        message: "is stored in plain text; remove it from the stack file and set it with: pulumi config set --secret auth0kit:googleClientSecret <value>",
      },
    ]);
  });

  it("rejects a reference to a settings key", () => {
    const ref = { path: "auth0kit:connections.google.clientSecret", key: "tenant" };
    expect(checkSecretRefs("auth0kit", [ref], { "auth0kit:tenant": "{}" }, new Set(), SCHEMA_KEYS)).toEqual([
      { path: "auth0kit:connections.google.clientSecret", message: "auth0kit:tenant is a settings key, not a secret; pick another name for the secret" },
    ]);
  });

  it("rejects a secret auth0kit key that nothing references", () => {
    expect(issuesOf(configWith({ "auth0kit:googleClientSecret": "x" }), { secretKeys: ["auth0kit:googleClientSecret"] })).toEqual([
      "auth0kit:googleClientSecret: is a secret that nothing references; reference it with { secret: <key> } or remove it",
    ]);
  });

  it("leaves secrets of other namespaces alone", () => {
    expect(issuesOf(configWith({ "aws:secretKey": "x" }), { secretKeys: ["aws:secretKey"] })).toEqual([]);
  });
});

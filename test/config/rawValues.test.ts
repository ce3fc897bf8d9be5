import { describe, expect, it } from "vitest";
import { STRING_MAX } from "../../config/bounds";
import { configWith, issuesOf } from "./fixtures";

const SPECIAL = (key: string) => `"${key}" cannot be a key (JavaScript gives it a special meaning, so the entry would be lost); rename it`;

describe("keys the runtime treats specially", () => {
  // Pulumi hands structured values over as JSON text, where __proto__ is an ordinary key.
  it.each([
    ["auth0kit:apis", '{"__proto__": {"identifier": "https://x.example.com/"}}', "auth0kit:apis.__proto__"],
    ["auth0kit:applications", '{"spa": {"type": "spa", "grants": {"__proto__": {}}}}', "auth0kit:applications.spa.grants.__proto__"],
    ["auth0kit:apis", '{"core": {"identifier": "https://api.example.com/", "permissions": {"__proto__": "x"}}}', "auth0kit:apis.core.permissions.__proto__"],
    ["auth0kit:actions", '{"prototype": {"source": "actions/x.js", "trigger": "post-login", "order": 1}}', "auth0kit:actions.prototype"],
    ["auth0kit:organizations", '{"acme": {"connections": {"constructor": {}}}}', "auth0kit:organizations.acme.connections.constructor"],
  ])("refuses one in %s at %s, and nothing else about it", (key, json, path) => {
    const name = path.slice(path.lastIndexOf(".") + 1);
    expect(issuesOf(configWith({ [key]: json }))).toEqual([`${path}: ${SPECIAL(name)}`]);
  });
});

describe("control characters and sizes", () => {
  it("refuses a NUL in a URL without echoing the value, and no follow-on error at the same place", () => {
    expect(issuesOf(configWith({ "auth0kit:applications": { spa: { callbacks: ["https://app.example.com/\u0000cb"] } } }))).toEqual([
      "auth0kit:applications.spa.callbacks[0]: contains the control character U+0000 at position 25; remove it",
    ]);
  });

  it("refuses a control character in a key", () => {
    expect(issuesOf(configWith({ "auth0kit:apis": { core: { identifier: "https://api.example.com/", permissions: { "read:\u001bx": "x" } } } }))).toEqual([
      'auth0kit:apis.core.permissions["read:\\u001bx"]: the key contains the control character U+001B at position 6; remove it',
    ]);
  });

  it("refuses a multi-megabyte value by its length alone", () => {
    expect(issuesOf(configWith({ "auth0kit:tenant": { friendlyName: "x".repeat(3_000_000) } }))).toEqual([
      `auth0kit:tenant.friendlyName: is 3000000 characters long; no value in a stack file may be longer than ${STRING_MAX} characters`,
    ]);
  });

  it("keeps line breaks in multi-line text such as a certificate", () => {
    const cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    const connections = { corp: { kind: "enterprise", strategy: "samlp", signInUrl: "https://idp.example.com/sso", signingCert: cert } };
    expect(issuesOf(configWith({ "auth0kit:connections": connections }))).toEqual([]);
  });
});

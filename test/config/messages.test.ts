import { describe, expect, it } from "vitest";
import { configPath, echo, mayBeSecret } from "../../config/issues";
import { closest, editDistance } from "../../config/suggest";
import { configWith, issuesOf } from "./fixtures";

describe("config paths", () => {
  it("writes slugs, permission names and env variable names bare", () => {
    expect(configPath("auth0kit:apis", "core", "permissions", "read:mcp-data", 2)).toBe("auth0kit:apis.core.permissions.read:mcp-data[2]");
  });

  it.each([
    ["read things", 'auth0kit:apis.core.permissions["read things"]'],
    ["read:a.b", 'auth0kit:apis.core.permissions["read:a.b"]'],
    ["x[0]", 'auth0kit:apis.core.permissions["x[0]"]'],
    ['say "hi"', 'auth0kit:apis.core.permissions["say \\"hi\\""]'],
    ["a: b", 'auth0kit:apis.core.permissions["a:\\u0020b"]'],
  ])("quotes the key %j the way pulumi config set --path does", (key, path) => {
    expect(configPath("auth0kit:apis", "core", "permissions", key)).toBe(path);
  });

  it("keeps `<path>: <message>` splitting at the first colon-space whatever the key", () => {
    const line = issuesOf(configWith({ "auth0kit:apis": { core: { identifier: "https://api.example.com/", permissions: { "a: b.c": "x" } } } }))[0]!;
    expect(line.slice(0, line.indexOf(": "))).toBe('auth0kit:apis.core.permissions["a:\\u0020b.c"]');
  });
});

describe("echoed values", () => {
  it("quotes and escapes control characters", () => {
    expect(echo("a\u0000b\n")).toBe('"a\\u0000b\\n"');
  });

  it("cuts a long value and says how long it was", () => {
    expect(echo("x".repeat(1_000))).toBe(`"${"x".repeat(60)}…" (1000 characters)`);
  });

  it.each(["9f8e7d6c5b4a39281706f5e4d3c2b1a0", "s3cr3t-provider-value-0001", "-----BEGIN PRIVATE KEY-----"])("treats %j as a possible secret", (text) => {
    expect(mayBeSecret(text)).toBe(true);
  });

  it.each(["yes", "https://api.example.com/v2/users/callback", "authorization_code", "read:users"])("echoes %j", (text) => {
    expect(mayBeSecret(text)).toBe(false);
  });

  it("never echoes a text that may be a secret in a type error", () => {
    const secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    expect(issuesOf(configWith({ "auth0kit:apis": { core: { identifier: "https://api.example.com/", rbac: secret } } }))).toEqual([
      "auth0kit:apis.core.rbac: expected true or false, got text (not shown: it may be a secret)",
    ]);
  });

  it("says what to write for a boolean written as yes", () => {
    expect(issuesOf(configWith({ "auth0kit:apis": { core: { identifier: "https://api.example.com/", rbac: "yes" } } }))).toEqual([
      'auth0kit:apis.core.rbac: expected true or false, got the text "yes"',
    ]);
  });
});

describe("did you mean", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("calbacks", "callbacks")).toBe(1);
    expect(editDistance("callbcaks", "callbacks")).toBe(1);
  });

  it("suggests the closest known name within a typo's distance", () => {
    expect(closest("logoutUrl", ["callbacks", "logoutUrls", "webOrigins"])).toBe("logoutUrls");
  });

  it("suggests nothing for a different word", () => {
    expect(closest("scopes", ["callbacks", "logoutUrls"])).toBeUndefined();
  });

  it("suggests nothing when several names are equally close", () => {
    expect(closest("ES256", ["RS256", "PS256", "HS256"])).toBeUndefined();
  });

  it("names each unknown key with its suggestion, and lists the known keys when one has none", () => {
    expect(issuesOf(configWith({ "auth0kit:tenant": { frendlyName: "A", colour: "b" } }))).toEqual([
      'auth0kit:tenant: unknown keys "frendlyName" (did you mean "friendlyName"?), "colour"; remove them or fix the spelling (known keys: friendlyName, supportEmail, supportUrl, sessionLifetime, idleSessionLifetime, enabledLocales, defaultAudience, enableClientConnections, customDomain, planTier)',
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { configWith, issuesOf } from "./fixtures";

const api = (fields: Record<string, unknown>) => ({
  "auth0kit:apis": { core: { identifier: "https://api.example.com/", permissions: { "read:things": "Read things" }, ...fields } },
});
const urls = (count: number) => Array.from({ length: count }, (_, i) => `https://app${i}.example.com/`);

describe("Auth0's documented length limits", () => {
  it.each([
    ["an API name over 200 characters", api({ name: "n".repeat(201) }), "auth0kit:apis.core.name: is 201 characters long; Auth0 accepts at most 200; shorten it"],
    [
      "an API identifier over 600 characters",
      api({ identifier: `https://api.example.com/${"p".repeat(600)}` }),
      "auth0kit:apis.core.identifier: is 624 characters long; Auth0 accepts at most 600; shorten it",
    ],
    [
      "a permission description over 500 characters",
      api({ permissions: { "read:things": "d".repeat(501) } }),
      "auth0kit:apis.core.permissions.read:things: is 501 characters long; Auth0 accepts at most 500; shorten it",
    ],
    [
      "a permission name over 280 characters",
      api({ permissions: { [`read:${"t".repeat(280)}`]: "Read" } }),
      `auth0kit:apis.core.permissions.read:${"t".repeat(280)}: Auth0 accepts permission names of at most 280 characters; shorten it`,
    ],
    [
      "101 logout URLs",
      { "auth0kit:applications": { spa: { logoutUrls: urls(101) } } },
      "auth0kit:applications.spa.logoutUrls: Auth0 accepts at most 100 URLs here; remove some",
    ],
    [
      "an organization display name over 255 characters",
      { "auth0kit:organizations": { acme: { displayName: "A".repeat(256) } } },
      "auth0kit:organizations.acme.displayName: is 256 characters long; Auth0 accepts at most 255; shorten it",
    ],
  ])("refuses %s", (_, overrides, line) => {
    expect(issuesOf(configWith(overrides))).toEqual([line]);
  });

  it("accepts 100 web origins", () => {
    expect(issuesOf(configWith({ "auth0kit:applications": { spa: { webOrigins: urls(100) } } }))).toEqual([]);
  });

  it("refuses < and > in an application name, as Auth0 does", () => {
    expect(issuesOf(configWith({ "auth0kit:applications": { spa: { name: "<b>App</b>" } } }))).toEqual(["auth0kit:applications.spa.name: may not contain < or >"]);
  });
});

describe("line breaks", () => {
  it("refuses a line break in a name", () => {
    expect(issuesOf(configWith({ "auth0kit:applications": { spa: { name: "App\nName" } } }))).toEqual([
      "auth0kit:applications.spa.name: contains the control character U+000A at position 4; remove it",
    ]);
  });

  it("refuses a line break in an env-file comment, which would start a line of its own", () => {
    const envFiles = { backend: { kind: "backend", path: "out/.env", vars: [{ comment: "one\nEVIL=1" }, { A: "1" }] } };
    expect(issuesOf(configWith({ "auth0kit:envFiles": envFiles }))).toEqual([
      "auth0kit:envFiles.backend.vars[0].comment: contains the control character U+000A at position 4; remove it",
    ]);
  });

  it("keeps a multi-line env literal, which the renderer quotes", () => {
    const envFiles = { backend: { kind: "backend", path: "out/.env", vars: [{ PEM: "line one\nline two" }] } };
    expect(issuesOf(configWith({ "auth0kit:envFiles": envFiles }))).toEqual([]);
  });

  it("refuses a tab in a URL", () => {
    expect(issuesOf(configWith({ "auth0kit:applications": { spa: { callbacks: ["https://app.example.com/\tcb"] } } }))).toEqual([
      "auth0kit:applications.spa.callbacks[0]: contains the control character U+0009 at position 25; remove it",
    ]);
  });
});

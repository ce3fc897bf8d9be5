import { describe, expect, it } from "vitest";
import { isLoopbackHost } from "../../config/rules/urls";
import { configWith, issuesOf } from "./fixtures";

const app = (type: string, callbacks: string[], environment = "prod") =>
  configWith({
    "auth0kit:environment": environment,
    "auth0kit:applications": { extra: { type, callbacks, grantTypes: ["authorization_code"] } },
  });

describe("schemes and hosts in prod", () => {
  it("rejects an ftp callback", () => {
    expect(issuesOf(app("spa", ["ftp://files.example.com/cb"]))).toEqual([
      "auth0kit:applications.extra.callbacks[0]: ftp://files.example.com/cb is not allowed in prod; use https with the real host or move it to the dev stack",
    ]);
  });

  it("lets a native app call back to its reverse-domain private-use scheme", () => {
    expect(issuesOf(app("native", ["com.example.cli:/callback"]))).toEqual([]);
  });

  it("rejects a private-use scheme on a single-page application", () => {
    expect(issuesOf(app("spa", ["com.example.cli:/callback"]))).toEqual([
      "auth0kit:applications.extra.callbacks[0]: com.example.cli:/callback is not allowed in prod; use https with the real host or move it to the dev stack",
    ]);
  });

  it("rejects a native scheme without a dot, which any app could claim", () => {
    expect(issuesOf(app("native", ["myapp:/callback"]))).toEqual([
      "auth0kit:applications.extra.callbacks[0]: myapp:/callback is not allowed in prod; use https with the real host or move it to the dev stack",
    ]);
  });

  it.each(["https://127.0.0.2/cb", "https://app.localhost/cb", "https://localhost./cb", "https://[::1]/cb", "https://0.0.0.0/cb"])(
    "rejects the loopback URL %s",
    (url) => {
      expect(issuesOf(app("spa", [url]))).toEqual([
        `auth0kit:applications.extra.callbacks[0]: ${url} points at this machine, which is not allowed in prod; use https with the real host or move it to the dev stack`,
      ]);
    },
  );

  it("accepts the same loopback URL in dev", () => {
    expect(issuesOf(app("spa", ["http://127.0.0.2/cb"], "dev"))).toEqual([]);
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["LOCALHOST", true],
    ["api.localhost", true],
    ["127.10.0.1", true],
    ["[::1]", true],
    ["localhost.example.com", false],
    ["127.example.com", false],
    ["app.example.com", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

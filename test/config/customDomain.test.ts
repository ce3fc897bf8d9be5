import { describe, expect, it } from "vitest";
import { configWith, issuesOf, specOf } from "./fixtures";

const withDomain = (customDomain: unknown) => configWith({ "auth0kit:tenant": { customDomain } });

describe("custom domain", () => {
  it("keeps the canonical issuer unless useForIssuer is set", () => {
    expect(specOf(withDomain({ domain: "auth.example.com" })).tenant.customDomain).toEqual({ domain: "auth.example.com", useForIssuer: false });
  });

  it("rejects a URL where a host is expected", () => {
    expect(issuesOf(withDomain({ domain: "https://auth.example.com/" }))).toEqual([
      "auth0kit:tenant.customDomain.domain: write the host only, in lowercase, e.g. auth.example.com",
    ]);
  });

  it("rejects the canonical tenant domain", () => {
    expect(issuesOf(withDomain({ domain: "example-dev.us.auth0.com" }))).toEqual([
      "auth0kit:tenant.customDomain.domain: example-dev.us.auth0.com is the canonical tenant domain (auth0:domain); use a host of your own domain, e.g. auth.example.com",
    ]);
  });

  it("rejects another Auth0 host", () => {
    expect(issuesOf(withDomain({ domain: "other.eu.auth0.com" }))).toEqual([
      "auth0kit:tenant.customDomain.domain: other.eu.auth0.com is an Auth0 host; a custom domain is a host of a domain you own, e.g. auth.example.com",
    ]);
  });

  it("rejects unknown keys, such as a misspelled useForIssuer", () => {
    expect(issuesOf(withDomain({ domain: "auth.example.com", useAsIssuer: true }))).toEqual([
      'auth0kit:tenant.customDomain: unknown key "useAsIssuer"; did you mean "useForIssuer"?',
    ]);
  });
});

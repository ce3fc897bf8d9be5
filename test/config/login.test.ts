import { describe, expect, it } from "vitest";
import { checkWarnings } from "../../config/warnings";
import { formatIssue } from "../../config/issues";
import { configWith, type ConfigInput, issuesOf, specOf } from "./fixtures";

const OKTA = { kind: "enterprise", strategy: "okta", domain: "acme.okta.com", clientId: "0oa1", clientSecret: { secret: "oktaSecret" }, domainAliases: ["acme.com"], applications: ["spa"] };
const BRANDING = { logoUrl: "https://cdn.example.com/logo.png", faviconUrl: "https://cdn.example.com/favicon.ico", colors: { primary: "#0059d6", pageBackground: "#ffffff" } };

/** The base config plus an Okta connection that discovers acme.com users (its secret set). */
function withDiscovery(extra: ConfigInput = {}): [ConfigInput, { secretKeys: string[] }] {
  return [configWith({ "auth0kit:oktaSecret": "s", "auth0kit:connections": { "acme-okta": OKTA }, ...extra }), { secretKeys: ["auth0kit:oktaSecret"] }];
}

describe("auth0kit:login", () => {
  it("defaults to Auth0's password-on-the-first-screen flow and its own texts", () => {
    expect(specOf(configWith({ "auth0kit:login": {} })).login).toEqual({ identifierFirst: false, webauthnPlatformFirstFactor: false, texts: {} });
  });

  it("keeps branding and texts by prompt, language and screen", () => {
    const texts = { "login-id": { en: { "login-id": { title: "Sign in to Example" } } } };
    expect(specOf(configWith({ "auth0kit:login": { branding: BRANDING, texts } })).login).toMatchObject({ branding: BRANDING, texts });
  });

  it("refuses identifier-first off while an enterprise connection discovers users by email domain", () => {
    expect(issuesOf(...withDiscovery({ "auth0kit:login": { identifierFirst: false } }))).toEqual([
      "auth0kit:login.identifierFirst: false turns home-realm discovery off: connections acme-okta route users by email domain (domainAliases) only after an identifier-first screen; set identifierFirst: true",
    ]);
    expect(issuesOf(...withDiscovery({ "auth0kit:login": { identifierFirst: true } }))).toEqual([]);
  });

  it("warns when discovery relies on a prompt setting the stack does not manage", () => {
    const [config, options] = withDiscovery();
    expect(checkWarnings(specOf(config, options)).map(formatIssue)).toEqual([
      "auth0kit:login: not set, so the tenant's identifier-first setting is left as it is; connections acme-okta route users by email domain only with it on; set auth0kit:login.identifierFirst: true",
    ]);
  });

  it("refuses biometrics first without identifier first and the WebAuthn platform factor", () => {
    expect(issuesOf(configWith({ "auth0kit:login": { webauthnPlatformFirstFactor: true } }))).toEqual([
      "auth0kit:login.webauthnPlatformFirstFactor: biometrics first needs the identifier-first prompt; set identifierFirst: true",
      "auth0kit:login.webauthnPlatformFirstFactor: needs the WebAuthn platform factor for enrollment; set auth0kit:mfa.factors.webauthnPlatform: true",
    ]);
    const mfa = { policy: "all-applications", factors: { otp: true, webauthnPlatform: true, recoveryCodes: true } };
    expect(issuesOf(configWith({ "auth0kit:login": { identifierFirst: true, webauthnPlatformFirstFactor: true }, "auth0kit:mfa": mfa }))).toEqual([]);
  });

  it("needs logo, favicon and colours together, each over https", () => {
    expect(issuesOf(configWith({ "auth0kit:login": { branding: { ...BRANDING, faviconUrl: "http://cdn.example.com/f.ico", colors: undefined } } }))).toEqual([
      "auth0kit:login.branding.colors: required: Auth0 takes logo, favicon and colours together; set colors: { primary, pageBackground }",
      "auth0kit:login.branding.faviconUrl: Auth0 accepts only https favicon URLs; serve it over https",
    ]);
  });

  it("refuses texts for an unknown prompt, or in a language the tenant does not offer", () => {
    expect(issuesOf(configWith({ "auth0kit:login": { texts: { "log-in": { en: { login: { title: "x" } } } } } }))).toEqual([
      'auth0kit:login.texts: unknown key "log-in"; remove it or fix the spelling',
    ]);
    expect(issuesOf(configWith({ "auth0kit:login": { texts: { login: { fr: { login: { title: "Connexion" } } } } } }))).toEqual([
      "auth0kit:login.texts.login.fr: fr is not among the tenant's languages (en); add it to auth0kit:tenant.enabledLocales or remove these texts",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { configWith, DEVICE_CODE, issuesOf, specOf, TOKEN_EXCHANGE } from "./fixtures";

const apps = (applications: Record<string, unknown>) => configWith({ "auth0kit:applications": applications });

const SPA_ALLOWED = "authorization_code, implicit, refresh_token";
const M2M_ALLOWED = `client_credentials, ${TOKEN_EXCHANGE}`;

describe("grant types per application type", () => {
  it("rejects client_credentials on a single-page application", () => {
    expect(issuesOf(apps({ spa: { grantTypes: ["authorization_code", "client_credentials"] } }))).toEqual([
      `auth0kit:applications.spa.grantTypes[1]: client_credentials is not allowed on a single-page application; allowed: ${SPA_ALLOWED}`,
    ]);
  });

  it("rejects client_credentials on a native application", () => {
    const [line] = issuesOf(apps({ native: { grantTypes: ["client_credentials"] } }));
    expect(line).toMatch(/^auth0kit:applications\.native\.grantTypes\[0\]: client_credentials is not allowed on a native application; allowed: /);
  });

  it("rejects device_code on a single-page application", () => {
    expect(issuesOf(apps({ spa: { grantTypes: [DEVICE_CODE] } }))).toEqual([
      `auth0kit:applications.spa.grantTypes[0]: ${DEVICE_CODE} is not allowed on a single-page application; allowed: ${SPA_ALLOWED}`,
    ]);
  });

  it("rejects device_code on a machine-to-machine application", () => {
    expect(issuesOf(apps({ m2m: { grantTypes: ["client_credentials", DEVICE_CODE] } }))).toEqual([
      `auth0kit:applications.m2m.grantTypes[1]: ${DEVICE_CODE} is not allowed on a machine-to-machine application; allowed: ${M2M_ALLOWED}`,
    ]);
  });

  it("accepts device_code on a native application", () => {
    expect(issuesOf(apps({ native: { grantTypes: [DEVICE_CODE, "refresh_token"] } }))).toEqual([]);
  });

  it("accepts token exchange on a machine-to-machine application", () => {
    expect(issuesOf(apps({ m2m: { grantTypes: ["client_credentials", TOKEN_EXCHANGE] } }))).toEqual([]);
  });

  it("accepts client_credentials on a regular web application", () => {
    expect(issuesOf(apps({ web: { type: "regular_web", grantTypes: ["authorization_code", "client_credentials"] } }))).toEqual([]);
  });

  it("rejects refresh_token on a machine-to-machine application", () => {
    expect(issuesOf(apps({ m2m: { grantTypes: ["client_credentials", "refresh_token"] } }))).toEqual([
      `auth0kit:applications.m2m.grantTypes[1]: refresh_token is not allowed on a machine-to-machine application; allowed: ${M2M_ALLOWED}`,
    ]);
  });

  it("rejects an unknown grant type, reporting each offending index", () => {
    expect(issuesOf(apps({ spa: { grantTypes: ["magic", "authorization_code", "client_credentials"] } }))).toEqual([
      `auth0kit:applications.spa.grantTypes[0]: magic is not allowed on a single-page application; allowed: ${SPA_ALLOWED}`,
      `auth0kit:applications.spa.grantTypes[2]: client_credentials is not allowed on a single-page application; allowed: ${SPA_ALLOWED}`,
    ]);
  });

  it("rejects an empty grant type string", () => {
    expect(issuesOf(apps({ spa: { grantTypes: [""] } }))).toEqual(["auth0kit:applications.spa.grantTypes[0]: may not be empty"]);
  });

  it("keeps configured grant types in config order", () => {
    expect(specOf(apps({ native: { grantTypes: ["refresh_token", DEVICE_CODE] } })).applications.native!.grantTypes).toEqual([
      "refresh_token",
      DEVICE_CODE,
    ]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { type MockHarness, setupMocks } from "../mocks";

const PROMPT = "auth0:index/prompt:Prompt";
const BRANDING = "auth0:index/branding:Branding";
const TEXT = "auth0:index/promptCustomText:PromptCustomText";

describe("the login experience", () => {
  let mocks: MockHarness;

  beforeAll(async () => {
    mocks = await setupMocks();
    const { LoginExperience } = await import("../../components/loginExperience");
    new LoginExperience("tenant-login", {
      login: {
        identifierFirst: true,
        webauthnPlatformFirstFactor: false,
        branding: { logoUrl: "https://cdn.example.com/logo.png", faviconUrl: "https://cdn.example.com/favicon.ico", colors: { primary: "#0059d6", pageBackground: "#ffffff" } },
        texts: {
          "mfa-otp": { en: { "mfa-otp-challenge": { title: "Code", description: "Enter it" }, "mfa-otp-enrollment-qr": { title: "Scan" } } },
          "login-id": { fr: { "login-id": { title: "Connexion" } }, en: { "login-id": { title: "Sign in" } } },
        },
      },
    });
  });

  it("always uses the new Universal Login, with identifier first as configured", async () => {
    expect((await mocks.findResource(PROMPT, "tenant-login-prompts")).inputs).toEqual({ universalLoginExperience: "new", identifierFirst: true, webauthnPlatformFirstFactor: false });
  });

  it("declares the tenant's branding", async () => {
    expect((await mocks.findResource(BRANDING, "tenant-login-branding")).inputs).toEqual({
      logoUrl: "https://cdn.example.com/logo.png",
      faviconUrl: "https://cdn.example.com/favicon.ico",
      colors: { primary: "#0059d6", pageBackground: "#ffffff" },
    });
  });

  it("declares one custom text per prompt and language, screens and keys sorted", async () => {
    expect((await mocks.ofType(TEXT)).map((r) => r.name)).toEqual(["tenant-login-text-login-id-en", "tenant-login-text-login-id-fr", "tenant-login-text-mfa-otp-en"]);
    expect((await mocks.findResource(TEXT, "tenant-login-text-mfa-otp-en")).inputs).toEqual({
      prompt: "mfa-otp",
      language: "en",
      body: '{"mfa-otp-challenge":{"description":"Enter it","title":"Code"},"mfa-otp-enrollment-qr":{"title":"Scan"}}',
    });
  });
});

import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { EmailSpec } from "../../config/spec";
import { type MockHarness, setupMocks } from "../mocks";

const PROVIDER = "auth0:index/emailProvider:EmailProvider";
const TEMPLATE = "auth0:index/emailTemplate:EmailTemplate";

const template = (name: "verify_email" | "welcome_email", extra: Record<string, unknown> = {}) => ({
  name,
  subject: `${name} subject`,
  from: "Example <no-reply@example.com>",
  bodyFile: `emails/${name}.liquid`,
  body: `<p>${name}</p>`,
  enabled: true,
  ...extra,
});

async function declare(email: EmailSpec): Promise<MockHarness> {
  const mocks = await setupMocks();
  const { Email } = await import("../../components/email");
  new Email("tenant-email", { email, secrets: { smtpPassword: pulumi.secret("pw-value"), sesKey: pulumi.secret("id"), sesSecret: pulumi.secret("key") } });
  return mocks;
}

describe("email over SMTP with two templates", () => {
  let mocks: MockHarness;

  beforeAll(async () => {
    mocks = await declare({
      from: "Example <no-reply@example.com>",
      provider: { smtp: { host: "smtp.example.com", port: 587, user: "auth0", password: { secret: "smtpPassword" } } },
      templates: {
        verify_email: template("verify_email", { resultUrl: "https://app.example.com/", urlLifetime: 86_400, includeEmailInRedirect: false }),
        welcome_email: template("welcome_email", { enabled: false }),
      },
    });
  });

  it("declares the provider with the default sender, its password a secret", async () => {
    const provider = await mocks.findResource(PROVIDER, "tenant-email-provider");
    expect(provider.inputs).toEqual({
      name: "smtp",
      enabled: true,
      defaultFromAddress: "Example <no-reply@example.com>",
      credentials: { smtpHost: "smtp.example.com", smtpPort: 587, smtpUser: "auth0", smtpPass: "[secret]" },
    });
    expect(JSON.stringify(provider)).not.toContain("pw-value");
    expect(((await mocks.unmaskedInputs(PROVIDER, "tenant-email-provider"))!.credentials as { smtpPass: string }).smtpPass).toBe("pw-value");
  });

  it("declares each template in Liquid, after the provider, with its link settings", async () => {
    const verify = await mocks.findResource(TEMPLATE, "tenant-email-template-verify-email");
    expect(verify.inputs).toEqual({
      template: "verify_email",
      enabled: true,
      from: "Example <no-reply@example.com>",
      subject: "verify_email subject",
      syntax: "liquid",
      body: "<p>verify_email</p>",
      resultUrl: "https://app.example.com/",
      urlLifetimeInSeconds: 86_400,
      includeEmailInRedirect: false,
    });
    expect(verify.dependsOn).toEqual(["tenant-email-provider"]);
    expect((await mocks.findResource(TEMPLATE, "tenant-email-template-welcome-email")).inputs.enabled).toBe(false);
  });
});

describe("email providers", () => {
  it("sends SES keys as secrets with the region", async () => {
    const mocks = await declare({
      from: "a@example.com",
      provider: { ses: { accessKeyId: { secret: "sesKey" }, secretAccessKey: { secret: "sesSecret" }, region: "eu-west-1" } },
      templates: {},
    });
    const provider = await mocks.findResource(PROVIDER, "tenant-email-provider");
    expect(provider.inputs).toMatchObject({ name: "ses", credentials: { accessKeyId: "[secret]", secretAccessKey: "[secret]", region: "eu-west-1" } });
  });
});

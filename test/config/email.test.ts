import { describe, expect, it } from "vitest";
import { loadSpec } from "../../config/load";
import { configWith, type ConfigInput, issuesOf, stackConfig } from "./fixtures";

const SECRET = "auth0kit:smtpPassword";
const SMTP = { smtp: { host: "smtp.example.com", user: "auth0", password: { secret: "smtpPassword" } } };
const BODIES: Record<string, string> = { "emails/verify.liquid": "<p>{{ url }}</p>", "emails/blank.liquid": "  \n" };

/** The base config with auth0kit:email (and the SMTP password as a secret when used), bodies read from BODIES. */
function load(email: Record<string, unknown>, extra: ConfigInput = {}) {
  const uses = JSON.stringify(email).includes("smtpPassword");
  const config = configWith({ ...(uses && { [SECRET]: "pw" }), "auth0kit:email": { from: "Example <no-reply@example.com>", ...email }, ...extra });
  return loadSpec(stackConfig(config, uses ? [SECRET] : []), {}, (file) => BODIES[file]);
}

function problems(email: Record<string, unknown>, extra: ConfigInput = {}): string[] {
  try {
    load(email, extra);
    return [];
  } catch (error) {
    return String((error as Error).message).split("\n");
  }
}

describe("auth0kit:email", () => {
  it("reads each template's body from its file and sends it from the default sender unless set", () => {
    const spec = load({ provider: SMTP, templates: { verify_email: { subject: "Verify", body: "emails/verify.liquid", resultUrl: "https://app.example.com/", urlLifetime: "24h" } } });
    expect(spec.email?.provider).toEqual({ smtp: { ...SMTP.smtp, port: 587 } });
    expect(spec.email?.templates.verify_email).toEqual({
      name: "verify_email",
      subject: "Verify",
      from: "Example <no-reply@example.com>",
      bodyFile: "emails/verify.liquid",
      body: "<p>{{ url }}</p>",
      resultUrl: "https://app.example.com/",
      urlLifetime: 86_400,
      enabled: true,
    });
  });

  it("refuses a body file that does not exist or is empty", () => {
    expect(problems({ provider: SMTP, templates: { verify_email: { subject: "V", body: "emails/none.liquid" }, reset_email: { subject: "R", body: "emails/blank.liquid" } } })).toEqual([
      "auth0kit:email.templates.reset_email.body: emails/blank.liquid is empty; Auth0 would send a blank email",
      "auth0kit:email.templates.verify_email.body: emails/none.liquid does not exist; create it or fix the path (relative to the project root)",
    ]);
  });

  it("refuses templates without a provider of the stack's own", () => {
    expect(problems({ templates: { verify_email: { subject: "V", body: "emails/verify.liquid" } } })).toEqual([
      "auth0kit:email.templates: Auth0 sends customized templates only through your own email provider; set auth0kit:email.provider",
    ]);
  });

  it("names Auth0's templates when a template name is not one of them", () => {
    const all = "verify_email, verify_email_by_code, reset_email, reset_email_by_code, welcome_email, blocked_account, stolen_credentials, enrollment_email, mfa_oob_code, user_invitation";
    const body = { subject: "S", body: "emails/verify.liquid" };
    expect(problems({ provider: SMTP, templates: { welcom_email: body } })).toEqual([
      `auth0kit:email.templates: "welcom_email" is not an Auth0 email template; did you mean "welcome_email"? Auth0's templates are ${all}`,
    ]);
    expect(problems({ provider: SMTP, templates: { password_reset: body } })).toEqual([
      `auth0kit:email.templates: "password_reset" is not an Auth0 email template; use one of ${all}`,
    ]);
    expect(problems({ provider: SMTP, templates: { a: body, b: body } })).toEqual([`auth0kit:email.templates: "a", "b" are not Auth0 email templates; use only ${all}`]);
  });

  it("takes exactly one provider", () => {
    expect(problems({ provider: { ...SMTP, sendgrid: { apiKey: { secret: "smtpPassword" } } } })).toEqual([
      "auth0kit:email.provider: set exactly one provider (smtp, sendgrid, ses, mailgun, sparkpost, mandrill), not smtp and sendgrid",
    ]);
  });

  it("never takes a credential in plain text", () => {
    expect(issuesOf(configWith({ "auth0kit:email": { from: "a@example.com", provider: { sendgrid: { apiKey: "SG.pasted" } } } }))).toEqual([
      "auth0kit:email.provider.sendgrid.apiKey: must reference a secret config key, e.g. { secret: googleClientSecret }, never hold the value itself; store the value with: pulumi config set --secret auth0kit:<key> <value>",
    ]);
  });

  it.each(["no-reply", "Example no-reply@example.com", "Example <no-reply@example>"])("refuses the sender %j", (from) => {
    expect(problems({ from })).toEqual(["auth0kit:email.from: write an email address, e.g. no-reply@example.com or Example <no-reply@example.com>"]);
  });

  it("refuses a link setting on an email without a link", () => {
    expect(problems({ provider: SMTP, templates: { welcome_email: { subject: "W", body: "emails/verify.liquid", resultUrl: "https://app.example.com/", urlLifetime: "1h" } } })).toEqual([
      "auth0kit:email.templates.welcome_email.resultUrl: applies only to the link emails (verify_email, reset_email); remove it",
      "auth0kit:email.templates.welcome_email.urlLifetime: applies only to the link emails (verify_email, reset_email); remove it",
    ]);
  });

  it("refuses templates for flows the stack does not use", () => {
    const templates = { mfa_oob_code: { subject: "Code", body: "emails/verify.liquid" }, user_invitation: { subject: "Join", body: "emails/verify.liquid" } };
    expect(problems({ provider: SMTP, templates })).toEqual([
      "auth0kit:email.templates.mfa_oob_code: is sent only for the email MFA factor, which is off; set auth0kit:mfa.factors.email: true or remove this template",
      "auth0kit:email.templates.user_invitation: is sent only for organization invitations, and the stack has no organizations; add them or remove this template",
    ]);
  });

  it("refuses an http result URL in prod", () => {
    const templates = { verify_email: { subject: "V", body: "emails/verify.liquid", resultUrl: "http://app.example.com/" } };
    // The production-ready base brings its own provider.
    expect(problems({ templates }, { "auth0kit:environment": "prod" })).toEqual([
      "auth0kit:email.templates.verify_email.resultUrl: http://app.example.com/ is not allowed in prod; use https with the real host or move it to the dev stack",
    ]);
  });

  it("refuses email in a local stack", () => {
    expect(issuesOf({ "auth0kit:environment": "local", "auth0kit:email": { from: "a@example.com" } })).toEqual([
      "auth0kit:email: a local stack provisions nothing in Auth0, so this email provider and these templates would never be set up; remove auth0kit:email or move it to a dev stack",
    ]);
  });
});

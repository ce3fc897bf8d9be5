import { z } from "zod";
import { echo } from "../issues";
import { closest } from "../suggest";
import { absoluteUrl, duration, secretRef } from "./common";

/** The email services Auth0 sends through, as the provider names them (snake_case). */
export const EMAIL_PROVIDERS = ["smtp", "sendgrid", "ses", "mailgun", "sparkpost", "mandrill"] as const;
export type EmailProviderName = (typeof EMAIL_PROVIDERS)[number];

/**
 * The templates a stack may customize, by Auth0's own names (terraform-provider-auth0's
 * validator; the legacy `change_password`/`password_reset` and `async_approval` are left out).
 */
export const EMAIL_TEMPLATES = [
  "verify_email",
  "verify_email_by_code",
  "reset_email",
  "reset_email_by_code",
  "welcome_email",
  "blocked_account",
  "stolen_credentials",
  "enrollment_email",
  "mfa_oob_code",
  "user_invitation",
] as const;
export type EmailTemplateName = (typeof EMAIL_TEMPLATES)[number];

/**
 * Auth0 has a fixed set of templates, so a name outside it is a typo or a template Auth0 does not
 * let you customize; the message names the closest template and lists them all.
 */
export function unknownTemplates(names: readonly string[]): string {
  const allowed = EMAIL_TEMPLATES.join(", ");
  if (names.length === 1) {
    const match = closest(names[0]!, EMAIL_TEMPLATES);
    const hint = match === undefined ? "use one of" : `did you mean "${match}"? Auth0's templates are`;
    return `${echo(names[0]!)} is not an Auth0 email template; ${hint} ${allowed}`;
  }
  return `${names.map((name) => echo(name)).join(", ")} are not Auth0 email templates; use only ${allowed}`;
}

/** Templates whose email holds a link: they take a result URL, a link lifetime and the email-in-redirect switch. */
export const LINK_TEMPLATES: readonly EmailTemplateName[] = ["verify_email", "reset_email"];

/** `no-reply@example.com` or `Example <no-reply@example.com>`. */
const ADDRESS = /^(?:[^<>@\n]+ <[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;
const address = z.string().regex(ADDRESS, { message: "write an email address, e.g. no-reply@example.com or Example <no-reply@example.com>" });


const region = z.enum(["eu"]).optional().describe("eu for the provider's EU region. Defaults to its US region.");

const providerSchema = z
  .strictObject({
    smtp: z
      .strictObject({
        host: z.string().min(1).describe("The SMTP server's host name."),
        port: z.number().int().min(1).max(65_535).default(587).describe("The SMTP port, 1 to 65535. Defaults to 587 (submission); avoid 25, which many networks block."),
        user: z.string().min(1).describe("The SMTP user name."),
        password: secretRef.describe("The SMTP password, as { secret: <key> }."),
      })
      .optional()
      .describe("Any SMTP server; the password from a secret config key."),
    sendgrid: z.strictObject({ apiKey: secretRef.describe("The SendGrid API key, as { secret: <key> }.") }).optional().describe("SendGrid."),
    ses: z
      .strictObject({
        accessKeyId: secretRef.describe("The AWS access key ID, as { secret: <key> }."),
        secretAccessKey: secretRef.describe("The AWS secret access key, as { secret: <key> }."),
        region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: "write an AWS region, e.g. us-east-1" }).describe("The AWS region SES sends from, e.g. us-east-1."),
      })
      .optional()
      .describe("Amazon SES: both keys from secret config keys, and the AWS region."),
    mailgun: z
      .strictObject({
        apiKey: secretRef.describe("The Mailgun API key, as { secret: <key> }."),
        domain: z.string().min(4).describe("The Mailgun sending domain."),
        region,
      })
      .optional()
      .describe("Mailgun: the API key, the sending domain, and eu for Mailgun's EU region."),
    sparkpost: z.strictObject({ apiKey: secretRef.describe("The SparkPost API key, as { secret: <key> }."), region }).optional().describe("SparkPost: the API key, and eu for SparkPost EU."),
    mandrill: z.strictObject({ apiKey: secretRef.describe("The Mandrill API key, as { secret: <key> }.") }).optional().describe("Mandrill (Mailchimp Transactional)."),
  })
  .superRefine((provider, ctx) => {
    const set = Object.keys(provider).filter((name) => provider[name as EmailProviderName] !== undefined);
    if (set.length !== 1) {
      ctx.addIssue({ code: "custom", message: `set exactly one provider (${EMAIL_PROVIDERS.join(", ")})${set.length > 1 ? `, not ${set.join(" and ")}` : ""}` });
    }
  })
  .describe("The email service Auth0 sends through: exactly one of smtp, sendgrid, ses, mailgun, sparkpost or mandrill.");

const templateSchema = z
  .strictObject({
    subject: z.string().trim().min(1).describe("The subject line; Liquid variables such as {{ application.name }} are allowed. Required."),
    body: z
      .string()
      .min(1)
      .refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), { message: "use a path inside the project, relative to its root" })
      .describe("The template's HTML (Liquid) file, relative to the project root, e.g. emails/alphaswarm/verify-email.liquid; sent byte for byte. Required."),
    from: address.optional().describe("The template's sender. Defaults to auth0kit:email.from."),
    resultUrl: absoluteUrl.optional().describe("verify_email and reset_email: where the user lands after following the link. Defaults to Auth0's page."),
    urlLifetime: duration.optional().describe("verify_email and reset_email: how long the link stays valid, e.g. 24h. Defaults to Auth0's 5 days."),
    includeEmailInRedirect: z.boolean().optional().describe("verify_email and reset_email: put the user's email in the result URL's query. Defaults to Auth0's true."),
    enabled: z.boolean().default(true).describe("Send this email at all. Defaults to true."),
  })
  .describe("One customized email template.");

export const emailSchema = z
  .strictObject({
    provider: providerSchema.optional(),
    from: address.describe("The default sender, no-reply@example.com or Example <no-reply@example.com>; also used by templates that set no from. Required."),
    templates: z
      .partialRecord(z.enum(EMAIL_TEMPLATES), templateSchema, {
        // zod's types list invalid_type and invalid_key here, but an enum-keyed record reports
        // names outside the enum as unrecognized_keys (the test pins it).
        error: (issue) => {
          const raised = issue as z.core.$ZodRawIssue;
          return raised.code === "unrecognized_keys" ? unknownTemplates(raised.keys) : undefined;
        },
      })
      .default({})
      .describe(`Customized templates by Auth0's template name: ${EMAIL_TEMPLATES.join(", ")}. Defaults to none (Auth0's own texts).`),
  })
  .describe("The email provider Auth0 sends through and the customized templates. Unset, the tenant keeps what it has (in dev, Auth0's built-in test provider); stage and prod require a provider (guardrail email-provider-configured).");

export type EmailConfig = z.output<typeof emailSchema>;
export type EmailProviderConfig = NonNullable<EmailConfig["provider"]>;
export type EmailTemplateConfig = z.output<typeof templateSchema>;

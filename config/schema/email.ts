import { z } from "zod";
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

/** Templates whose email holds a link: they take a result URL, a link lifetime and the email-in-redirect switch. */
export const LINK_TEMPLATES: readonly EmailTemplateName[] = ["verify_email", "reset_email"];

/** `no-reply@example.com` or `Example <no-reply@example.com>`. */
const ADDRESS = /^(?:[^<>@\n]+ <[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;
const address = z.string().regex(ADDRESS, { message: "write an email address, e.g. no-reply@example.com or Example <no-reply@example.com>" });

const region = z.enum(["eu"]).optional();

const providerSchema = z
  .strictObject({
    /** Any SMTP server; the password from a secret config key. */
    smtp: z
      .strictObject({
        host: z.string().min(1),
        /** Defaults to 587 (submission); avoid 25, which many networks block. */
        port: z.number().int().min(1).max(65_535).default(587),
        user: z.string().min(1),
        password: secretRef,
      })
      .optional(),
    sendgrid: z.strictObject({ apiKey: secretRef }).optional(),
    /** Amazon SES: both keys from secret config keys, and the AWS region. */
    ses: z.strictObject({ accessKeyId: secretRef, secretAccessKey: secretRef, region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: "write an AWS region, e.g. us-east-1" }) }).optional(),
    /** Mailgun: the API key, the sending domain, and `eu` for Mailgun's EU region. */
    mailgun: z.strictObject({ apiKey: secretRef, domain: z.string().min(4), region }).optional(),
    /** SparkPost: the API key, and `eu` for SparkPost EU. */
    sparkpost: z.strictObject({ apiKey: secretRef, region }).optional(),
    mandrill: z.strictObject({ apiKey: secretRef }).optional(),
  })
  .superRefine((provider, ctx) => {
    const set = Object.keys(provider).filter((name) => provider[name as EmailProviderName] !== undefined);
    if (set.length !== 1) {
      ctx.addIssue({ code: "custom", message: `set exactly one provider (${EMAIL_PROVIDERS.join(", ")})${set.length > 1 ? `, not ${set.join(" and ")}` : ""}` });
    }
  });

const templateSchema = z.strictObject({
  /** The subject line; Liquid variables such as {{ application.name }} are allowed. */
  subject: z.string().trim().min(1),
  /** The template's HTML (Liquid) file, relative to the project root, e.g. emails/verify-email.liquid. */
  body: z.string().min(1).refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), { message: "use a path inside the project, relative to its root" }),
  /** The sender. Defaults to auth0kit:email.from. */
  from: address.optional(),
  /** Where the user lands after following the link (verify_email, reset_email). Defaults to Auth0's page. */
  resultUrl: absoluteUrl.optional(),
  /** How long the link stays valid (verify_email, reset_email), e.g. 24h. Defaults to Auth0's 5 days. */
  urlLifetime: duration.optional(),
  /** Put the user's email in the result URL's query (verify_email, reset_email). Defaults to Auth0's true. */
  includeEmailInRedirect: z.boolean().optional(),
  /** Send this email at all. Defaults to true. */
  enabled: z.boolean().default(true),
});

export const emailSchema = z.strictObject({
  /** The email service Auth0 sends through. Unset: Auth0's built-in test provider (dev only). */
  provider: providerSchema.optional(),
  /** The default sender, also used by templates that set no `from`. */
  from: address,
  /** Customized templates by Auth0's template name. Defaults to none (Auth0's own texts). */
  templates: z.partialRecord(z.enum(EMAIL_TEMPLATES), templateSchema).default({}),
});

export type EmailConfig = z.output<typeof emailSchema>;
export type EmailProviderConfig = NonNullable<EmailConfig["provider"]>;
export type EmailTemplateConfig = z.output<typeof templateSchema>;

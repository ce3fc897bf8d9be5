/**
 * GET /emails/provider and /email-templates/{name} → `auth0kit:email`. Auth0 never returns a
 * provider's keys or passwords: each becomes a `{ secret: <key> }` reference. A template's body
 * becomes a file beside the stack (or the project's file that already holds exactly that text).
 */
import { configPath } from "../../config/issues";
import { formatDuration } from "../../config/schema/common";
import { EMAIL_PROVIDERS, EMAIL_TEMPLATES, LINK_TEMPLATES, emailSchema, type EmailTemplateName } from "../../config/schema/email";
import type { Findings } from "../findings";
import { num, obj, str, type Json } from "../json";
import type { EmailSnapshot } from "../tenant";

const ROOT = "auth0kit:email";
const LINK_FIELDS = [
  ["resultUrl", "resultUrl"],
  ["urlLifetimeInSeconds", "urlLifetime"],
  ["includeEmailInRedirect", "includeEmailInRedirect"],
] as const;

export interface AdoptedEmail {
  /** `auth0kit:email`, or undefined when the tenant has nothing the stack should hold. */
  readonly config?: Json;
  /** Template names in the config: each is its own import ID. */
  readonly templates: readonly EmailTemplateName[];
  /** Body files by path relative to the project root. */
  readonly sources: Readonly<Record<string, string>>;
}

/**
 * `existing`: the project's email bodies, path by text, so a template deployed from this
 * repository keeps pointing at its file; `folder`: where new bodies go, under emails/.
 */
export function adoptEmail(email: EmailSnapshot, existing: ReadonlyMap<string, string>, folder: string, findings: Findings): AdoptedEmail {
  const provider = email.provider === undefined ? undefined : providerConfig(email.provider, findings);
  const names = EMAIL_TEMPLATES.filter((name) => email.templates[name] !== undefined);
  const none = { templates: [], sources: {} };
  if (provider === undefined) {
    if (names.length > 0) {
      findings.unmanage(
        configPath(ROOT, "templates"),
        `templates ${names.join(", ")} are customized, but the tenant has no email provider the stack holds, and Auth0 sends customized templates only through one; they stay unmanaged`,
      );
    }
    return none;
  }
  const from = senderOf(email, names);
  if (from === undefined) {
    findings.unmanage(ROOT, "the email provider has no default from address the schema accepts and no template names one; auth0kit:email needs a sender (from), so email stays unmanaged — write auth0kit:email by hand");
    return none;
  }
  if (str(email.provider?.default_from_address) !== from) {
    findings.change(configPath(ROOT, "from"), `the provider has no default from address the schema accepts; written as ${from}, a template's sender, which the first up makes the provider's default`);
  }
  const sources: Record<string, string> = {};
  const templates: Json = {};
  for (const name of names) {
    const adopted = templateConfig(name, email.templates[name]!, from, findings);
    if (adopted === undefined) continue;
    const path = existing.get(adopted.body) ?? `emails/${folder}/${name.replace(/_/g, "-")}.liquid`;
    sources[path] = adopted.body;
    templates[name] = { ...adopted.config, body: path };
  }
  const config: Json = { provider, from };
  if (Object.keys(templates).length > 0) config.templates = templates;
  return { config, templates: Object.keys(templates) as EmailTemplateName[], sources };
}

/** The provider's default sender, else the first template's that the schema accepts. */
function senderOf(email: EmailSnapshot, names: readonly EmailTemplateName[]): string | undefined {
  const candidates = [str(email.provider?.default_from_address), ...names.map((name) => str(email.templates[name]!.from))];
  return candidates.find((address) => address !== undefined && emailSchema.shape.from.safeParse(address).success);
}

export function providerConfig(provider: Json, findings: Findings): Json | undefined {
  const at = (...segments: string[]) => configPath(ROOT, "provider", ...segments);
  const name = str(provider.name) ?? "";
  if (!(EMAIL_PROVIDERS as readonly string[]).includes(name)) {
    findings.unmanage(at(), `the tenant sends through the ${name || "unnamed"} provider; the schema has ${EMAIL_PROVIDERS.join(", ")}, so the provider stays unmanaged`);
    return undefined;
  }
  if (provider.enabled === false) {
    findings.change(at(), `the ${name} provider is disabled in Auth0; auth0kit always enables it, so the first up turns it on (leave auth0kit:email.provider out to keep it off)`);
  }
  const settings = obj(provider.settings);
  if (settings !== undefined && Object.keys(settings).length > 0) {
    findings.unmanage(at(), `the ${name} provider's settings (${Object.keys(settings).sort().join(", ")}) cannot be written in the schema; they stay as Auth0 has them`);
  }
  const credentials = obj(provider.credentials) ?? {};
  const secret = (field: string, what: string) => findings.secret(at(name, field), what, name, field);
  const region = (value: unknown) => (value === undefined || value === null || value === "" ? {} : { region: value });
  switch (name) {
    case "smtp": {
      const port = num(credentials.smtp_port);
      return {
        smtp: {
          host: credentials.smtp_host,
          ...(port !== undefined && port !== 587 && { port }),
          user: credentials.smtp_user,
          password: secret("password", "the SMTP password"),
        },
      };
    }
    case "ses":
      return {
        ses: {
          accessKeyId: secret("accessKeyId", "the AWS access key ID SES sends with"),
          secretAccessKey: secret("secretAccessKey", "the AWS secret access key SES sends with"),
          region: credentials.region,
        },
      };
    case "mailgun":
      return { mailgun: { apiKey: secret("apiKey", "the Mailgun API key"), domain: credentials.domain, ...region(credentials.region) } };
    case "sparkpost":
      return { sparkpost: { apiKey: secret("apiKey", "the SparkPost API key"), ...region(credentials.region) } };
    case "sendgrid":
      return { sendgrid: { apiKey: secret("apiKey", "the SendGrid API key") } };
    default:
      return { mandrill: { apiKey: secret("apiKey", "the Mandrill API key") } };
  }
}

/** A template's config (body as its text, for the caller to place), or undefined when it stays unmanaged. */
export function templateConfig(name: EmailTemplateName, template: Json, from: string, findings: Findings): { config: Json; body: string } | undefined {
  const at = (...segments: string[]) => configPath(ROOT, "templates", name, ...segments);
  const subject = str(template.subject)?.trim() ?? "";
  const body = str(template.body) ?? "";
  const missing = [subject === "" && "subject", body.trim() === "" && "body"].filter(Boolean);
  if (missing.length > 0) {
    findings.unmanage(at(), `template ${name} has no ${missing.join(" and ")}; the schema needs a subject and a body, so it stays unmanaged`);
    return undefined;
  }
  const config: Json = { subject: str(template.subject) };
  const sender = str(template.from);
  if (sender !== undefined && sender !== "" && sender !== from) config.from = sender;
  const syntax = str(template.syntax);
  if (syntax !== undefined && syntax !== "liquid") {
    findings.change(at("body"), `the template's syntax is ${syntax}; auth0kit sends every body as liquid, so the first up switches it`);
  }
  for (const [field, key] of LINK_FIELDS) {
    const value = template[field];
    if (value === undefined || value === null || value === "") continue;
    if (!LINK_TEMPLATES.includes(name)) {
      findings.unmanage(at(key), `${field} is set in Auth0, but the schema holds it only for the link emails (${LINK_TEMPLATES.join(", ")}), so it stays as Auth0 has it`);
    } else if (field === "urlLifetimeInSeconds") {
      if (num(value) !== undefined) config.urlLifetime = formatDuration(num(value)!);
    } else if (field === "includeEmailInRedirect") {
      // Auth0's default is true; only the other value is worth writing.
      if (value === false) config.includeEmailInRedirect = false;
    } else {
      config.resultUrl = value;
    }
  }
  if (template.enabled === false) config.enabled = false;
  return { config, body };
}

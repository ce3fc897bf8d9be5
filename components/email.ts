import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { EmailProviderConfig } from "../config/schema/email";
import type { EmailSpec } from "../config/spec";
import type { SecretValues } from "./secrets";

export interface EmailArgs {
  /** The validated `auth0kit:email` settings. */
  readonly email: EmailSpec;
  /** Secret config values; the provider's credentials are among them (validated). */
  readonly secrets: SecretValues;
}

/**
 * The tenant's email: the provider Auth0 sends through (credentials as secrets) and the
 * customized templates, written after the provider because Auth0 customizes templates only for
 * tenants with their own provider. Bodies are Liquid HTML, sent exactly as the files hold them.
 */
export class Email extends pulumi.ComponentResource {
  readonly provider?: auth0.EmailProvider;
  readonly templates: Readonly<Record<string, auth0.EmailTemplate>>;

  constructor(name: string, args: EmailArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:email:Email", name, {}, opts);
    const { email } = args;
    const provider = email.provider && providerInputs(email.provider, args.secrets);
    this.provider =
      provider &&
      new auth0.EmailProvider(
        `${name}-provider`,
        { name: provider.name, enabled: true, defaultFromAddress: email.from, credentials: provider.credentials },
        { parent: this },
      );
    const templates: Record<string, auth0.EmailTemplate> = {};
    for (const template of Object.values(email.templates)) {
      templates[template.name] = new auth0.EmailTemplate(
        `${name}-template-${template.name.replace(/_/g, "-")}`,
        {
          template: template.name,
          enabled: template.enabled,
          from: template.from,
          subject: template.subject,
          syntax: "liquid",
          body: template.body,
          resultUrl: template.resultUrl,
          urlLifetimeInSeconds: template.urlLifetime,
          includeEmailInRedirect: template.includeEmailInRedirect,
        },
        { parent: this, dependsOn: this.provider ? [this.provider] : [] },
      );
    }
    this.templates = templates;
    this.registerOutputs({});
  }
}

/** The provider's name and credentials; every secret stays a secret output. */
function providerInputs(provider: EmailProviderConfig, secrets: SecretValues): { name: string; credentials: auth0.types.input.EmailProviderCredentials } {
  const secret = (ref: { secret: string }) => pulumi.secret(secrets[ref.secret]!);
  if (provider.smtp) {
    const { host, port, user, password } = provider.smtp;
    return { name: "smtp", credentials: { smtpHost: host, smtpPort: port, smtpUser: user, smtpPass: secret(password) } };
  }
  if (provider.ses) {
    const { accessKeyId, secretAccessKey, region } = provider.ses;
    return { name: "ses", credentials: { accessKeyId: secret(accessKeyId), secretAccessKey: secret(secretAccessKey), region } };
  }
  if (provider.mailgun) return { name: "mailgun", credentials: { apiKey: secret(provider.mailgun.apiKey), domain: provider.mailgun.domain, region: provider.mailgun.region } };
  if (provider.sparkpost) return { name: "sparkpost", credentials: { apiKey: secret(provider.sparkpost.apiKey), region: provider.sparkpost.region } };
  if (provider.sendgrid) return { name: "sendgrid", credentials: { apiKey: secret(provider.sendgrid.apiKey) } };
  return { name: "mandrill", credentials: { apiKey: secret(provider.mandrill!.apiKey) } };
}

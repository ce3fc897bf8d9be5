import { z } from "zod";
import { absoluteUrl } from "./common";

/** Universal Login prompts whose texts Auth0 lets a tenant replace (the provider's list). */
export const TEXT_PROMPTS = [
  "login", "login-id", "login-password", "login-passwordless", "login-email-verification", "signup", "signup-id", "signup-password",
  "phone-identifier-enrollment", "phone-identifier-challenge", "email-identifier-challenge", "reset-password", "custom-form", "consent",
  "customized-consent", "logout", "mfa-push", "mfa-otp", "mfa-voice", "mfa-phone", "mfa-webauthn", "mfa-sms", "mfa-email",
  "mfa-recovery-code", "mfa", "status", "device-flow", "email-verification", "email-otp-challenge", "organizations", "invitation",
  "common", "passkeys", "captcha", "brute-force-protection",
] as const;

const httpsUrl = (what: string) => absoluteUrl.refine((url) => url.startsWith("https://"), { message: `Auth0 accepts only https ${what} URLs; serve it over https` });
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: "colours are #rrggbb, e.g. #0059d6" });

/** The tenant's Universal Login look (auth0.Branding): Auth0 takes logo, favicon and colours together. */
const brandingSchema = z.strictObject({
  logoUrl: httpsUrl("logo").describe("The logo shown on the login page: an https URL."),
  faviconUrl: httpsUrl("favicon").describe("The login page's favicon: an https URL."),
  colors: z.strictObject(
    {
      primary: hexColor.describe("The buttons' and links' colour, #rrggbb."),
      pageBackground: hexColor.describe("The page background colour, #rrggbb."),
    },
    { error: (issue) => (issue.input === undefined ? "required: Auth0 takes logo, favicon and colours together; set colors: { primary, pageBackground }" : undefined) },
  ).describe("The login page's colours, set together. Required."),
}).describe("The tenant's Universal Login look (auth0.Branding): logo, favicon and colours, all together. Defaults to unset (the tenant keeps its branding).");

/**
 * Replaced texts by prompt, language and screen, e.g.
 * `login-id: { en: { login-id: { title: "Sign in to Acme" } } }` (a prompt may have several screens).
 */
const textsSchema = z.partialRecord(
  z.enum(TEXT_PROMPTS),
  z.record(
    z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,3})?$/, { message: "languages are Auth0's locale codes, e.g. en, fr-CA, pt-BR" }),
    z.record(
      z.string().regex(/^[a-z][a-z0-9-]*$/, { message: "screens are Auth0's screen names, e.g. login-id, mfa-otp-challenge" }),
      z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, { message: "text keys are Auth0's screen text names, e.g. title, description" }), z.string().describe("The replacement text.")),
    ),
  ),
).describe("Replaced Universal Login texts: prompt → language (one of tenant.enabledLocales) → screen → text key → text, one auth0.PromptCustomText per prompt and language. Defaults to Auth0's texts.");

export const loginSchema = z
  .strictObject({
    identifierFirst: z
      .boolean()
      .default(false)
      .describe("Ask for the identifier first and the password on a second screen; required while an enterprise connection has domainAliases, since home-realm discovery needs it. Defaults to false."),
    webauthnPlatformFirstFactor: z
      .boolean()
      .default(false)
      .describe("Offer device biometrics (WebAuthn platform) as the first factor; needs identifierFirst and auth0kit:mfa.factors.webauthnPlatform. Defaults to false."),
    branding: brandingSchema.optional(),
    texts: textsSchema.default({}),
  })
  .describe("Universal Login as the tenant shows it: the prompts (always the new experience), branding and replaced texts. Unset, the tenant keeps its settings.");

export type LoginConfig = z.output<typeof loginSchema>;

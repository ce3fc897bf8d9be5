import { z } from "zod";
import { absoluteUrl, hours, boundedText } from "./common";
import { customDomainSchema } from "./customDomain";

export const ENVIRONMENTS = ["dev", "stage", "prod", "local"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Auth0 subscription plans, for the Management API rate-limit budget (plan/economy.ts). */
export const PLAN_TIERS = ["free", "essentials", "professional", "enterprise", "enterprise-nonprod"] as const;
export type PlanTier = (typeof PLAN_TIERS)[number];

export const environmentSchema = z
  .enum(ENVIRONMENTS)
  .describe(
    "Which environment this stack is: dev, stage, prod or local. In stage and prod the production guardrails apply (see auth0kit:overrides); in prod, APIs, connections, organizations and the custom domain are protected from deletion (database connections are never deleted, in any environment). local declares no Auth0 resources: it generates secrets and renders env files only, and a local stack that sets tenant, apis, applications, connections, organizations, actions, logStreams, mfa or attackProtection (anything but an empty map) is an error saying it would never be provisioned.",
  );

export const tenantSchema = z
  .strictObject({
    friendlyName: boundedText().optional().describe("The tenant's name on the Universal Login page. Defaults to unset (Auth0 shows the tenant name)."),
    supportEmail: z
      .email({ message: "expected an email address such as support@example.com" })
      .optional()
      .describe("Support email address shown to users on Auth0's pages. Defaults to unset."),
    supportUrl: absoluteUrl.optional().describe("Support page shown to users on Auth0's pages. Defaults to unset."),
    sessionLifetime: hours
      .optional()
      .describe("Absolute login-session lifetime, in whole hours (e.g. 168, 168h or 7d). Defaults to Auth0's 168h; Auth0 allows at most 8760h (365 days)."),
    idleSessionLifetime: hours
      .optional()
      .describe(
        "Login-session inactivity lifetime, in whole hours (e.g. 72h). Defaults to Auth0's 72h; Auth0 allows at most 2400h, and it may not exceed sessionLifetime.",
      ),
    enabledLocales: z
      .array(z.string().regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, { message: "use a locale code such as en or pt-BR" }))
      .min(1)
      .default(["en"])
      .describe("Languages of the Universal Login pages, as locale codes (en, pt-BR); the first is the default. Defaults to [en]."),
    defaultAudience: z
      .string()
      .min(1)
      .optional()
      .describe("API identifier (audience) added to every authorization request that names none. Defaults to unset."),
    enableClientConnections: z
      .boolean()
      .default(false)
      .describe(
        "Enable every existing connection for each new application (Auth0's enable_client_connections). Defaults to false, so a connection is enabled only for the applications this stack names.",
      ),
    customDomain: customDomainSchema
      .optional()
      .describe("A custom login domain you own, with Auth0-managed certificates; protected in prod. Defaults to none (the canonical tenant domain only)."),
    planTier: z
      .enum(PLAN_TIERS)
      .optional()
      .describe(
        "The tenant's Auth0 plan. The offline plan then estimates the least pulumi up duration at that plan's Management API rate limit (an estimate on essentials and professional) and recommends pulumi up --parallel N (4 on enterprise, 1 otherwise), which the up:<stack> and preview:<stack> scripts pass, since the provider retries 429s but does not pace itself (docs/scale.md). Never sent to Auth0. Defaults to unset (no estimate).",
      ),
  })
  .describe("Tenant-wide settings: the login page's name and languages, support contacts, session lifetimes, the custom domain.");

export type TenantConfig = z.output<typeof tenantSchema>;

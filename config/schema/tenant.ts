import { z } from "zod";
import { absoluteUrl, hours, boundedText } from "./common";
import { customDomainSchema } from "./customDomain";

export const ENVIRONMENTS = ["dev", "stage", "prod", "local"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Auth0 subscription plans, for the Management API rate-limit budget (plan/economy.ts). */
export const PLAN_TIERS = ["free", "essentials", "professional", "enterprise", "enterprise-nonprod"] as const;
export type PlanTier = (typeof PLAN_TIERS)[number];

export const environmentSchema = z.enum(ENVIRONMENTS);

export const tenantSchema = z.strictObject({
  /** Name shown on the login page. */
  friendlyName: boundedText().optional(),
  supportEmail: z.email({ message: "expected an email address such as support@example.com" }).optional(),
  supportUrl: absoluteUrl.optional(),
  /** Absolute session lifetime, in hours (or e.g. 7d). Defaults to Auth0's 168h. */
  sessionLifetime: hours.optional(),
  /** Session inactivity lifetime, in hours (or e.g. 72h). Defaults to Auth0's 72h. */
  idleSessionLifetime: hours.optional(),
  /** Login-page locales; the first is the default. Defaults to [en]. */
  enabledLocales: z.array(z.string().regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, { message: "use a locale code such as en or pt-BR" })).min(1).default(["en"]),
  /** Tenant-wide API audience appended to every authorization request. */
  defaultAudience: z.string().min(1).optional(),
  /**
   * Enable every existing connection for each new application. Defaults to false, so that a
   * connection is only ever enabled for the applications this stack names.
   */
  enableClientConnections: z.boolean().default(false),
  /** A custom domain (`{ domain, useForIssuer }`) with Auth0-managed certificates. Defaults to none. */
  customDomain: customDomainSchema.optional(),
  /**
   * The tenant's Auth0 plan (free, essentials, professional, enterprise, enterprise-nonprod): the
   * plan estimates the least `pulumi up` duration at its Management API rate limit and recommends
   * `pulumi up --parallel N`. Defaults to unset (no estimate). Never sent to Auth0.
   */
  planTier: z.enum(PLAN_TIERS).optional(),
});

export type TenantConfig = z.output<typeof tenantSchema>;

import { z } from "zod";
import { absoluteUrl, hours } from "./common";
import { customDomainSchema } from "./customDomain";

export const ENVIRONMENTS = ["dev", "stage", "prod", "local"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const environmentSchema = z.enum(ENVIRONMENTS);

export const tenantSchema = z.strictObject({
  /** Name shown on the login page. */
  friendlyName: z.string().min(1).optional(),
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
});

export type TenantConfig = z.output<typeof tenantSchema>;

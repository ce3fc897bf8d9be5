import { z } from "zod";

export const HOSTNAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** `auth0kit:tenant.customDomain`: a domain you own, with Auth0-managed certificates. */
export const customDomainSchema = z.strictObject({
  /** The host users see, e.g. auth.example.com; a CNAME to Auth0 verifies it. */
  domain: z.string().regex(HOSTNAME_PATTERN, { message: "write the host only, in lowercase, e.g. auth.example.com" }),
  /**
   * Issue tokens (issuer, JWKS URL) on the custom domain instead of the canonical tenant domain.
   * Turn on only once Auth0 has verified the domain. Defaults to false.
   */
  useForIssuer: z.boolean().default(false),
});

export type CustomDomainConfig = z.output<typeof customDomainSchema>;

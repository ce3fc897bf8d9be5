import { z } from "zod";

export const HOSTNAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** `auth0kit:tenant.customDomain`: a domain you own, with Auth0-managed certificates. */
export const customDomainSchema = z.strictObject({
  domain: z
    .string()
    .regex(HOSTNAME_PATTERN, { message: "write the host only, in lowercase, e.g. auth.example.com" })
    .describe("The host users see, e.g. auth.example.com (not *.auth0.com); the plan prints the CNAME record that verifies it."),
  useForIssuer: z
    .boolean()
    .default(false)
    .describe(
      "Issue tokens on the custom domain: the issuer and JWKS URL use it instead of the canonical domain. Turn it on only once Auth0 has verified the domain (docs/security.md, two-step rollout). Defaults to false.",
    ),
});

export type CustomDomainConfig = z.output<typeof customDomainSchema>;

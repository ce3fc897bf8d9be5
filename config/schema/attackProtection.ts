import { isIP } from "node:net";
import { z } from "zod";
import { echo } from "../issues";

/**
 * An IPv4 or IPv6 address, or a CIDR range of either (what Auth0's allow-lists accept).
 * The prefix must fit the address family: /0–/32 for IPv4, /0–/128 for IPv6.
 */
export function isIpOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split("/");
  if (rest.length > 0 || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

const allowlist = z
  .array(
    z.string().refine(isIpOrCidr, {
      error: (issue) => `${echo(String(issue.input))} is not an IP address or CIDR range; write e.g. 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32`,
    }),
  )
  .default([])
  .describe("Trusted IPv4/IPv6 addresses and CIDR ranges the protection never acts on; /0 (every address) is refused. Defaults to none.");

const enabled = z
  .boolean()
  .optional()
  .describe("false turns this protection off; in stage and prod only with an override (auth0kit:overrides). Defaults to on: in stage and prod always, in dev when its section is written.");

const bruteForceSchema = z
  .strictObject({
    enabled,
    shields: z
      .array(z.enum(["block", "user-notification"]))
      .default(["block", "user-notification"])
      .describe("What happens when the limit is reached: block the user's login from that IP, and/or email the user. Defaults to both."),
    mode: z
      .enum(["count-per-identifier-and-ip", "count-per-identifier"])
      .default("count-per-identifier-and-ip")
      .describe("Count failed attempts per user and IP address, or per user from any address. Defaults to count-per-identifier-and-ip."),
    maxAttempts: z.number().int().min(1).optional().describe("Failed logins before the shields act. Defaults to Auth0's 10."),
    allowlist,
  })
  .describe("Brute-force protection: failed logins for one user.");

const breachedPasswordsSchema = z
  .strictObject({
    enabled,
    shields: z
      .array(z.enum(["block", "user-notification", "admin-notification"]))
      .default(["block", "user-notification"])
      .describe("What happens when a login uses a leaked password: block it, email the user, email the tenant's admins. Defaults to block and user-notification."),
    adminNotificationFrequency: z
      .array(z.enum(["immediately", "daily", "weekly", "monthly"]))
      .min(1)
      .optional()
      .describe("How often admins are emailed; needs the admin-notification shield. Defaults to Auth0's."),
    method: z
      .enum(["standard", "enhanced"])
      .default("standard")
      .describe("standard, or enhanced (Auth0's Credential Guard, an add-on). Defaults to standard."),
    signupShields: z
      .array(z.enum(["block", "admin-notification"]))
      .optional()
      .describe("What happens at sign-up with a leaked password: block it, email the admins. Defaults to Auth0's."),
  })
  .describe("Breached-password detection: logins and sign-ups with credentials known to have leaked.");

const throttle = z.strictObject({
  maxAttempts: z.number().int().min(1).optional().describe("Attempts allowed from one IP address before throttling starts. Defaults to Auth0's."),
  rate: z.number().int().min(1).optional().describe("Milliseconds after which one more attempt becomes available. Defaults to Auth0's."),
});

const suspiciousIpThrottlingSchema = z
  .strictObject({
    enabled,
    shields: z
      .array(z.enum(["block", "admin-notification"]))
      .default(["block", "admin-notification"])
      .describe("What happens to an IP address over the limit: block it, and/or email the admins. Defaults to both."),
    allowlist,
    preLogin: throttle.optional().describe("Throttling of login attempts. Defaults to Auth0's (100 attempts, one more per 864000 ms)."),
    preUserRegistration: throttle.optional().describe("Throttling of sign-ups. Defaults to Auth0's (50 attempts, one more per 1200 ms)."),
  })
  .describe("Suspicious-IP throttling: many attempts from one IP address, against any users.");

export const attackProtectionSchema = z
  .strictObject({
    bruteForce: bruteForceSchema.optional(),
    breachedPasswords: breachedPasswordsSchema.optional(),
    suspiciousIpThrottling: suspiciousIpThrottlingSchema.optional(),
  })
  .describe(
    "Auth0's attack protection. In stage and prod all three protections are managed and on unless a section says enabled: false (which needs an override); in dev only the sections written are managed, the others stay as the tenant has them. Defaults to unset.",
  );

export type AttackProtectionConfig = z.output<typeof attackProtectionSchema>;
type Resolved<T> = Omit<T, "enabled"> & { readonly enabled: boolean };
export type BruteForceSpec = Resolved<z.output<typeof bruteForceSchema>>;
export type BreachedPasswordsSpec = Resolved<z.output<typeof breachedPasswordsSchema>>;
export type SuspiciousIpThrottlingSpec = Resolved<z.output<typeof suspiciousIpThrottlingSchema>>;

/**
 * Attack protection as this stack manages it: a protection that is absent here is left as the
 * tenant has it. Undefined when the stack manages none.
 */
export interface AttackProtectionSpec {
  readonly bruteForce?: BruteForceSpec;
  readonly breachedPasswords?: BreachedPasswordsSpec;
  readonly suspiciousIpThrottling?: SuspiciousIpThrottlingSpec;
}

const PROTECTIONS = ["bruteForce", "breachedPasswords", "suspiciousIpThrottling"] as const;

/**
 * In stage and prod every protection is managed and on unless the config turns it off; in dev
 * only the protections the config writes are managed, on unless turned off. Without any, dev
 * leaves the tenant's own settings (Auth0 enables brute-force protection on new tenants).
 */
export function resolveAttackProtection(config: AttackProtectionConfig | undefined, productionLike: boolean): AttackProtectionSpec | undefined {
  const resolved: Record<string, unknown> = {};
  for (const protection of PROTECTIONS) {
    const written = config?.[protection];
    if (written === undefined && !productionLike) continue;
    const settings = written ?? attackProtectionSchema.shape[protection].unwrap().parse({});
    resolved[protection] = { ...settings, enabled: settings.enabled ?? true };
  }
  return Object.keys(resolved).length === 0 ? undefined : (resolved as AttackProtectionSpec);
}

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
  .default([]);

const enabled = z.boolean().optional();

const bruteForceSchema = z.strictObject({
  /** Defaults to true in stage and prod, and to true in dev when this section is written. */
  enabled,
  /** block, user-notification. Defaults to both. */
  shields: z.array(z.enum(["block", "user-notification"])).default(["block", "user-notification"]),
  /** count-per-identifier-and-ip or count-per-identifier. Defaults to count-per-identifier-and-ip. */
  mode: z.enum(["count-per-identifier-and-ip", "count-per-identifier"]).default("count-per-identifier-and-ip"),
  /** Failed attempts before the shields act. Defaults to Auth0's 10. */
  maxAttempts: z.number().int().min(1).optional(),
  /** Trusted IPs and CIDR ranges. Defaults to []. */
  allowlist,
});

const breachedPasswordsSchema = z.strictObject({
  enabled,
  /** block, user-notification, admin-notification. Defaults to block and user-notification. */
  shields: z.array(z.enum(["block", "user-notification", "admin-notification"])).default(["block", "user-notification"]),
  /** How often admins are emailed (needs the admin-notification shield). Defaults to Auth0's. */
  adminNotificationFrequency: z.array(z.enum(["immediately", "daily", "weekly", "monthly"])).min(1).optional(),
  /** standard, or enhanced (Credential Guard, an add-on). Defaults to standard. */
  method: z.enum(["standard", "enhanced"]).default("standard"),
  /** Shields at signup: block, admin-notification. Defaults to Auth0's. */
  signupShields: z.array(z.enum(["block", "admin-notification"])).optional(),
});

const throttle = z.strictObject({
  /** Attempts allowed from one IP address before throttling. */
  maxAttempts: z.number().int().min(1).optional(),
  /** Milliseconds after which one more attempt becomes available. */
  rate: z.number().int().min(1).optional(),
});

const suspiciousIpThrottlingSchema = z.strictObject({
  enabled,
  /** block, admin-notification. Defaults to both. */
  shields: z.array(z.enum(["block", "admin-notification"])).default(["block", "admin-notification"]),
  /** Trusted IPs and CIDR ranges. Defaults to []. */
  allowlist,
  /** Throttling before login. Defaults to Auth0's (100 attempts, one more per 864000 ms). */
  preLogin: throttle.optional(),
  /** Throttling before signup. Defaults to Auth0's (50 attempts, one more per 1200 ms). */
  preUserRegistration: throttle.optional(),
});

export const attackProtectionSchema = z.strictObject({
  bruteForce: bruteForceSchema.optional(),
  breachedPasswords: breachedPasswordsSchema.optional(),
  suspiciousIpThrottling: suspiciousIpThrottlingSchema.optional(),
});

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

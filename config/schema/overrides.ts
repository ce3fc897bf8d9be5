import { z } from "zod";

/**
 * An explicit, reviewed exception to one production guardrail at one config path. Overrides
 * are a list, not a map, so that each carries its own written reason.
 */
export const overrideSchema = z.strictObject({
  /** The guardrail's name, e.g. no-all-permissions-grant. */
  rule: z.string().min(1),
  /** The config path the guardrail reported (or a prefix of it), e.g. auth0kit:applications.backend-m2m.grants.core. */
  path: z.string().min(1),
  /** Why this exception is acceptable; it is printed by every plan. */
  reason: z.string().trim().min(20, { message: "say why in at least 20 characters; reviewers read it in every plan" }),
});

export const overridesSchema = z.array(overrideSchema).default([]);

export type Override = z.output<typeof overrideSchema>;

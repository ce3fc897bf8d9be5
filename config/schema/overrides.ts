import { z } from "zod";

/**
 * An explicit, reviewed exception to one production guardrail at one config path. Overrides
 * are a list, not a map, so that each carries its own written reason.
 */
export const overrideSchema = z
  .strictObject({
    rule: z.string().min(1).describe("The guardrail's name, e.g. no-all-permissions-grant."),
    path: z
      .string()
      .min(1)
      .describe("The config path the guardrail reported, or a prefix of it, e.g. auth0kit:applications.backend-m2m.grants.core."),
    reason: z
      .string()
      .trim()
      .min(20, { message: "say why in at least 20 characters; reviewers read it in every plan" })
      .describe("Why this exception is acceptable, in at least 20 characters; every plan prints it."),
  })
  .describe("An explicit, reviewed exception to one production guardrail at one config path.");

export const overridesSchema = z
  .array(overrideSchema)
  .default([])
  .describe(
    "Exceptions to the production guardrails of stage and prod. An override that covers nothing, or names an unknown guardrail, is an error. Defaults to none.",
  );

export type Override = z.output<typeof overrideSchema>;

import { z } from "zod";

/** The backend's authentication enforcement modes, in rollout order. */
export const ENFORCEMENT_MODES = ["permissive", "strict"] as const;
export type EnforcementMode = (typeof ENFORCEMENT_MODES)[number];

export const rolloutSchema = z
  .strictObject({
    enforcement: z
      .enum(ENFORCEMENT_MODES)
      .describe(
        "How the backend treats requests that fail authentication: permissive serves them and counts the would-be denials (the first rollout step), strict answers 401. Rendered wherever an env variable is { ref: enforcement }, which a backend env file must have. stage and prod refuse permissive unless an override of strict-enforcement gives the reason. Required.",
      ),
  })
  .describe(
    "The staged settings of a product's authentication rollout that auth0kit renders into env files instead of literals edited by hand: set permissive, deploy, check, then strict. Defaults to unset (no { ref: enforcement } allowed).",
  );

export type RolloutConfig = z.output<typeof rolloutSchema>;

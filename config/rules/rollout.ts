import type { ConfigIssue } from "../issues";
import { envVariableSites } from "../references";
import { isProductionLike, type TenantSpec } from "../spec";

const PATH = "auth0kit:rollout.enforcement";

/**
 * The enforcement mode exists for the backend to read; staged but rendered into no backend env
 * file, a flip to strict would change nothing while the plan said it had.
 */
export function enforcementRendered(spec: TenantSpec): ConfigIssue[] {
  if (spec.rollout === undefined) return [];
  const rendered = envVariableSites(spec).some((site) => site.file.kind === "backend" && "ref" in site.source && site.source.ref === "enforcement");
  return rendered
    ? []
    : [{ path: PATH, message: "no backend env file renders it, so the backend would never see it; add a variable such as - ALPHASWARM_AUTH_ENFORCE: { ref: enforcement } to the backend env file" }];
}

/**
 * Guardrail strict-enforcement: permissive serves requests that fail authentication, which stage
 * and prod may do only for a reviewed rollout window (an override, printed by every plan, and an
 * error once the stack is back on strict).
 */
export function strictEnforcement(spec: TenantSpec): ConfigIssue[] {
  if (!isProductionLike(spec.environment) || spec.rollout?.enforcement !== "permissive") return [];
  return [
    {
      path: PATH,
      message: `permissive serves requests that fail authentication in ${spec.environment}; use strict, or add an override of strict-enforcement with the rollout's reason while the would-be denials are checked`,
    },
  ];
}

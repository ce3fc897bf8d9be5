/**
 * Resource economy and rate-limit budget: how many Auth0 Management API requests a fresh
 * `pulumi up` of a plan makes, how that compares with a one-resource-per-item layout, and how long
 * the tenant's plan tier makes it take at least.
 *
 * Pure functions over the plan's resources (type and inputs); no Pulumi, no I/O.
 *
 * ## The request model (per resource created on a fresh `up`)
 *
 * Counted from the Terraform provider's create functions, which the Pulumi Auth0 provider
 * (3.49.0, bridging terraform-provider-auth0 v1.x) runs unchanged: every create is the write
 * call(s) followed by the provider's read-after-create (`return readX(ctx, data, meta)`).
 * Sources: github.com/auth0/terraform-provider-auth0, `internal/auth0/*` (`resource_*.go`).
 *
 * | resource | requests | why |
 * | --- | --- | --- |
 * | most resources (Client, ResourceServer, Connection, Organization, ClientGrant, CustomDomain, LogStream, TokenExchangeProfile, Tenant, Role, Prompt, PromptCustomText) | 2 | one POST (PATCH for the tenant and prompt singletons, PUT for a custom text) + one GET |
 * | Branding | 3 | PATCH + GET the custom domains (the Universal Login template needs one) + GET (recorded: TestAccBranding) |
 * | EmailProvider | 3 | GET (is one configured? then PATCH instead) + POST + GET |
 * | EmailTemplate | 3 | GET (templates cannot be deleted, so an existing one is updated) + POST or PATCH + GET |
 * | ClientCredentials | 2 | PATCH the client's auth method + GET (estimate) |
 * | Action | 4 | POST + GET until built + POST deploy + GET (estimate; a slow build polls more) |
 * | Guardian | 2 per configured setting | one PUT + one read per factor/policy (estimate) |
 * | AttackProtection | 2 per configured shield | PATCH + GET for each of brute force, breached passwords, suspicious IP |
 * | ResourceServerScopes (plural) | 3 | GET the API (guard against erasing scopes), PATCH all scopes, GET |
 * | ResourceServerScope (singular) | 3 each | GET the API, PATCH it with the scope appended, GET (serialized per API by a mutex) |
 * | ConnectionClients (plural) | 3 + ⌈n/50⌉ | GET enabled clients (guard), PATCH `/connections/{id}/clients` (at most 50 per call, estimate), GET clients + GET connection |
 * | ConnectionClient (singular) | 3 each | PATCH `/connections/{id}/clients`, GET clients, GET connection |
 * | OrganizationConnections (plural) | 2 + n | GET enabled connections (guard), one POST per connection (the API has no bulk call), GET |
 * | OrganizationConnection (singular) | 2 each | POST + GET |
 * | RolePermissions (plural) | 2 | POST `/roles/{id}/permissions` with the whole set + GET them (recorded: TestAccRolePermissions) |
 * | RolePermission (singular) | 2 each | POST one permission + GET the role's permissions (estimate) |
 * | TriggerActions (plural) | 2 | PATCH the trigger's bindings with the whole list + GET (estimate) |
 * | TriggerAction (singular) | 3 each | GET bindings, PATCH them with one appended, GET (estimate) |
 * | random:* | 0 | not Auth0 |
 *
 * Assumptions: a fresh tenant (no refresh reads, no imports), no 429 retries, the provider's
 * token request (Authentication API, `/oauth/token`) not counted, `pulumi up`'s preview making no
 * Management API calls for resources that do not exist yet. Figures marked "estimate" were not
 * checked line by line against the provider's source.
 *
 * Note what the model shows: a plural resource saves requests only when its set has several
 * items. `OrganizationConnections` costs one request *more* than a singular
 * `OrganizationConnection` for a one-connection organization (3 against 2), and
 * `ConnectionClients` saves requests from two applications on (4 against 3 per application).
 */

import { PLAN_TIERS, type PlanTier } from "../config/schema/tenant";

/** The fields of a planned resource the model needs. */
export interface ResourceLike {
  readonly type: string;
  readonly custom: boolean;
  readonly inputs: Record<string, unknown>;
}

/** Plural resources, the input holding their set, and their singular counterpart. */
interface PluralModel {
  readonly setInput: string;
  readonly singular: string;
  readonly plural: (n: number) => number;
  readonly perItem: number;
}

const PLURALS: Readonly<Record<string, PluralModel>> = {
  "auth0:index/resourceServerScopes:ResourceServerScopes": { setInput: "scopes", singular: "ResourceServerScope", plural: () => 3, perItem: 3 },
  "auth0:index/connectionClients:ConnectionClients": {
    setInput: "enabledClients",
    singular: "ConnectionClient",
    plural: (n) => 3 + Math.max(1, Math.ceil(n / 50)),
    perItem: 3,
  },
  "auth0:index/organizationConnections:OrganizationConnections": {
    setInput: "enabledConnections",
    singular: "OrganizationConnection",
    plural: (n) => 2 + n,
    perItem: 2,
  },
  "auth0:index/triggerActions:TriggerActions": { setInput: "actions", singular: "TriggerAction", plural: () => 2, perItem: 3 },
  "auth0:index/rolePermissions:RolePermissions": { setInput: "permissions", singular: "RolePermission", plural: () => 2, perItem: 2 },
};

/** Requests to create one resource that is not a plural one. */
function singleRequests(resource: ResourceLike): number {
  if (resource.type.startsWith("random:")) return 0;
  switch (resource.type) {
    case "auth0:index/action:Action":
      return 4;
    case "auth0:index/branding:Branding":
    case "auth0:index/emailProvider:EmailProvider":
    case "auth0:index/emailTemplate:EmailTemplate":
      return 3;
    case "auth0:index/guardian:Guardian":
    case "auth0:index/attackProtection:AttackProtection":
      return 2 * Object.values(resource.inputs).filter((value) => value !== undefined && value !== null).length;
    default:
      return 2;
  }
}

function setSize(resource: ResourceLike, input: string): number {
  const value = resource.inputs[input];
  return Array.isArray(value) ? value.length : 0;
}

export interface EconomyRow {
  /** The provider type token. */
  readonly type: string;
  readonly resources: number;
  readonly requests: number;
  /** In the one-resource-per-item layout. */
  readonly singularResources: number;
  readonly singularRequests: number;
}

export interface Economy {
  /** Provider resources this plan creates (components excluded). */
  readonly resources: number;
  /** Management API requests a fresh `up` of this plan makes (estimate). */
  readonly requests: number;
  /** Of those, requests to the organization write endpoints (create organization, enable its connections). */
  readonly organizationWrites: number;
  /** Resources and requests of the same tenant with one scope, organization connection, connection client, trigger binding and role permission per resource. */
  readonly singularResources: number;
  readonly singularRequests: number;
  readonly byType: readonly EconomyRow[];
}

/** The request model applied to a plan's resources. */
export function economyOf(resources: readonly ResourceLike[]): Economy {
  const rows = new Map<string, { resources: number; requests: number; singularResources: number; singularRequests: number }>();
  let organizationWrites = 0;
  for (const resource of resources) {
    if (!resource.custom) continue;
    const row = rows.get(resource.type) ?? { resources: 0, requests: 0, singularResources: 0, singularRequests: 0 };
    rows.set(resource.type, row);
    const plural = PLURALS[resource.type];
    row.resources += 1;
    if (plural === undefined) {
      const requests = singleRequests(resource);
      row.requests += requests;
      row.singularResources += 1;
      row.singularRequests += requests;
      if (resource.type === "auth0:index/organization:Organization") organizationWrites += 1;
      continue;
    }
    const n = setSize(resource, plural.setInput);
    row.requests += plural.plural(n);
    row.singularResources += n;
    row.singularRequests += n * plural.perItem;
    if (resource.type === "auth0:index/organizationConnections:OrganizationConnections") organizationWrites += n;
  }
  const byType = [...rows.entries()].map(([type, row]) => ({ type, ...row })).sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const sum = (field: keyof (typeof byType)[number]) => byType.reduce((total, row) => total + (row[field] as number), 0);
  return {
    resources: sum("resources"),
    requests: sum("requests"),
    organizationWrites,
    singularResources: sum("singularResources"),
    singularRequests: sum("singularRequests"),
    byType,
  };
}

// ---------------------------------------------------------------------------------------------
// Rate-limit budget

export { PLAN_TIERS, type PlanTier };

export interface RateLimit {
  /** Token-bucket size: requests that may go out at once. */
  readonly burst: number;
  /** Requests per second the bucket refills at. */
  readonly sustained: number;
  /** Where the figure comes from. */
  readonly source: string;
  /** True when Auth0 publishes no current figure for this tier and the value is an estimate. */
  readonly estimate: boolean;
}

const FREE = "https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy/rate-limit-configurations/free-public";
const ENTERPRISE = "https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy/rate-limit-configurations/enterprise-public";
const SELF_SERVICE = "https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy/rate-limit-configurations/essentials-professional-b2b";

/**
 * Management API rate limits per tenant, by Auth0 plan (token bucket: `burst` at once, refilled
 * at `sustained` per second).
 *
 * - Free: burst 2, 2/s — FREE page.
 * - Enterprise production: burst 50, 16/s; non-production: burst 10, 2/s — ENTERPRISE page.
 * - Essentials, Professional: the current page (SELF_SERVICE) shows no Management API figures we
 *   could retrieve. An older Auth0 page gave "Self Service (Paid)" 16/s sustained, 50 max
 *   (https://auth0.com/docs/understand-rate-limit-burst-capability); the issue this was built for
 *   says about 150 per minute. We take the lower, 150/min = 2.5/s with a burst of 10: an
 *   ESTIMATE that errs towards a longer `up`, never towards 429s.
 */
export const RATE_LIMITS: Readonly<Record<PlanTier, RateLimit>> = {
  free: { burst: 2, sustained: 2, source: FREE, estimate: false },
  essentials: { burst: 10, sustained: 2.5, source: SELF_SERVICE, estimate: true },
  professional: { burst: 10, sustained: 2.5, source: SELF_SERVICE, estimate: true },
  enterprise: { burst: 50, sustained: 16, source: ENTERPRISE, estimate: false },
  "enterprise-nonprod": { burst: 10, sustained: 2, source: ENTERPRISE, estimate: false },
};

/**
 * The organization write endpoints (create an organization, enable an organization connection)
 * have their own bucket: burst 5, 150 per minute ("Write organizations", Auth0's Management API
 * endpoint rate limits for Enterprise and Startup subscriptions,
 * https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy/management-api-endpoint-rate-limits;
 * the Private Cloud Basic page lists the same for "Create an Organization" and "Create Organization
 * Connections"). Applied to every tier, capped by the tier's own rate (an assumption for the
 * tiers whose pages do not list endpoint limits).
 */
export const ORGANIZATION_WRITES: { readonly burst: number; readonly sustained: number } = { burst: 5, sustained: 150 / 60 };

/**
 * Assumed mean time the provider waits on one Management API request (network round trip plus
 * Auth0's processing). Each resource operation runs its requests one after another, so `P`
 * operations in parallel send about `P / REQUEST_SECONDS` requests per second.
 */
export const REQUEST_SECONDS = 0.25;

export interface Budget {
  readonly tier: PlanTier;
  readonly limit: RateLimit;
  /** Least time a fresh `up` takes at the tier's sustained rate, in seconds. */
  readonly minSeconds: number;
  /** `pulumi up --parallel N`: the most operations in flight that stay under the sustained rate. */
  readonly parallel: number;
}

/**
 * `--parallel` for a tier: operations in flight × requests per operation-second must not exceed
 * the sustained rate, so N = ⌊sustained × REQUEST_SECONDS⌋, at least 1 and at most the burst.
 * Enterprise: ⌊16 × 0.25⌋ = 4; every other tier: 1.
 */
export function recommendedParallel(tier: PlanTier): number {
  const limit = RATE_LIMITS[tier];
  return Math.max(1, Math.min(limit.burst, Math.floor(limit.sustained * REQUEST_SECONDS)));
}

/** Seconds a token bucket needs to let `requests` through: the burst goes at once, the rest at the sustained rate. */
function bucketSeconds(requests: number, burst: number, sustained: number): number {
  return Math.max(0, requests - burst) / sustained;
}

/** The least time a fresh `up` of this economy takes on the tier, and the parallelism to use. */
export function budgetFor(economy: Pick<Economy, "requests" | "organizationWrites">, tier: PlanTier): Budget {
  const limit = RATE_LIMITS[tier];
  const orgRate = Math.min(ORGANIZATION_WRITES.sustained, limit.sustained);
  const minSeconds = Math.max(
    bucketSeconds(economy.requests, limit.burst, limit.sustained),
    bucketSeconds(economy.organizationWrites, Math.min(ORGANIZATION_WRITES.burst, limit.burst), orgRate),
  );
  return { tier, limit, minSeconds, parallel: recommendedParallel(tier) };
}

/** `1 h 05 min`, `4 min 10 s`, `12 s`. */
export function formatDuration(seconds: number): string {
  const total = Math.ceil(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, "0")} s`;
  return `${s} s`;
}

/** The plan's text section: resources, requests, the comparison, and the budget at the tier. */
export function economyLines(economy: Economy, tier: PlanTier | undefined): string[] {
  const ratio = economy.requests === 0 ? 1 : economy.singularRequests / economy.requests;
  const lines = [
    "Management API budget (estimate for a fresh pulumi up; model in plan/economy.ts):",
    `  ${economy.resources} resources, about ${economy.requests} requests` +
      ` (one resource per scope, organization connection, connection client, trigger binding and role permission: ${economy.singularResources} resources, about ${economy.singularRequests} requests; ${ratio.toFixed(2)}×)`,
  ];
  if (tier === undefined) {
    lines.push("  set auth0kit:tenant.planTier for the least duration at your plan's rate limit and a --parallel recommendation");
    return lines;
  }
  const budget = budgetFor(economy, tier);
  lines.push(
    `  plan tier ${tier}: ${budget.limit.sustained} requests/s sustained, burst ${budget.limit.burst}${budget.limit.estimate ? " (estimated figure)" : ""}` +
      ` → at least ${formatDuration(budget.minSeconds)}; run pulumi up --parallel ${budget.parallel}`,
  );
  return lines;
}

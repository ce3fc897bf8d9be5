/**
 * One owner per set. The Auth0 provider offers a plural resource that owns a whole set (every
 * scope of an API, every client enabled on a connection, …) and a singular one that adds a
 * member; declaring both for the same set makes them undo each other on every `pulumi up`.
 * `ownershipConflicts` finds such pairs in a plan.
 */
import type { PlannedResource } from "../../plan/mockRuntime";

export interface SetOwners {
  readonly plural: string;
  readonly singular: string;
  /** The inputs that name the set (the same fields on both resources). */
  readonly key: readonly string[];
}

const token = (module: string, name: string) => `auth0:index/${module}:${name}`;
const pair = (plural: string, singular: string, key: readonly string[]): SetOwners => ({
  plural: token(plural[0]!.toLowerCase() + plural.slice(1), plural),
  singular: token(singular[0]!.toLowerCase() + singular.slice(1), singular),
  key,
});

/** Every plural/singular pair of @pulumi/auth0 3.49. */
export const SET_OWNERS: readonly SetOwners[] = [
  pair("ResourceServerScopes", "ResourceServerScope", ["resourceServerIdentifier"]),
  pair("ConnectionClients", "ConnectionClient", ["connectionId"]),
  pair("OrganizationConnections", "OrganizationConnection", ["organizationId"]),
  pair("OrganizationMembers", "OrganizationMember", ["organizationId"]),
  pair("OrganizationMemberRoles", "OrganizationMemberRole", ["organizationId", "userId"]),
  pair("OrganizationDiscoveryDomains", "OrganizationDiscoveryDomain", ["organizationId"]),
  pair("TriggerActions", "TriggerAction", ["trigger"]),
  pair("RolePermissions", "RolePermission", ["roleId"]),
  pair("UserRoles", "UserRole", ["userId"]),
  pair("UserPermissions", "UserPermission", ["userId"]),
  pair("PromptScreenPartials", "PromptScreenPartial", ["promptType"]),
];

/** Resources that must be unique per key although they have no plural form. */
const UNIQUE: readonly { readonly type: string; readonly key: readonly string[] }[] = [
  { type: "auth0:index/clientGrant:ClientGrant", key: ["clientId", "audience"] },
  { type: "auth0:index/clientCredentials:ClientCredentials", key: ["clientId"] },
  // Tenant singletons (one per tenant), and the per-name ones that have no plural either.
  { type: "auth0:index/emailProvider:EmailProvider", key: [] },
  { type: "auth0:index/prompt:Prompt", key: [] },
  { type: "auth0:index/branding:Branding", key: [] },
  { type: "auth0:index/emailTemplate:EmailTemplate", key: ["template"] },
  { type: "auth0:index/promptCustomText:PromptCustomText", key: ["prompt", "language"] },
  { type: "auth0:index/role:Role", key: ["name"] },
];

/**
 * Every violation, one line each: a parent holding both the plural and the singular resource of
 * a pair, and any set (or unique resource) declared by more than one resource in the plan.
 */
export function ownershipConflicts(resources: readonly PlannedResource[]): string[] {
  const problems: string[] = [];
  for (const owners of SET_OWNERS) {
    const plural = resources.filter((r) => r.type === owners.plural);
    const singular = resources.filter((r) => r.type === owners.singular);
    const parents = new Set(plural.map((r) => r.parent));
    for (const parent of [...new Set(singular.map((r) => r.parent))].filter((p) => parents.has(p)).sort()) {
      problems.push(`${parent ?? "(root)"} has both ${owners.plural} and ${owners.singular}`);
    }
    problems.push(...duplicates([...plural, ...singular], owners.key, `${owners.plural}/${owners.singular}`));
  }
  for (const unique of UNIQUE) {
    problems.push(...duplicates(resources.filter((r) => r.type === unique.type), unique.key, unique.type));
  }
  return problems;
}

function duplicates(resources: readonly PlannedResource[], key: readonly string[], label: string): string[] {
  const bySet = new Map<string, string[]>();
  for (const resource of resources) {
    const set = key.map((field) => `${field}=${JSON.stringify(resource.inputs[field])}`).join(" ");
    bySet.set(set, [...(bySet.get(set) ?? []), resource.name]);
  }
  return [...bySet]
    .filter(([, names]) => names.length > 1)
    .map(([set, names]) => `${label}${set === "" ? "" : ` ${set}`} is managed by ${names.length} resources: ${names.sort().join(", ")}`);
}

import { type ConfigIssue, echo } from "../issues";
import { type ValueSite, valueSites } from "../references";
import { issuerDomain, type TenantSpec } from "../spec";

/**
 * Roles a value plays that a typed reference covers, recognised from the variable's (or Action
 * secret's) name, as the scope checks recognise `*_SCOPE(S)`. A literal in such a role gets the
 * reference's checks: it must be exactly what the reference would resolve to, or it is refused
 * with the reference to write instead.
 */
interface Role {
  readonly name: RegExp;
  /** What the role is, in a message. */
  readonly what: string;
  /** The values the tenant's references resolve to; undefined when none is known before `pulumi up`. */
  readonly expected: (spec: TenantSpec) => readonly string[] | undefined;
  /** Whether a literal is one this role refuses even when nothing can be compared (an Auth0 client ID). */
  readonly refuses?: (literal: string) => boolean;
  /** The reference to write, in each spelling. */
  readonly envRef: string;
  readonly actionRef: string;
}

const ROLES: readonly Role[] = [
  {
    name: /(^|_)AUDIENCE$/,
    what: "an audience",
    expected: (spec) => [...Object.values(spec.apis).map((api) => api.identifier), `https://${spec.domain}/api/v2/`],
    envRef: "{ ref: apiIdentifier, api: <API key> } (or { ref: managementApiAudience })",
    actionRef: "{ apiIdentifier: <API key> }",
  },
  {
    name: /(^|_)ISSUER(_URL)?$/,
    what: "the issuer",
    expected: (spec) => [`https://${issuerDomain(spec)}/`],
    envRef: "{ ref: issuer }",
    actionRef: "{ issuer: true }",
  },
  {
    name: /JWKS/,
    what: "the JWKS URL",
    expected: (spec) => [`https://${issuerDomain(spec)}/.well-known/jwks.json`],
    envRef: "{ ref: jwksUrl }",
    actionRef: "{ issuer: true } and append .well-known/jwks.json in the code",
  },
  {
    name: /(^|_)AUTH0_(CUSTOM_)?DOMAIN$/,
    what: "the tenant's domain",
    expected: (spec) => [spec.domain, ...(spec.tenant.customDomain ? [spec.tenant.customDomain.domain] : [])],
    envRef: "{ ref: domain } (or { ref: customDomain })",
    actionRef: "{ domain: true }",
  },
  {
    name: /(^|_)CLIENT_ID$/,
    what: "an Auth0 client ID",
    expected: () => undefined,
    // Auth0 client IDs are 32 letters and digits; other providers' client IDs look different.
    refuses: (literal) => /^[A-Za-z0-9]{32}$/.test(literal),
    envRef: "{ ref: clientId, application: <application key> }",
    actionRef: "{ clientId: <application key> }",
  },
];

function literalOf(site: ValueSite): string | undefined {
  return "literal" in site.source ? site.source.literal : undefined;
}

function nameOf(site: ValueSite): string {
  return site.spelling === "envFile" ? site.name : site.path.slice(site.path.lastIndexOf(".") + 1);
}

/** The role a literal plays and the problem with it, if any. */
function literalProblem(spec: TenantSpec, site: ValueSite): ConfigIssue | undefined {
  const literal = literalOf(site);
  if (literal === undefined) return undefined;
  const role = ROLES.find((r) => r.name.test(nameOf(site)));
  if (role === undefined) return undefined;
  const write = site.spelling === "envFile" ? role.envRef : role.actionRef;
  const expected = role.expected(spec);
  if (expected === undefined) {
    if (!role.refuses?.(literal)) return undefined;
    return { path: site.path, message: `is ${role.what}, which Auth0 assigns when the application is created, so a literal cannot be checked against this stack; write ${write}` };
  }
  if (expected.includes(literal)) return undefined;
  const want = expected.length === 1 ? `this tenant's is ${expected[0]}` : `this stack's are ${expected.join(", ")}`;
  return { path: site.path, message: `${echo(literal)} is not ${role.what} of this stack (${want}); write ${write}` };
}

/** Literals that stand where a typed reference would be checked pass the same checks, or are refused. A local stack has no tenant to compare with. */
export function literalsInReferenceRoles(spec: TenantSpec): ConfigIssue[] {
  if (spec.environment === "local") return [];
  return valueSites(spec).flatMap((site) => literalProblem(spec, site) ?? []);
}

/** The API an audience literal names, when it is exactly one of this stack's identifiers. */
export function audienceOfLiteral(spec: TenantSpec, name: string, literal: string): string | undefined {
  if (!ROLES[0]!.name.test(name)) return undefined;
  return Object.values(spec.apis).find((api) => api.identifier === literal)?.key;
}

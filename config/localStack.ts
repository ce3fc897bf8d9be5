import type { ConfigIssue } from "./issues";

/** What each key would provision in Auth0, as a local stack's message names it. */
const PROVISIONED: Readonly<Record<string, string>> = {
  tenant: "these tenant settings would never be applied",
  apis: "these APIs would never be created",
  applications: "these applications would never be created",
  connections: "these connections would never be created",
  organizations: "these organizations would never be created",
  logStreams: "these log streams would never be created",
  mfa: "these MFA settings would never be applied",
  attackProtection: "these attack-protection settings would never be applied",
  actions: "these Actions would never be deployed",
  roles: "these roles would never be created",
  email: "this email provider and these templates would never be set up",
  login: "these login-experience settings would never be applied",
  organizationFiles: "the organizations in these files would never be created",
};

/**
 * A local stack provisions nothing in Auth0 (it only generates secrets and renders env files), so
 * a key that would provision something is an error that says so, never silently dropped. An empty
 * map declares nothing and is accepted.
 */
export function checkLocalStack(namespace: string, parsed: Readonly<Record<string, unknown>>): ConfigIssue[] {
  return Object.entries(PROVISIONED)
    .filter(([name]) => declaresSomething(parsed[name]))
    .map(([name, what]) => ({
      path: `${namespace}:${name}`,
      message: `a local stack provisions nothing in Auth0, so ${what}; remove ${namespace}:${name} or move it to a dev stack`,
    }));
}

function declaresSomething(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== "object" || Object.keys(value).length > 0;
}

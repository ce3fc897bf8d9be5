/**
 * GET /organizations (and each one's enabled connections) → `auth0kit:organizations`. The enabled
 * connections are one set owned by OrganizationConnections.
 */
import { configPath } from "../../config/issues";
import { ORGANIZATION_NAME_PATTERN } from "../../config/schema/organizations";
import type { Findings } from "../findings";
import { assignKeys, slug } from "../keys";
import { obj, str, type Json } from "../json";

const ROOT = "auth0kit:organizations";
const COLOR = /^#[0-9a-fA-F]{6}$/;

export interface AdoptedOrganization {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly config: Json;
}

export function adoptOrganizations(
  organizations: readonly Json[],
  enabledConnections: Readonly<Record<string, readonly Json[]>>,
  connectionKeys: ReadonlyMap<string, string>,
  findings: Findings,
): AdoptedOrganization[] {
  const adoptable = organizations.filter((organization) => {
    const name = str(organization.name) ?? "";
    if (ORGANIZATION_NAME_PATTERN.test(name)) return true;
    findings.unmanage(configPath(ROOT, slug(name, "org")), `organization "${name}" (${str(organization.id)}): the name is not one the schema accepts, so it stays unmanaged`);
    return false;
  });
  const keys = assignKeys(adoptable, (o) => str(o.name)!, (o) => str(o.id)!, "org");
  return adoptable.map((organization) => {
    const id = str(organization.id)!;
    const key = keys.get(id)!;
    const config = organizationConfig(organization, key, findings);
    const connections: Json = {};
    for (const link of enabledConnections[id] ?? []) {
      const connectionId = str(link.connection_id) ?? "";
      const connectionKey = connectionKeys.get(connectionId);
      if (connectionKey === undefined) {
        findings.change(configPath(ROOT, key, "connections"), `connection ${connectionId} is enabled here but not adopted; OrganizationConnections owns the whole set, so the first up removes it from the organization`);
        continue;
      }
      connections[connectionKey] = {
        ...(link.assign_membership_on_login === true && { assignMembershipOnLogin: true }),
        // Auth0 shows a connection as a button unless told not to.
        ...(link.show_as_button === false && { showAsButton: false }),
      };
    }
    if (Object.keys(connections).length > 0) config.connections = connections;
    return { key, id, name: str(organization.name)!, config };
  });
}

export function organizationConfig(organization: Json, key: string, findings: Findings): Json {
  const at = (...segments: string[]) => configPath(ROOT, key, ...segments);
  const name = str(organization.name)!;
  const config: Json = {};
  if (name !== key) config.name = name;
  const displayName = str(organization.display_name);
  if (displayName !== undefined && displayName !== "" && displayName !== name) config.displayName = displayName;
  const branding = obj(organization.branding);
  const out: Json = {};
  const logo = str(branding?.logo_url);
  if (logo !== undefined && logo !== "") {
    if (logo.startsWith("https://")) out.logoUrl = logo;
    else findings.change(at("branding", "logoUrl"), `"${logo}" is not an https URL, which the schema requires; the first up removes the logo`);
  }
  const colors = obj(branding?.colors);
  const primary = str(colors?.primary);
  const page = str(colors?.page_background);
  if (primary !== undefined && page !== undefined && COLOR.test(primary) && COLOR.test(page)) out.colors = { primary, pageBackground: page };
  else if (primary !== undefined || page !== undefined) findings.change(at("branding", "colors"), "Auth0 has only one colour, or one not written #rrggbb; the schema needs both, so the first up removes them");
  if (Object.keys(out).length > 0) config.branding = out;
  if (Object.keys(obj(organization.metadata) ?? {}).length > 0) findings.note(at(), "has metadata, which auth0kit does not manage; it stays as it is");
  return config;
}

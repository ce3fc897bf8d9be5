import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { OrganizationSpec } from "../config/spec";
import { formerParent, type Placement } from "./formerParent";

export interface OrganizationArgs {
  readonly organization: OrganizationSpec;
  /** The tenant's connection IDs by key; every key the organization names is here (validated). */
  readonly connectionIds: Readonly<Record<string, pulumi.Input<string>>>;
  /** Protect the organization from deletion. Defaults to false. */
  readonly protect?: boolean;
}

/** A declared organization: what the tenant's outputs and env files read. */
export interface Organization {
  readonly id: pulumi.Output<string>;
  /**
   * The organization's Auth0 name, as declared (the provider stores it unchanged). A plain value:
   * an Output per customer in the stack outputs cost a large tenant's deploy time and memory.
   */
  readonly name: string;
  readonly organization: auth0.Organization;
  readonly connections: auth0.OrganizationConnections;
}

/**
 * The component type organizations had until large B2B tenants (docs/scale.md): a component per
 * customer cost a registration, and a captured stack, for no resource of its own.
 */
export const FORMER_ORGANIZATION_TYPE = "auth0kit:organization:Organization";

/**
 * A B2B organization (one per institutional customer) with its branding, and the one
 * OrganizationConnections that owns its set of enabled connections (never mixed with singular
 * OrganizationConnection resources). Both are children of the placement's parent (the tenant), named
 * `<name>-organization` and `<name>-connections`, aliased to their URNs under the former
 * per-organization component so that existing stacks see no replacement.
 */
export function declareOrganization(name: string, args: OrganizationArgs, placement: Placement): Organization {
  const { organization: org } = args;
  const branding = org.branding;
  const formerly = formerParent(name, FORMER_ORGANIZATION_TYPE, placement);
  const { parent } = placement;
  const organization = new auth0.Organization(
    `${name}-organization`,
    {
      name: org.name,
      displayName: org.displayName ?? org.name,
      branding:
        branding === undefined
          ? undefined
          : {
              logoUrl: branding.logoUrl,
              colors: branding.colors && { primary: branding.colors.primary, page_background: branding.colors.pageBackground },
            },
    },
    { parent, protect: args.protect ?? false, aliases: [formerly("auth0:index/organization:Organization", `${name}-organization`)] },
  );
  const connections = new auth0.OrganizationConnections(
    `${name}-connections`,
    {
      organizationId: organization.id,
      enabledConnections: Object.keys(org.connections)
        .sort()
        .map((key) => {
          const enabled = org.connections[key]!;
          return {
            connectionId: args.connectionIds[key]!,
            assignMembershipOnLogin: enabled.assignMembershipOnLogin,
            showAsButton: enabled.showAsButton,
          };
        }),
    },
    { parent, aliases: [formerly("auth0:index/organizationConnections:OrganizationConnections", `${name}-connections`)] },
  );
  return { id: organization.id, name: org.name, organization, connections };
}

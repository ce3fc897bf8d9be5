import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { OrganizationSpec } from "../config/spec";

export interface OrganizationArgs {
  readonly organization: OrganizationSpec;
  /** The tenant's connection IDs by key; every key the organization names is here (validated). */
  readonly connectionIds: Readonly<Record<string, pulumi.Input<string>>>;
  /** Protect the organization from deletion. Defaults to false. */
  readonly protect?: boolean;
}

/**
 * A B2B organization (one per institutional customer) with its branding, and the one
 * OrganizationConnections that owns its set of enabled connections (never mixed with singular
 * OrganizationConnection resources).
 */
export class Organization extends pulumi.ComponentResource {
  readonly id: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
  readonly organization: auth0.Organization;
  readonly connections: auth0.OrganizationConnections;

  constructor(name: string, args: OrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:organization:Organization", name, {}, opts);
    const { organization: org } = args;
    const branding = org.branding;
    this.organization = new auth0.Organization(
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
      { parent: this, protect: args.protect ?? false },
    );
    this.connections = new auth0.OrganizationConnections(
      `${name}-connections`,
      {
        organizationId: this.organization.id,
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
      { parent: this },
    );
    this.id = this.organization.id;
    this.name = this.organization.name;
    this.registerOutputs({ id: this.id, name: this.name });
  }
}

import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { RoleSpec } from "../config/spec";

/** What a role needs of each API it grants permissions of. */
export interface RoleApi {
  readonly identifier: pulumi.Input<string>;
  /** The resource that defines the API's permissions: they must exist before a role holds them. */
  readonly scopes: pulumi.Resource;
}

export interface RoleArgs {
  readonly role: RoleSpec;
  /** The tenant's APIs by key; every key the role names is here (validated). */
  readonly apis: Readonly<Record<string, RoleApi>>;
}

/**
 * A role and the one RolePermissions that owns its whole set of permissions (never mixed with
 * singular RolePermission resources), sorted by API key and permission. A role without
 * permissions still gets its RolePermissions, so permissions added by hand are removed.
 */
export class Role extends pulumi.ComponentResource {
  readonly id: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
  readonly role: auth0.Role;
  readonly permissions: auth0.RolePermissions;

  constructor(name: string, args: RoleArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:role:Role", name, {}, opts);
    const { role } = args;
    this.role = new auth0.Role(`${name}-role`, { name: role.name, description: role.description }, { parent: this });
    const apiKeys = Object.keys(role.permissions).sort();
    this.permissions = new auth0.RolePermissions(
      `${name}-permissions`,
      {
        roleId: this.role.id,
        // One sorted list across APIs, by permission name and then API key: a role may hold the
        // same name on two APIs (read:mcp:data on the main API and on its delegation API).
        permissions: apiKeys
          .flatMap((apiKey) => [...new Set(role.permissions[apiKey])].map((permission) => ({ permission, apiKey })))
          .sort((a, b) => (a.permission === b.permission ? (a.apiKey < b.apiKey ? -1 : 1) : a.permission < b.permission ? -1 : 1))
          .map(({ permission, apiKey }) => ({ name: permission, resourceServerIdentifier: args.apis[apiKey]!.identifier })),
      },
      { parent: this, dependsOn: apiKeys.map((apiKey) => args.apis[apiKey]!.scopes) },
    );
    this.id = this.role.id;
    this.name = this.role.name;
    this.registerOutputs({ id: this.id, name: this.name });
  }
}

import { z } from "zod";
import { keyedMap } from "./common";

/**
 * A role: what users who hold it may do, as permissions of the stack's APIs by API key. Auth0 adds
 * a user's role permissions to their access tokens when the API enforces RBAC. Roles reach users
 * through data, not configuration (docs/roles.md): organization invitations, the Management API,
 * or the Dashboard.
 */
export const roleSchema = z.strictObject({
  name: z.string().trim().min(1).optional().describe("The role's name in Auth0, unique in the tenant (compared without case). Defaults to the map key."),
  description: z
    .string({ error: (issue) => (issue.input === undefined ? "required; say in a sentence who holds this role" : undefined) })
    .trim()
    .min(1)
    .describe("Who holds the role, in a sentence; shown in the Auth0 Dashboard to admins assigning it. Required."),
  permissions: z
    .record(
      z.string(),
      z
        .array(z.string().min(1))
        .min(1, { message: "list at least one permission, or remove the API" })
        .describe("Permissions of that API the role grants; each defined on the API, none twice."),
    )
    .default({})
    .describe("The role's permissions by API key (one RolePermissions resource owns the set); Auth0 adds them to access tokens when the API enforces RBAC. Defaults to none."),
}).describe("One role: what users who hold it may do. Roles reach users through organization invitations, the Management API or the Dashboard (docs/roles.md).");

export const rolesSchema = keyedMap(roleSchema)
  .default({})
  .describe("Roles and their permissions, by key; a role's ID is the output roles.<key>.id and { ref: roleId, role: <key> } in an env file. Defaults to none.");

export type RoleConfig = z.output<typeof roleSchema>;

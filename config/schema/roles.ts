import { z } from "zod";
import { keyedMap } from "./common";

/**
 * A role: what users who hold it may do, as permissions of the stack's APIs by API key. Auth0 adds
 * a user's role permissions to their access tokens when the API enforces RBAC. Roles reach users
 * through data, not configuration (docs/roles.md): organization invitations, the Management API,
 * or the Dashboard.
 */
export const roleSchema = z.strictObject({
  /** The role's name in Auth0, unique in the tenant. Defaults to the map key. */
  name: z.string().trim().min(1).optional(),
  /** What the role is for, shown in the Dashboard and to admins assigning it. */
  description: z.string({ error: (issue) => (issue.input === undefined ? "required; say in a sentence who holds this role" : undefined) }).trim().min(1),
  /** Permissions by API key; each must be one of that API's permissions. Defaults to none. */
  permissions: z.record(z.string(), z.array(z.string().min(1)).min(1, { message: "list at least one permission, or remove the API" })).default({}),
});

export const rolesSchema = keyedMap(roleSchema).default({});

export type RoleConfig = z.output<typeof roleSchema>;

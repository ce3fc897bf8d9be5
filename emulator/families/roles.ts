/**
 * Roles: /roles and their permissions (/roles/{id}/permissions). Auth0 answers a role create with
 * 200 and a delete with 200; a permission names an existing API and one of its scopes; the role's
 * permissions are listed with the API's name.
 */
import { conflict, invalidBody, notFound } from "../errors";
import { prefixed } from "../ids";
import { checkpointOrOffset, offsetPage } from "../pagination";
import { isObject, noContent, objectBody, ok, patch, requireString, type RequestContext } from "../routes";
import type { Doc } from "../store";
import type { Family } from "./family";
import { findResourceServer } from "./resourceServers";

const ROLES = "roles";
const PERMISSIONS = "role-permissions";

function mustFind(ctx: RequestContext): Doc {
  const role = ctx.store.get(ROLES, ctx.params.id!);
  if (role === undefined) throw notFound("The role does not exist", "inexistent_role");
  return role;
}

const key = (role: string, api: string, name: string) => `${role} ${api} ${name}`;

/** [{resource_server_identifier, permission_name}], each an existing scope of an existing API. */
function permissionsIn(ctx: RequestContext): { api: Doc; name: string }[] {
  const body = objectBody(ctx);
  if (!Array.isArray(body.permissions)) throw invalidBody("Payload validation error: 'Missing required property: permissions'.");
  return body.permissions.map((p) => {
    if (!isObject(p) || typeof p.resource_server_identifier !== "string" || typeof p.permission_name !== "string") throw invalidBody("Payload validation error: 'Missing required property: resource_server_identifier, permission_name'.");
    const api = findResourceServer(ctx.store, p.resource_server_identifier);
    if (api === undefined) throw notFound(`Resource server ${p.resource_server_identifier} does not exist`, "inexistent_resource_server");
    const scopes = Array.isArray(api.scopes) ? api.scopes.filter(isObject).map((s) => s.value) : [];
    if (!scopes.includes(p.permission_name)) throw invalidBody(`Permission ${p.permission_name} does not exist on ${p.resource_server_identifier}`);
    return { api, name: p.permission_name };
  });
}

function listPermissions(ctx: RequestContext) {
  const role = mustFind(ctx);
  const rows = ctx.store
    .list(PERMISSIONS)
    .filter((p) => p.role_id === role.id)
    .map((p) => {
      const api = findResourceServer(ctx.store, p.resource_server_identifier as string);
      const scope = Array.isArray(api?.scopes) ? api.scopes.filter(isObject).find((s) => s.value === p.permission_name) : undefined;
      return { permission_name: p.permission_name!, description: scope?.description ?? null, resource_server_name: api?.name ?? null, resource_server_identifier: p.resource_server_identifier! };
    });
  return ok(offsetPage(rows, ctx.query, "permissions"));
}

export const roles: Family = {
  routes(r) {
    r.on("GET", "/roles", (ctx) => ok(offsetPage(ctx.store.list(ROLES), ctx.query, "roles")));
    r.on("POST", "/roles", (ctx) => {
      const body = objectBody(ctx);
      const name = requireString(body, "name");
      if (ctx.store.list(ROLES).some((role) => role.name === name)) throw conflict("A role with the same name already exists", "role_conflict");
      const id = prefixed("rol", 16);
      return ok(ctx.store.put(ROLES, id, { id, name, description: body.description ?? null }));
    });
    r.on("GET", "/roles/:id", (ctx) => ok(mustFind(ctx)));
    r.on("PATCH", "/roles/:id", (ctx) => ok(ctx.store.put(ROLES, ctx.params.id!, patch(mustFind(ctx), objectBody(ctx)))));
    r.on("DELETE", "/roles/:id", (ctx) => {
      const role = mustFind(ctx);
      ctx.store.delete(ROLES, role.id as string);
      ctx.store.deleteWhere(PERMISSIONS, (p) => p.role_id === role.id);
      return ok({});
    });
    r.on("GET", "/roles/:id/permissions", listPermissions);
    r.on("POST", "/roles/:id/permissions", (ctx) => {
      const role = mustFind(ctx);
      for (const { api, name } of permissionsIn(ctx)) {
        const identifier = api.identifier as string;
        ctx.store.put(PERMISSIONS, key(role.id as string, identifier, name), { role_id: role.id as string, resource_server_identifier: identifier, permission_name: name });
      }
      return { status: 201 };
    });
    r.on("DELETE", "/roles/:id/permissions", (ctx) => {
      const role = mustFind(ctx);
      for (const { api, name } of permissionsIn(ctx)) ctx.store.delete(PERMISSIONS, key(role.id as string, api.identifier as string, name));
      return noContent;
    });
    // The emulator has no users, so no role has any.
    r.on("GET", "/roles/:id/users", (ctx) => {
      mustFind(ctx);
      return ok(checkpointOrOffset([], ctx.query, "users"));
    });
  },
};


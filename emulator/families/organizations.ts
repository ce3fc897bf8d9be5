/**
 * Organizations: /organizations, looked up by ID or by name, with their enabled connections
 * (/organizations/{id}/connections — one POST per connection, Auth0 has no bulk call), members
 * and organization client grants. An empty `metadata` clears it; an enabled connection gets the
 * recorded defaults (sign-up only for database connections).
 */
import { conflict, invalidBody, notFound } from "../errors";
import { prefixed } from "../ids";
import { checkpointOrOffset, offsetPage } from "../pagination";
import { created, isObject, noContent, objectBody, ok, patch, requireString, type RequestContext } from "../routes";
import type { Doc } from "../store";
import { mustFindConnection } from "./connections";
import type { Family } from "./family";

const ORGANIZATIONS = "organizations";
const ORGANIZATION_CONNECTIONS = "organization-connections";

const NOT_FOUND = "No organization found by that id or name";

function mustFind(ctx: RequestContext): Doc {
  const org = ctx.store.get(ORGANIZATIONS, ctx.params.id!);
  if (org === undefined) throw notFound(NOT_FOUND);
  return org;
}

/** An empty metadata object removes the metadata. */
function normalise(doc: Doc): Doc {
  if (!isObject(doc.metadata) || Object.keys(doc.metadata).length > 0) return doc;
  const { metadata: _metadata, ...rest } = doc;
  return rest;
}

function create(ctx: RequestContext) {
  const body = objectBody(ctx);
  const name = requireString(body, "name");
  if (ctx.store.list(ORGANIZATIONS).some((o) => o.name === name)) throw conflict("An organization with this name already exists", "organization_conflict");
  const id = prefixed("org", 16);
  return created(ctx.store.put(ORGANIZATIONS, id, normalise({ ...body, id })));
}

function update(ctx: RequestContext) {
  const current = mustFind(ctx);
  const body = objectBody(ctx);
  if (typeof body.name === "string" && body.name !== current.name && ctx.store.list(ORGANIZATIONS).some((o) => o.name === body.name)) throw conflict("An organization with this name already exists", "organization_conflict");
  return ok(ctx.store.put(ORGANIZATIONS, current.id as string, normalise(patch(current, body))));
}

function remove(ctx: RequestContext) {
  const id = ctx.params.id!;
  ctx.store.delete(ORGANIZATIONS, id);
  ctx.store.deleteWhere(ORGANIZATION_CONNECTIONS, (c) => c.organization_id === id);
  return noContent;
}

const key = (orgId: string, connectionId: string) => `${orgId}/${connectionId}`;

function present(ctx: RequestContext, link: Doc): Doc {
  const connection = ctx.store.get("connections", link.connection_id as string);
  const { organization_id: _org, ...rest } = link;
  return { ...rest, connection: { name: connection?.name ?? null, strategy: connection?.strategy ?? null } };
}

function enable(ctx: RequestContext) {
  const org = mustFind(ctx);
  const body = objectBody(ctx);
  const connectionId = requireString(body, "connection_id");
  const connection = mustFindConnection(ctx, connectionId);
  const id = key(org.id as string, connectionId);
  if (ctx.store.get(ORGANIZATION_CONNECTIONS, id) !== undefined) throw conflict("The connection is already enabled for this organization", "organization_connection_conflict");
  const link: Doc = {
    organization_id: org.id as string,
    connection_id: connectionId,
    ...(connection.strategy === "auth0" ? { is_signup_enabled: false } : {}),
    assign_membership_on_login: false,
    show_as_button: true,
    is_enabled: true,
    organization_access_level: "none",
    ...body,
  };
  return created(present(ctx, ctx.store.put(ORGANIZATION_CONNECTIONS, id, link)));
}

function findLink(ctx: RequestContext): Doc {
  mustFind(ctx);
  const link = ctx.store.get(ORGANIZATION_CONNECTIONS, key(ctx.params.id!, ctx.params.connectionId!));
  if (link === undefined) throw notFound("No connection found by that id for this organization");
  return link;
}

function updateLink(ctx: RequestContext) {
  const link = findLink(ctx);
  const body = objectBody(ctx);
  if ("connection_id" in body) throw invalidBody("Payload validation error: 'Additional properties not allowed: connection_id'.");
  return ok(present(ctx, ctx.store.put(ORGANIZATION_CONNECTIONS, key(ctx.params.id!, ctx.params.connectionId!), patch(link, body))));
}

function byName(a: unknown, b: unknown): number {
  const name = (c: unknown) => String((c as { name?: unknown }).name ?? "");
  return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;
}

function listLinks(ctx: RequestContext) {
  const org = mustFind(ctx);
  const enabled = ctx.query.get("is_enabled");
  const links = ctx.store.list(ORGANIZATION_CONNECTIONS).filter((l) => l.organization_id === org.id && (enabled === null || String(l.is_enabled) === enabled));
  // Auth0 lists them by connection name (TestAccOrganizationConnections #154), not in enabling order.
  const shown = links.map((l) => present(ctx, l)).sort((a, b) => byName(a.connection, b.connection));
  return ok(offsetPage(shown, ctx.query, "connections"));
}

export const organizations: Family = {
  routes(r) {
    r.on("GET", "/organizations", (ctx) => ok(checkpointOrOffset(ctx.store.list(ORGANIZATIONS), ctx.query, "organizations")));
    r.on("POST", "/organizations", create);
    r.on("GET", "/organizations/:id", (ctx) => ok(mustFind(ctx)));
    r.on("GET", "/organizations/name/:name", (ctx) => {
      const org = ctx.store.list(ORGANIZATIONS).find((o) => o.name === ctx.params.name);
      if (org === undefined) throw notFound(NOT_FOUND);
      return ok(org);
    });
    r.on("PATCH", "/organizations/:id", update);
    r.on("DELETE", "/organizations/:id", remove);
    r.on("GET", "/organizations/:id/connections", listLinks);
    r.on("POST", "/organizations/:id/connections", enable);
    r.on("GET", "/organizations/:id/connections/:connectionId", (ctx) => ok(present(ctx, findLink(ctx))));
    r.on("PATCH", "/organizations/:id/connections/:connectionId", updateLink);
    // 204 also when the connection was no longer enabled (TestAccOrganizationConnections #607).
    r.on("DELETE", "/organizations/:id/connections/:connectionId", (ctx) => {
      ctx.store.delete(ORGANIZATION_CONNECTIONS, key(mustFind(ctx).id as string, ctx.params.connectionId!));
      return noContent;
    });
    // The emulator has no users, so no organization has members.
    r.on("GET", "/organizations/:id/members", (ctx) => {
      mustFind(ctx);
      return ok(checkpointOrOffset([], ctx.query, "members"));
    });
    r.on("GET", "/organizations/:id/client-grants", (ctx) => {
      mustFind(ctx);
      return ok(offsetPage([], ctx.query, "client_grants"));
    });
  },
};

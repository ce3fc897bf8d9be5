/**
 * Client grants: /client-grants. One grant per (client, audience, subject type); `subject_type`
 * defaults to "client"; `allow_all_scopes` replaces the scope list. The grant must name an
 * existing API and, unless it is a default grant (`default_for`), an existing client.
 */
import { conflict, notFound } from "../errors";
import { prefixed } from "../ids";
import { offsetPage } from "../pagination";
import { created, noContent, objectBody, ok, patch, requireString, type RequestContext } from "../routes";
import type { Doc } from "../store";
import { CLIENT_GRANTS, mustFindClient } from "./clients";
import type { Family } from "./family";
import { findResourceServer } from "./resourceServers";

function mustFind(ctx: RequestContext): Doc {
  const grant = ctx.store.get(CLIENT_GRANTS, ctx.params.id!);
  if (grant === undefined) throw notFound("The client grant does not exist", "inexistent_client_grant");
  return grant;
}

/** allow_all_scopes stands instead of a scope list. */
function normalise(doc: Doc): Doc {
  if (doc.allow_all_scopes !== true) return doc;
  const { scope: _scope, ...rest } = doc;
  return rest;
}

function create(ctx: RequestContext) {
  const body = objectBody(ctx);
  const audience = requireString(body, "audience");
  if (findResourceServer(ctx.store, audience) === undefined) throw notFound(`No resource server found by that identifier: ${audience}`, "inexistent_resource_server");
  if (body.client_id !== undefined) mustFindClient(ctx, requireString(body, "client_id"));
  const subjectType = typeof body.subject_type === "string" ? body.subject_type : "client";
  const clash = ctx.store.list(CLIENT_GRANTS).find((g) => g.client_id === body.client_id && g.audience === audience && g.subject_type === subjectType && g.default_for === body.default_for);
  if (clash !== undefined) throw conflict("A client grant for that client and audience already exists", "client_grant_conflict");
  const id = prefixed("cgr", 16);
  return created(ctx.store.put(CLIENT_GRANTS, id, normalise({ id, ...body, subject_type: subjectType })));
}

function list(ctx: RequestContext) {
  const q = ctx.query;
  const grants = ctx.store
    .list(CLIENT_GRANTS)
    .filter((g) => (!q.has("audience") || g.audience === q.get("audience")) && (!q.has("client_id") || g.client_id === q.get("client_id")) && (!q.has("subject_type") || g.subject_type === q.get("subject_type")));
  return ok(offsetPage(grants, q, "client_grants"));
}

export const clientGrants: Family = {
  routes(r) {
    r.on("GET", "/client-grants", list);
    r.on("POST", "/client-grants", create);
    r.on("GET", "/client-grants/:id", (ctx) => ok(mustFind(ctx)));
    r.on("PATCH", "/client-grants/:id", (ctx) => ok(ctx.store.put(CLIENT_GRANTS, ctx.params.id!, normalise(patch(mustFind(ctx), objectBody(ctx))))));
    // Auth0 answers 204 for a grant already gone (e.g. with its client: TestAccClientGrant #85).
    r.on("DELETE", "/client-grants/:id", (ctx) => {
      ctx.store.delete(CLIENT_GRANTS, ctx.params.id!);
      return noContent;
    });
  },
};

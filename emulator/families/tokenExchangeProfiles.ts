/**
 * Custom token-exchange profiles: /token-exchange-profiles. Each names an Action on the
 * custom-token-exchange trigger; `type` and `action_id` are fixed after create.
 */
import { conflict, invalidBody, notFound } from "../errors";
import { prefixed } from "../ids";
import { checkpointOrOffset } from "../pagination";
import { created, noContent, objectBody, ok, requireString, timestamp, type RequestContext } from "../routes";
import type { Doc } from "../store";
import type { Family } from "./family";

const PROFILES = "token-exchange-profiles";

function mustFind(ctx: RequestContext): Doc {
  const profile = ctx.store.get(PROFILES, ctx.params.id!);
  if (profile === undefined) throw notFound("Token exchange profile not found.");
  return profile;
}

function create(ctx: RequestContext) {
  const body = objectBody(ctx);
  const name = requireString(body, "name");
  const subjectTokenType = requireString(body, "subject_token_type");
  const actionId = requireString(body, "action_id");
  const type = requireString(body, "type");
  if (ctx.store.get("actions", actionId) === undefined) throw notFound("That action does not exist.");
  if (ctx.store.list(PROFILES).some((p) => p.subject_token_type === subjectTokenType)) throw conflict("A token exchange profile with this subject_token_type already exists", "token_exchange_profile_conflict");
  const now = timestamp(ctx);
  const id = prefixed("tep", 16);
  return created(ctx.store.put(PROFILES, id, { id, name, type, subject_token_type: subjectTokenType, action_id: actionId, created_at: now, updated_at: now }));
}

function update(ctx: RequestContext) {
  const current = mustFind(ctx);
  const body = objectBody(ctx);
  const fixed = Object.keys(body).filter((k) => k !== "name" && k !== "subject_token_type");
  if (fixed.length > 0) throw invalidBody(`Payload validation error: 'Additional properties not allowed: ${fixed.join(",")}'.`);
  return ok(ctx.store.put(PROFILES, current.id as string, { ...current, ...body, updated_at: timestamp(ctx) }));
}

export const tokenExchangeProfiles: Family = {
  routes(r) {
    r.on("GET", "/token-exchange-profiles", (ctx) => ok(checkpointOrOffset(ctx.store.list(PROFILES), ctx.query, "token_exchange_profiles")));
    r.on("POST", "/token-exchange-profiles", create);
    r.on("GET", "/token-exchange-profiles/:id", (ctx) => ok(mustFind(ctx)));
    r.on("PATCH", "/token-exchange-profiles/:id", update);
    r.on("DELETE", "/token-exchange-profiles/:id", (ctx) => {
      ctx.store.delete(PROFILES, mustFind(ctx).id as string);
      return noContent;
    });
  },
};

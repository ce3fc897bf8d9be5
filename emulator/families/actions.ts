/**
 * Actions: /actions/actions, their deploys, and trigger bindings (/actions/triggers/{id}/bindings).
 *
 * Auth0 builds an Action asynchronously after every create or update: the write answers
 * `status: "pending"` and later reads see it `built`. The emulator builds by the next read (Auth0
 * takes a few seconds; the provider polls either way). Deploying needs a built Action and makes a
 * numbered version; only a deployed Action can be bound to a trigger; deleting an Action that is
 * still bound is a 409. Secret values are write-only: reads show names and update times.
 */
import { ApiError, conflict, invalidBody, notFound } from "../errors";
import { uuid } from "../ids";
import { clone, created, isObject, noContent, objectBody, ok, requireString, timestamp, type RequestContext } from "../routes";
import type { Doc, Json } from "../store";
import type { Family } from "./family";

const ACTIONS = "actions";
const BINDINGS = "trigger-bindings";

function mustFind(ctx: RequestContext, id: string): Doc {
  const action = ctx.store.get(ACTIONS, id);
  if (action === undefined) throw notFound("That action does not exist.");
  return action;
}

/** A read after a write finds the build finished. */
function read(ctx: RequestContext, id: string): Doc {
  const action = mustFind(ctx, id);
  if (action.status !== "pending") return action;
  return ctx.store.put(ACTIONS, id, { ...action, status: "built" });
}

/** Secrets as Auth0 shows them: names and when they were set, existing ones first. */
function secrets(current: Json | undefined, given: Json | undefined, now: string): Json[] {
  if (!Array.isArray(given)) return Array.isArray(current) ? current : [];
  const names = given.filter(isObject).map((s) => String(s.name));
  const kept = (Array.isArray(current) ? current.filter(isObject).map((s) => String(s.name)) : []).filter((n) => names.includes(n));
  return [...kept, ...names.filter((n) => !kept.includes(n))].map((name) => ({ name, updated_at: now }));
}

function validateTriggers(body: Doc): void {
  const triggers = body.supported_triggers;
  if (triggers === undefined) return;
  if (!Array.isArray(triggers) || triggers.some((t) => !isObject(t) || typeof t.id !== "string")) throw invalidBody("Payload validation error: 'Expected type array of {id, version}' on property supported_triggers.");
}

function create(ctx: RequestContext) {
  const body = objectBody(ctx);
  requireString(body, "name");
  if (!Array.isArray(body.supported_triggers)) throw invalidBody("Payload validation error: 'Missing required property: supported_triggers'.");
  validateTriggers(body);
  const now = timestamp(ctx);
  const id = uuid();
  const doc: Doc = {
    id,
    name: body.name!,
    supported_triggers: body.supported_triggers,
    created_at: now,
    updated_at: now,
    code: typeof body.code === "string" ? body.code : "",
    dependencies: Array.isArray(body.dependencies) ? body.dependencies : [],
    runtime: typeof body.runtime === "string" ? body.runtime : "node22",
    status: "pending",
    secrets: secrets(undefined, body.secrets, now),
    all_changes_deployed: false,
  };
  return created(ctx.store.put(ACTIONS, id, doc));
}

function update(ctx: RequestContext) {
  const current = mustFind(ctx, ctx.params.id!);
  const body = objectBody(ctx);
  validateTriggers(body);
  const now = timestamp(ctx);
  const next: Doc = { ...current, updated_at: now, status: "pending", all_changes_deployed: false };
  for (const key of ["name", "supported_triggers", "code", "dependencies", "runtime"]) if (body[key] !== undefined && body[key] !== null) next[key] = body[key]!;
  if (body.secrets !== undefined) next.secrets = secrets(current.secrets, body.secrets, now);
  return ok(ctx.store.put(ACTIONS, current.id as string, next));
}

function deploy(ctx: RequestContext) {
  const action = read(ctx, ctx.params.id!);
  if (action.status !== "built") throw new ApiError(400, "The action has not been built yet; deploy it once its status is built.", "action_not_built");
  const now = timestamp(ctx);
  const number = (isObject(action.current_version) ? Number(action.current_version.number) : 0) + 1;
  const versionId = uuid();
  const version: Doc = {
    code: action.code!,
    dependencies: clone(action.dependencies!),
    id: versionId,
    deployed: false,
    number,
    secrets: clone(action.secrets!),
    status: "built",
    created_at: now,
    updated_at: now,
    runtime: action.runtime!,
    supported_triggers: clone(action.supported_triggers!),
  };
  const summary = { id: action.id!, name: action.name!, supported_triggers: action.supported_triggers!, created_at: action.created_at!, updated_at: action.updated_at!, all_changes_deployed: false };
  ctx.store.put(ACTIONS, action.id as string, {
    ...action,
    current_version: { id: versionId, code: action.code!, runtime: action.runtime!, status: "BUILT", number, build_time: now, created_at: now, updated_at: now },
    deployed_version: { ...version, deployed: true, built_at: now },
    all_changes_deployed: true,
  });
  return ok({ ...version, action: summary });
}

function remove(ctx: RequestContext) {
  const action = mustFind(ctx, ctx.params.id!);
  const bound = ctx.store.list(BINDINGS).filter((b) => b.action_id === action.id);
  if (bound.length > 0 && ctx.query.get("force") !== "true") {
    throw conflict(`The action is bound to ${bound.map((b) => b.trigger_id).join(", ")}; remove its bindings first (or delete with ?force=true)`, "action_bound");
  }
  for (const b of bound) ctx.store.delete(BINDINGS, b.id as string);
  ctx.store.delete(ACTIONS, action.id as string);
  return noContent;
}

/** A binding shows the bound Action without its code, runtime, status or secrets. */
function presentBinding(ctx: RequestContext, binding: Doc): Doc {
  const action = ctx.store.get(ACTIONS, binding.action_id as string);
  const shown: Doc = action === undefined ? {} : { id: action.id!, name: action.name!, supported_triggers: action.supported_triggers!, created_at: action.created_at!, updated_at: action.created_at! };
  if (action?.current_version !== undefined) shown.current_version = action.current_version;
  if (action?.deployed_version !== undefined) shown.deployed_version = action.deployed_version;
  shown.all_changes_deployed = false;
  return { id: binding.id!, trigger_id: binding.trigger_id!, action: shown, created_at: binding.created_at!, updated_at: binding.updated_at!, display_name: binding.display_name! };
}

function bindingsOf(ctx: RequestContext, trigger: string): Doc[] {
  return ctx.store
    .list(BINDINGS)
    .filter((b) => b.trigger_id === trigger)
    .sort((a, b) => Number(a.order) - Number(b.order));
}

/** Auth0's page shape here: `page` only past the first page, `total` only on a page with bindings. */
function listBindings(ctx: RequestContext) {
  const page = Number(ctx.query.get("page") ?? 0);
  const perPage = Math.min(Number(ctx.query.get("per_page") ?? 20), 100);
  if (!Number.isInteger(page) || page < 0 || !Number.isInteger(perPage) || perPage < 1) throw new ApiError(400, "Query validation error: page and per_page must be non-negative integers", "invalid_query_string");
  const all = bindingsOf(ctx, ctx.params.trigger!);
  const slice = all.slice(page * perPage, (page + 1) * perPage).map((b) => presentBinding(ctx, b));
  return ok({ bindings: slice, ...(slice.length > 0 ? { total: all.length } : {}), ...(page > 0 ? { page } : {}), per_page: perPage });
}

/** The whole ordered list at once; every referenced Action must be deployed and support the trigger. */
function replaceBindings(ctx: RequestContext) {
  const trigger = ctx.params.trigger!;
  const body = objectBody(ctx);
  if (!Array.isArray(body.bindings)) throw invalidBody("Payload validation error: 'Missing required property: bindings'.");
  const now = timestamp(ctx);
  const next: Doc[] = body.bindings.map((raw, order) => {
    if (!isObject(raw) || !isObject(raw.ref) || typeof raw.ref.value !== "string") throw invalidBody(`Payload validation error: 'Missing required property: ref' on property bindings[${order}].`);
    const ref = raw.ref;
    const action = ref.type === "action_name" ? ctx.store.list(ACTIONS).find((a) => a.name === ref.value) : ctx.store.get(ACTIONS, ref.value as string);
    if (action === undefined) throw notFound(`Action ${String(ref.value)} not found`);
    if (action.deployed_version === undefined) throw new ApiError(400, `Action ${action.name as string} has no deployed version; deploy it before binding it`, "action_not_deployed");
    if (!(action.supported_triggers as Doc[]).some((t) => t.id === trigger)) throw invalidBody(`Action ${action.name as string} does not support the ${trigger} trigger`);
    return { id: uuid(), trigger_id: trigger, action_id: action.id as string, display_name: typeof raw.display_name === "string" ? raw.display_name : (action.name as string), order, created_at: now, updated_at: now };
  });
  ctx.store.deleteWhere(BINDINGS, (b) => b.trigger_id === trigger);
  for (const b of next) ctx.store.put(BINDINGS, b.id as string, b);
  return ok({ bindings: next.map((b) => presentBinding(ctx, b)) });
}

export const actions: Family = {
  routes(r) {
    r.on("GET", "/actions/actions", (ctx) => {
      const name = ctx.query.get("actionName");
      const found = ctx.store.list(ACTIONS).filter((a) => name === null || a.name === name);
      return ok({ actions: found, total: found.length, per_page: 50 });
    });
    r.on("POST", "/actions/actions", create);
    r.on("GET", "/actions/actions/:id", (ctx) => ok(read(ctx, ctx.params.id!)));
    r.on("PATCH", "/actions/actions/:id", update);
    r.on("DELETE", "/actions/actions/:id", remove);
    r.on("POST", "/actions/actions/:id/deploy", deploy);
    r.on("GET", "/actions/triggers/:trigger/bindings", listBindings);
    r.on("PATCH", "/actions/triggers/:trigger/bindings", replaceBindings);
  },
};

/**
 * Connections: /connections and /connections/{id}/clients. Auth0 makes the `con_` ID, the realm
 * (the connection's name), and for database connections a full set of password, MFA and passkey
 * options; newer strategies come with `authentication` and `connected_accounts` blocks. Which
 * applications a connection is enabled for is kept on the connection (`enabled_clients`, which
 * Auth0 still returns) and managed through PATCH /connections/{id}/clients, 50 at a time.
 */
import { conflict, invalidBody, notFound } from "../errors";
import { prefixed } from "../ids";
import { checkpointOrOffset } from "../pagination";
import { clone, isObject, objectBody, ok, patch, requireString, timestamp, type RequestContext } from "../routes";
import type { Doc, Json } from "../store";
import type { Family } from "./family";
import { selectFields } from "./fields";

export const CONNECTIONS = "connections";

/** What a database connection's options hold when the request leaves them out. */
const DATABASE_OPTIONS: Doc = {
  mfa: { active: true, return_enroll_settings: true },
  passwordPolicy: "good",
  strategy_version: 2,
  authentication_methods: { password: { enabled: true, api_behavior: "required", signup_behavior: "allow" }, passkey: { enabled: false } },
  passkey_options: { challenge_ui: "both", progressive_enrollment_enabled: true, local_enrollment_enabled: true },
  brute_force_protection: true,
};

/** OpenID Connect strategies: the option defaults Auth0 adds, and no login button unless asked. */
const OIDC_STRATEGIES = new Set(["oidc", "okta"]);
const OIDC_OPTIONS: Doc = { type: "back_channel", schema_version: "oidc-V4", attribute_map: { mapping_mode: "basic_profile" }, connection_settings: { pkce: "auto" } };

/** Strategies Auth0 answers with `authentication` and `connected_accounts` blocks. */
const WITH_AUTHENTICATION = new Set(["auth0", "oidc", "okta", "oauth2", "line", "samlp"]);
/** Strategies whose display_name defaults to the name. */
const DISPLAY_NAMED = new Set(["oidc", "waad"]);
/** Fields a projection (?fields=) always keeps. */
const ALWAYS = ["id", "is_domain_connection", "authentication", "connected_accounts"];

/**
 * Social connections get their `scope` from the permission flags set in their options, in the
 * order the flags were given (as recorded in TestAccConnectionGitHub/GoogleOAuth2). Flags with
 * no scope of their own (GitHub's `profile`) add nothing.
 */
const FLAG_SCOPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "google-oauth2": { email: "email", profile: "profile", gmail: "https://mail.google.com/mail/feed/atom", youtube: "https://gdata.youtube.com" },
  github: {
    email: "user:email",
    read_user: "read:user",
    follow: "user:follow",
    public_repo: "public_repo",
    repo: "repo",
    repo_deployment: "repo_deployment",
    repo_status: "repo:status",
    delete_repo: "delete_repo",
    notifications: "notifications",
    gist: "gist",
    read_repo_hook: "read:repo_hook",
    write_repo_hook: "write:repo_hook",
    admin_repo_hook: "admin:repo_hook",
    read_org: "read:org",
    admin_org: "admin:org",
    write_org: "write:org",
    read_public_key: "read:public_key",
    write_public_key: "write:public_key",
    admin_public_key: "admin:public_key",
  },
};

function withScope(strategy: string, options: Json | undefined): Json | undefined {
  const table = FLAG_SCOPES[strategy];
  if (table === undefined || !isObject(options) || options.scope !== undefined) return options;
  return { ...options, scope: Object.entries(options).flatMap(([flag, on]) => (on === true && table[flag] !== undefined ? [table[flag]] : [])) };
}

export function mustFindConnection(ctx: RequestContext, id: string): Doc {
  const connection = ctx.store.get(CONNECTIONS, id);
  if (connection === undefined) throw notFound("The connection does not exist", "inexistent_connection");
  return connection;
}

function create(ctx: RequestContext) {
  const body = objectBody(ctx);
  const name = requireString(body, "name");
  const strategy = requireString(body, "strategy");
  if (!/^[a-zA-Z0-9](-?[a-zA-Z0-9])*$/.test(name)) throw invalidBody(`Payload validation error: 'String does not match pattern ^[a-zA-Z0-9](-?[a-zA-Z0-9])*$: ${name}' on property name (The name of the connection. Must start and end with an alphanumeric character and can only contain alphanumeric characters and '-'. Max length 128).`);
  if (ctx.store.list(CONNECTIONS).some((c) => c.name === name)) throw conflict("A connection with the same name already exists", "connection_conflict");
  const id = prefixed("con", 16);
  const given = isObject(body.options) ? body.options : {};
  const options = strategy === "auth0" ? { ...clone(DATABASE_OPTIONS), ...given } : OIDC_STRATEGIES.has(strategy) ? { ...clone(OIDC_OPTIONS), ...given } : withScope(strategy, body.options);
  const doc: Doc = { id, ...body, ...(options === undefined ? {} : { options }), is_domain_connection: body.is_domain_connection ?? false };
  if (WITH_AUTHENTICATION.has(strategy)) {
    doc.authentication = body.authentication ?? { active: true };
    doc.connected_accounts = body.connected_accounts ?? { active: false };
  }
  if (DISPLAY_NAMED.has(strategy) && body.display_name === undefined) doc.display_name = name;
  if (OIDC_STRATEGIES.has(strategy) && body.show_as_button === undefined) doc.show_as_button = false;
  doc.enabled_clients = Array.isArray(body.enabled_clients) ? body.enabled_clients : [];
  doc.realms = Array.isArray(body.realms) ? body.realms : [name];
  return { status: 201, body: ctx.store.put(CONNECTIONS, id, doc) };
}

function update(ctx: RequestContext) {
  const current = mustFindConnection(ctx, ctx.params.id!);
  const body = objectBody(ctx);
  for (const fixed of ["name", "strategy"]) if (fixed in body) throw invalidBody(`Payload validation error: 'Additional properties not allowed: ${fixed}'.`);
  const next = patch(current, body);
  if (body.options !== undefined) next.options = withScope(current.strategy as string, body.options)!;
  return ok(ctx.store.put(CONNECTIONS, current.id as string, next));
}

/** Auth0 deletes connections asynchronously: 202 with the time it was marked deleted. */
function remove(ctx: RequestContext) {
  const current = mustFindConnection(ctx, ctx.params.id!);
  ctx.store.delete(CONNECTIONS, current.id as string);
  return { status: 202, body: { deleted_at: timestamp(ctx) } };
}

function list(ctx: RequestContext) {
  const q = ctx.query;
  const strategies = q.getAll("strategy");
  const found = ctx.store.list(CONNECTIONS).filter((c) => (strategies.length === 0 || strategies.includes(c.strategy as string)) && (!q.has("name") || c.name === q.get("name")));
  return ok(checkpointOrOffset(found.map((c) => selectFields(c, q, ALWAYS)), q, "connections"));
}

function enabledClients(ctx: RequestContext) {
  const connection = mustFindConnection(ctx, ctx.params.id!);
  const ids = (connection.enabled_clients as string[]).map((client_id) => ({ client_id }));
  const take = ctx.query.has("take") ? ctx.query : new URLSearchParams({ take: "50", ...Object.fromEntries(ctx.query) });
  return ok(checkpointOrOffset(ids, take, "clients"));
}

/** [{client_id, status}], at most 50 per call: true enables, false disables. */
function changeClients(ctx: RequestContext) {
  const connection = mustFindConnection(ctx, ctx.params.id!);
  const changes = ctx.body;
  if (!Array.isArray(changes)) throw invalidBody("Payload validation error: 'Expected type array but found type " + typeof changes + "'.");
  if (changes.length > 50) throw invalidBody("Payload validation error: 'Array is too long (" + changes.length + "), maximum 50'.");
  const enabled = new Set(connection.enabled_clients as string[]);
  for (const change of changes as Json[]) {
    if (!isObject(change) || typeof change.client_id !== "string" || typeof change.status !== "boolean") throw invalidBody("Payload validation error: 'Missing required property: client_id, status'.");
    if (ctx.store.get("clients", change.client_id) === undefined) throw notFound("The client does not exist", "inexistent_client");
    if (change.status) enabled.add(change.client_id);
    else enabled.delete(change.client_id);
  }
  ctx.store.put(CONNECTIONS, connection.id as string, { ...connection, enabled_clients: [...enabled] });
  return { status: 204 };
}

export const connections: Family = {
  routes(r) {
    r.on("GET", "/connections", list);
    r.on("POST", "/connections", create);
    r.on("GET", "/connections/:id", (ctx) => ok(selectFields(mustFindConnection(ctx, ctx.params.id!), ctx.query, ALWAYS)));
    r.on("PATCH", "/connections/:id", update);
    r.on("DELETE", "/connections/:id", remove);
    r.on("GET", "/connections/:id/clients", enabledClients);
    r.on("PATCH", "/connections/:id/clients", changeClients);
  },
};

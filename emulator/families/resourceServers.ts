/**
 * Resource servers (APIs): /resource-servers. Looked up by ID or by identifier (the provider's
 * ResourceServerScopes reads and patches `/resource-servers/<url-encoded identifier>`). Defaults
 * are the ones Auth0 filled in on the recorded creates; a token-encryption key's PEM is replaced
 * by its RFC 7638 thumbprint, as Auth0 stores it. The tenant's Management API exists from the
 * start (with the recorded scope list), so grants to it work as on a real tenant.
 */
import { conflict, invalidBody, notFound } from "../errors";
import { objectId } from "../ids";
import { jwkThumbprint, publicKey } from "../keys";
import { offsetPage } from "../pagination";
import { clone, created, isObject, noContent, objectBody, ok, patch, requireString, type RequestContext } from "../routes";
import type { Doc, Json, Store } from "../store";
import type { Family } from "./family";
import managementApiScopes from "../defaults/managementApiScopes.json";

const COLLECTION = "resource-servers";

const DEFAULTS: Doc = {
  allow_offline_access: false,
  skip_consent_for_verifiable_first_party_clients: false,
  subject_type_authorization: { client: { policy: "require_client_grant" }, user: { policy: "allow_all" } },
  token_lifetime: 86400,
  token_lifetime_for_web: 7200,
  signing_alg: "RS256",
};

export function findResourceServer(store: Store, idOrIdentifier: string): Doc | undefined {
  return store.get(COLLECTION, idOrIdentifier) ?? store.list(COLLECTION).find((rs) => rs.identifier === idOrIdentifier);
}

/** A resource_server app created for an API is that API's client: Auth0 records its ID on the API. */
export function linkResourceServerClient(store: Store, rs: Doc, clientId: string): void {
  store.put(COLLECTION, rs.id as string, { ...rs, client_id: clientId });
}

function mustFind(store: Store, idOrIdentifier: string): Doc {
  const rs = findResourceServer(store, idOrIdentifier);
  if (rs === undefined) throw notFound("The resource server does not exist", "inexistent_resource_server");
  return rs;
}

/** Auth0 keeps the key's thumbprint, not the PEM it was given. */
function storedEncryption(value: Json | undefined): Json | undefined {
  if (!isObject(value) || !isObject(value.encryption_key)) return value;
  const { pem, ...key } = value.encryption_key;
  if (typeof pem !== "string") return value;
  const thumbprint = jwkThumbprint(publicKey(pem, "token_encryption.encryption_key.pem"));
  return { ...value, encryption_key: { ...key, thumbprint_sha256: thumbprint } };
}

function withEncryption(doc: Doc): Doc {
  const enc = storedEncryption(doc.token_encryption);
  return enc === undefined ? doc : { ...doc, token_encryption: enc };
}

/**
 * Creating `https://<tenant>/me/` makes Auth0's system My Account API: its name, lifetimes,
 * policies and scopes are Auth0's, whatever the request says (recorded in TestAccResourceServer_ACR).
 */
const MY_ACCOUNT_API: Doc = {
  name: "Auth0 My Account API",
  allow_offline_access: true,
  skip_consent_for_verifiable_first_party_clients: true,
  subject_type_authorization: { client: { policy: "deny_all" }, user: { policy: "require_client_grant" } },
  token_lifetime: 600,
  token_lifetime_for_web: 600,
  signing_alg: "RS256",
  scopes: [
    { value: "create:me:connected_accounts", description: "Create Connected Accounts" },
    { value: "read:me:connected_accounts", description: "Read Connected Accounts" },
    { value: "delete:me:connected_accounts", description: "Delete Connected Accounts" },
  ],
  is_system: true,
  proof_of_possession: { mechanism: "dpop", required: false },
};

function create(ctx: RequestContext) {
  const body = objectBody(ctx);
  const identifier = requireString(body, "identifier");
  if (findResourceServer(ctx.store, identifier) !== undefined) throw conflict("A resource server with the same identifier already exists", "resource_server_conflict");
  const id = objectId(ctx.now().getTime());
  const myAccount = identifier === `https://${ctx.tenant.domain}/me/`;
  const doc = withEncryption(myAccount ? { id, ...body, ...clone(MY_ACCOUNT_API) } : { id, ...clone(DEFAULTS), ...body });
  return created(ctx.store.put(COLLECTION, id, doc));
}

function update(ctx: RequestContext) {
  const current = mustFind(ctx.store, ctx.params.id!);
  const body = objectBody(ctx);
  if (body.identifier !== undefined && body.identifier !== current.identifier) throw invalidBody("Payload validation error: 'Additional properties not allowed: identifier'.");
  return ok(ctx.store.put(COLLECTION, current.id as string, withEncryption(patch(current, body))));
}

function remove(ctx: RequestContext) {
  const current = findResourceServer(ctx.store, ctx.params.id!);
  if (current !== undefined) ctx.store.delete(COLLECTION, current.id as string);
  return noContent;
}

export const resourceServers: Family = {
  routes(r) {
    r.on("GET", "/resource-servers", (ctx) => ok(offsetPage(ctx.store.list(COLLECTION), ctx.query, "resource_servers")));
    r.on("POST", "/resource-servers", create);
    r.on("GET", "/resource-servers/:id", (ctx) => ok(mustFind(ctx.store, ctx.params.id!)));
    r.on("PATCH", "/resource-servers/:id", update);
    r.on("DELETE", "/resource-servers/:id", remove);
  },
  seed(store, tenant) {
    const id = objectId();
    store.put(COLLECTION, id, {
      id,
      name: "Auth0 Management API",
      identifier: `https://${tenant.domain}/api/v2/`,
      allow_offline_access: false,
      skip_consent_for_verifiable_first_party_clients: false,
      token_lifetime: 86400,
      token_lifetime_for_web: 7200,
      signing_alg: "RS256",
      scopes: clone(managementApiScopes as Json),
      is_system: true,
    });
  },
};

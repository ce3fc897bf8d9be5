/**
 * Applications: /clients. Auth0 makes the client ID and secret and fills in a good deal the
 * provider then reads back and must not fight: the grant types, OIDC conformance and JWT
 * settings follow the app type and auth method; refresh-token settings follow the auth method;
 * express-configuration apps come with Okta's callback and organization settings. Every rule
 * below is what the recorded creates answered (TestAccClient*.yaml).
 */
import { invalidBody, notFound } from "../errors";
import { clientId, clientSecret } from "../ids";
import { offsetPage } from "../pagination";
import { clone, created, isObject, noContent, objectBody, ok, patch, type RequestContext } from "../routes";
import { findResourceServer, linkResourceServerClient } from "./resourceServers";
import type { Doc } from "../store";
import type { Family } from "./family";
import { selectFields } from "./fields";

export const CLIENTS = "clients";
export const CLIENT_CREDENTIALS = "client-credentials";
export const CLIENT_GRANTS = "client-grants";

const ALL_GRANTS = ["authorization_code", "implicit", "refresh_token", "client_credentials"];
const PUBLIC_GRANTS = ["authorization_code", "implicit", "refresh_token"];

const REFRESH_TOKEN = { rotation_type: "non-rotating", expiration_type: "non-expiring", leeway: 0, token_lifetime: 2592000, infinite_token_lifetime: true, infinite_idle_token_lifetime: true, idle_token_lifetime: 1296000 };
/** Clients created with an explicit client_secret_post method get the longer-lived defaults. */
const REFRESH_TOKEN_SECRET_POST = { ...REFRESH_TOKEN, token_lifetime: 31557600, idle_token_lifetime: 2592000 };
const REFRESH_TOKEN_THIRD_PARTY = { ...REFRESH_TOKEN_SECRET_POST, expiration_type: "expiring", infinite_idle_token_lifetime: false };

const SESSION_TRANSFER = { can_create_session_transfer_token: false, allowed_authentication_methods: [], enforce_device_binding: "ip", allow_refresh_token: false, enforce_online_refresh_tokens: true, enforce_cascade_revocation: true };

export function mustFindClient(ctx: RequestContext, id: string): Doc {
  const client = ctx.store.get(CLIENTS, id);
  if (client === undefined) throw notFound("The client does not exist", "inexistent_client");
  return client;
}

function defaultsFor(body: Doc): Doc {
  const type = body.app_type;
  const thirdParty = body.is_first_party === false;
  const express = type === "express_configuration";
  const oidcByDefault = type === "resource_server" || express || thirdParty;
  const grants = type === "resource_server" ? [] : express ? ["authorization_code", "client_credentials"] : thirdParty ? ["authorization_code"] : body.token_endpoint_auth_method === "none" ? PUBLIC_GRANTS : ALL_GRANTS;
  const jwt: Doc = oidcByDefault ? (thirdParty ? { secret_encoded: false, alg: "RS256", lifetime_in_seconds: 3600 } : { secret_encoded: false, alg: "RS256" }) : { secret_encoded: false, lifetime_in_seconds: 36000 };
  const refresh = thirdParty ? REFRESH_TOKEN_THIRD_PARTY : body.token_endpoint_auth_method === "client_secret_post" ? REFRESH_TOKEN_SECRET_POST : REFRESH_TOKEN;
  const doc: Doc = {
    is_first_party: true,
    is_token_endpoint_ip_header_trusted: false,
    oidc_conformant: oidcByDefault,
    jwt_configuration: isObject(body.jwt_configuration) ? { secret_encoded: false, ...body.jwt_configuration } : jwt,
    signing_keys: [{ cert: "-----BEGIN CERTIFICATE-----\nemulator\n-----END CERTIFICATE-----\n" }],
    sso_disabled: false,
    cross_origin_authentication: false,
    grant_types: grants,
    custom_login_page_on: true,
    refresh_token: clone(refresh),
  };
  if (express) {
    Object.assign(doc, {
      callbacks: ["https://system-admin.okta.com/admin/app/generic/oauth20redirect"],
      organization_usage: "require",
      organization_require_behavior: "pre_login_prompt",
      client_authentication_methods: { private_key_jwt: { credentials: [] } },
    });
  }
  return doc;
}

/** Objects Auth0 merges on PATCH (a null member removes that member) instead of replacing. */
const MERGED = ["client_metadata", "jwt_configuration", "mobile", "native_social_login", "session_transfer", "signed_request_object"];

/** Fields Auth0 derives from others on every write. */
function derive(doc: Doc): Doc {
  const out = { ...doc };
  // An empty initiate_login_uri clears it.
  if (out.initiate_login_uri === "") delete out.initiate_login_uri;
  if (isObject(out.oidc_logout) && Array.isArray(out.oidc_logout.backchannel_logout_urls)) out.oidc_backchannel_logout = { backchannel_logout_urls: out.oidc_logout.backchannel_logout_urls };
  if (isObject(out.session_transfer)) out.session_transfer = { ...SESSION_TRANSFER, ...out.session_transfer };
  if (isObject(out.jwt_configuration)) out.jwt_configuration = { secret_encoded: false, ...out.jwt_configuration };
  return out;
}

/** A default organization names both the organization and the flows it applies to. */
function validate(body: Doc): Doc {
  const org = body.default_organization;
  if (isObject(org)) {
    for (const field of ["organization_id", "flows"]) {
      if (org[field] === undefined) throw invalidBody(`Payload validation error: 'Missing required property: ${field}' on property default_organization.`);
    }
  }
  return body;
}

function create(ctx: RequestContext) {
  const body = validate(objectBody(ctx));
  const id = clientId();
  const defaults = defaultsFor(body);
  // cross_origin_auth is the older name of cross_origin_authentication; a SAML app gets the older
  // one (recorded once, in TestAccClientSSOIntegrationWithSAML).
  if (isObject(body.addons) && isObject(body.addons.samlp)) {
    delete defaults.cross_origin_authentication;
    defaults.cross_origin_auth = false;
  }
  const head: Doc = body.name === undefined ? { client_id: id } : { name: body.name, client_id: id };
  // Express-configuration apps authenticate with private keys only: Auth0 makes no secret.
  if (body.app_type !== "express_configuration") head.client_secret = clientSecret();
  const doc = derive({ ...head, ...defaults, ...body, jwt_configuration: defaults.jwt_configuration! });
  if (body.app_type === "resource_server" && typeof body.resource_server_identifier === "string") {
    const rs = findResourceServer(ctx.store, body.resource_server_identifier);
    if (rs !== undefined) linkResourceServerClient(ctx.store, rs, id);
  }
  return created(present(ctx.store.put(CLIENTS, id, doc)));
}

function update(ctx: RequestContext) {
  const current = mustFindClient(ctx, ctx.params.id!);
  const body = validate(objectBody(ctx));
  const next = patch(current, body, MERGED);
  // oidc_backchannel_logout is the deprecated mirror of oidc_logout: clearing it clears both.
  if (body.oidc_backchannel_logout === null) delete next.oidc_logout;
  return ok(present(ctx.store.put(CLIENTS, current.client_id as string, derive(next))));
}

/** Deleting a client takes its credentials and grants with it, as in Auth0. */
function remove(ctx: RequestContext) {
  const id = ctx.params.id!;
  ctx.store.delete(CLIENTS, id);
  ctx.store.deleteWhere(CLIENT_CREDENTIALS, (c) => c.client_id === id);
  ctx.store.deleteWhere(CLIENT_GRANTS, (g) => g.client_id === id);
  return noContent;
}

/**
 * What GET shows: the secret only while the client authenticates with it — a client moved to
 * private_key_jwt or mTLS (client_authentication_methods without a token endpoint method) has none.
 */
function present(doc: Doc): Doc {
  if (doc.token_endpoint_auth_method !== undefined || !isObject(doc.client_authentication_methods)) return doc;
  const { client_secret: _hidden, ...rest } = doc;
  return rest;
}

function rotateSecret(ctx: RequestContext) {
  const current = mustFindClient(ctx, ctx.params.id!);
  return ok(present(ctx.store.put(CLIENTS, current.client_id as string, { ...current, client_secret: clientSecret() })));
}

export const clients: Family = {
  routes(r) {
    r.on("GET", "/clients", (ctx) => ok(offsetPage(ctx.store.list(CLIENTS).map((c) => selectFields(present(c), ctx.query, ["signing_keys"])), ctx.query, "clients")));
    r.on("POST", "/clients", create);
    r.on("GET", "/clients/:id", (ctx) => ok(selectFields(present(mustFindClient(ctx, ctx.params.id!)), ctx.query, ["signing_keys"])));
    r.on("PATCH", "/clients/:id", update);
    r.on("DELETE", "/clients/:id", remove);
    r.on("POST", "/clients/:id/rotate-secret", rotateSecret);
  },
};

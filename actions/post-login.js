/**
 * alphaswarm-post-login — Login trigger (post-login v3), first in the login flow.
 *
 * 0. Organization-only connections: a login through a connection whose metadata has
 *    organization_required "true" (auth0kit's requireOrganization) must be an organization login;
 *    without an organization it is denied ("require members to use this organization"). Auth0 has
 *    no such connection setting: an application that allows organizations also takes logins
 *    without one. A refresh-token exchange continues the session that passed this check, and a
 *    token exchange acts for a user who already signed in, so neither is checked.
 * 1. MFA: when the application asks for the multi-factor PAPE policy in `acr_values` (step-up), MFA
 *    is required for this login and the browser may not be remembered. For a login through an
 *    organization (a B2B user), ORGANIZATION_MFA requires a factor on every login: "otp" asks for
 *    the authenticator-app code (Auth0's google-authenticator provider), so SMS, the consumer
 *    fallback, never stands in for it; "any" takes any enrolled factor. Guardian's factors are
 *    tenant-wide, so this is the one place a factor can be required of one audience only.
 * 2. Claims: namespaced custom claims on the ID and access tokens — `org_id` / `org_name` when
 *    the login is organization-scoped, and `roles` when Auth0 supplies them.
 * 3. Just-in-time upsert of the user in the backend (POST <BACKEND_URL>/_internal/auth0/sync),
 *    authenticated with a machine-to-machine token cached across executions. A refresh-token
 *    exchange is not a login and skips it.
 *
 * Built to Auth0's Actions limits: the whole Action, every request included, ends within 7 s
 * (ACTION_BUDGET_MS), so that with alphaswarm-idp-group-sync (7 s) the login flow stays inside
 * Auth0's 20 s; each request has one deadline for headers and body; cache keys are 53 bytes
 * whatever the secrets (limit 64), a token over 4 KB is not cached, a refused cache write is
 * logged; log lines fit Auth0's 256 characters and carry no secret. A malformed event field
 * never throws: see docs/actions.md for what each one means.
 *
 * Secrets (set by auth0kit from the stack file):
 *   CLAIMS_NAMESPACE   e.g. https://alphaswarm.internal/ (a trailing slash is added if missing)
 *   BACKEND_URL        e.g. https://api.alpha-swarm.ai
 *   AUTH0_DOMAIN       the tenant's domain, for its /oauth/token endpoint
 *   CLIENT_ID, CLIENT_SECRET   the callback M2M application's credentials
 *   API_AUDIENCE       the API the backend token is for
 *   FAIL_CLOSED        "true": a backend failure denies the login; "false": it is logged and the
 *                      login continues. Anything else (or unset) counts as "true".
 *   BACKEND_TIMEOUT_MS optional, per backend request; defaults to 5000, never past the budget
 *   ORGANIZATION_MFA   optional: "otp", "any" or "off" (the default); anything else counts as "otp"
 */

const ACTION_NAME = "alphaswarm-post-login";
const ACTION_BUDGET_MS = 7000;
const MFA_POLICY = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";
const SYNC_PATH = "/_internal/auth0/sync";
/** The connection metadata key auth0kit sets on organization-only connections (config/schema/connections.ts). */
const ORGANIZATION_REQUIRED = "organization_required";

exports.onExecutePostLogin = async (event, api) => {
  const deadline = Date.now() + ACTION_BUDGET_MS;
  const secrets = objectOr(event.secrets);
  const transaction = objectOr(event.transaction);
  if (needsOrganization(event.connection, event.organization, transaction)) {
    log("denied a login through an organization-only connection without an organization");
    api.access.deny("Sign in through your organization's login: this connection is for organization members only.");
    return;
  }
  const provider = mfaProvider(secrets.ORGANIZATION_MFA, event.organization, transaction);
  if (provider !== undefined) api.multifactor.enable(provider, { allowRememberBrowser: false });

  const namespace = claimsNamespace(secrets.CLAIMS_NAMESPACE);
  if (namespace === undefined) {
    return onFailure(secrets, api, new Error("CLAIMS_NAMESPACE is not set"));
  }
  for (const [name, value] of Object.entries(claimsFor(event))) {
    api.idToken.setCustomClaim(namespace + name, value);
    api.accessToken.setCustomClaim(namespace + name, value);
  }

  // A refresh-token exchange is not a login: the user was synced when the session started.
  if (transaction.protocol === "oauth2-refresh-token") return;

  const user = objectOr(event.user);
  if (textOr(user.user_id) === undefined) {
    return onFailure(secrets, api, new Error("the event has no user.user_id; nothing to sync"));
  }
  try {
    await callBackend(secrets, api, SYNC_PATH, syncPayload(event, user), deadline);
  } catch (error) {
    return onFailure(secrets, api, error);
  }
};

/** Whether this is an interactive login through an organization-only connection without an organization. */
function needsOrganization(connection, organization, transaction) {
  if (transaction.protocol === "oauth2-refresh-token" || transaction.protocol === "oauth2-token-exchange") return false;
  return objectOr(objectOr(connection).metadata)[ORGANIZATION_REQUIRED] === "true" && textOr(objectOr(organization).id) === undefined;
}

/**
 * The MFA provider this login must pass, or undefined. An organization login under "otp" gets the
 * OTP provider even when step-up asks for any factor: OTP satisfies both. A refresh-token
 * exchange is not a login and Auth0 cannot challenge it, so it gets none; a token exchange is a
 * machine acting for a user who already signed in (Auth0 refuses MFA there when an actor is set),
 * so only an explicit step-up applies to it.
 */
function mfaProvider(setting, organization, transaction) {
  if (transaction.protocol === "oauth2-refresh-token") return undefined;
  const mode = setting === undefined || setting === "off" ? "off" : setting === "any" ? "any" : "otp";
  const interactive = transaction.protocol !== "oauth2-token-exchange";
  if (interactive && mode !== "off" && textOr(objectOr(organization).id) !== undefined) return mode === "otp" ? "google-authenticator" : "any";
  return requestedAcrValues(transaction.acr_values).includes(MFA_POLICY) ? "any" : undefined;
}

/**
 * The ACR values the application asked for. Auth0 documents an array; the OIDC wire format, a
 * space-separated string, is read as such, so a step-up request is never lost to its shape.
 * Anything else asks for nothing.
 */
function requestedAcrValues(value) {
  if (Array.isArray(value)) return value.filter((item) => typeof item === "string");
  if (typeof value === "string") return value.split(/\s+/);
  return [];
}

function claimsNamespace(value) {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const trimmed = value.trim();
  return trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}

/** Claims from well-formed fields only: an organization without a string id, or roles that are not a list, add none. */
function claimsFor(event) {
  const claims = {};
  const organization = objectOr(event.organization);
  if (textOr(organization.id) !== undefined) {
    claims.org_id = organization.id;
    if (textOr(organization.name) !== undefined) claims.org_name = organization.name;
  }
  const authorization = objectOr(event.authorization);
  if (Array.isArray(authorization.roles)) {
    claims.roles = [...new Set(authorization.roles.filter((role) => typeof role === "string"))].sort();
  }
  return claims;
}

/** What the backend upserts; a field of the wrong type is sent as null. */
function syncPayload(event, user) {
  const connection = objectOr(event.connection);
  const organization = objectOr(event.organization);
  const text = (value) => (typeof value === "string" ? value : null);
  return {
    user_id: user.user_id,
    email: text(user.email),
    email_verified: user.email_verified === true,
    name: text(user.name),
    picture: text(user.picture),
    connection: { id: text(connection.id), name: text(connection.name), strategy: text(connection.strategy) },
    organization: textOr(organization.id) === undefined ? null : { id: organization.id, name: text(organization.name) },
  };
}

function onFailure(secrets, api, error) {
  const failClosed = secrets.FAIL_CLOSED !== "false";
  log(`${error.message} (${failClosed ? "denying the login" : "login continues"})`);
  if (failClosed) api.access.deny("Sign-in is temporarily unavailable; please try again in a moment.");
}

// --- runtime helpers: keep identical in every Action (test/actions/selfContained.test.ts)
const crypto = require("node:crypto");

/** Auth0's Actions limits (docs: Actions Limitations) that these helpers keep to. */
const LOG_CHARS = 256;
const CACHE_VALUE_BYTES = 4096;
const CACHE_LIFETIME_MS = 24 * 60 * 60 * 1000;
const DEFAULT_TIMEOUT_MS = 5000;

/** `value` when it is a plain object, else an empty one: the guard for every event field read. */
function objectOr(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}

/** `value` when it is a non-empty string, else undefined. */
function textOr(value) {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** console.log under the Action's name; Auth0 keeps only the first 256 characters of a line. */
function log(message) {
  console.log(`${ACTION_NAME}: ${message}`.slice(0, LOG_CHARS));
}

/**
 * A cache key for `parts` that fits Auth0's 64-byte limit whatever the parts are: the prefix and
 * a SHA-256 digest (43 characters), never the parts themselves.
 */
function cacheKey(prefix, parts) {
  return `${prefix}:${crypto.createHash("sha256").update(JSON.stringify(parts)).digest("base64url")}`;
}

/** The unexpired, non-empty string cached under `key`, or undefined. */
function cacheGet(api, key) {
  const record = api.cache.get(key);
  if (!record || typeof record.value !== "string" || record.value === "") return undefined;
  if (typeof record.expires_at === "number" && record.expires_at <= Date.now()) return undefined;
  return record.value;
}

/**
 * Caches `value` until `expiresAt`, at most 24 h ahead (Auth0 does not say whether it clamps or
 * refuses a longer lifetime). A value over 4 KB is not offered; a refused write is logged. Either
 * way the caller goes on without the cache.
 */
function cacheSet(api, key, value, expiresAt, what) {
  const size = Buffer.byteLength(value, "utf8");
  if (size > CACHE_VALUE_BYTES) {
    log(`${what} is not cached: ${size} bytes is over Auth0's ${CACHE_VALUE_BYTES}-byte value limit`);
    return;
  }
  const result = api.cache.set(key, value, { expires_at: Math.min(expiresAt, Date.now() + CACHE_LIFETIME_MS) });
  if (!result || result.type !== "success") log(`${what} is not cached: the cache refused it (${safeCode(result && result.code)})`);
}

/** BACKEND_TIMEOUT_MS (default 5000), but never past the Action's `deadline`. */
function requestTimeout(secrets, deadline) {
  const configured = Number(secrets.BACKEND_TIMEOUT_MS) > 0 ? Number(secrets.BACKEND_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  return Math.min(configured, deadline - Date.now());
}

/**
 * fetch under one deadline for the whole exchange, headers and body: after `timeoutMs` the request
 * is aborted and this rejects, even on a runtime whose fetch ignores the abort once the headers
 * are in. Resolves to { ok, status, body } with the body parsed as JSON (undefined when it is
 * not JSON). Errors name `label`, never the URL (it is built from secrets) nor fetch's own message
 * (it may quote the URL).
 */
async function fetchJson(url, init, label, timeoutMs) {
  if (!(timeoutMs > 0)) throw new Error(`${label} not sent: the Action's ${ACTION_BUDGET_MS} ms budget is spent`);
  const controller = new AbortController();
  let timer;
  const expiry = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${label} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  const exchange = (async () => {
    const response = await fetch(url, { ...init, signal: controller.signal });
    const text = await response.text();
    return { ok: response.ok, status: response.status, body: parseJson(text) };
  })();
  // Once the deadline has won, the aborted exchange still rejects; that rejection is expected.
  exchange.catch(() => {});
  try {
    return await Promise.race([exchange, expiry]);
  } catch (error) {
    if (controller.signal.aborted) throw new Error(`${label} timed out after ${timeoutMs} ms`);
    throw new Error(`${label} failed (${safeCode((error && error.cause && error.cause.code) || (error && error.name))})`);
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An error or result code fit for a log line: a short identifier, or "unknown". */
function safeCode(code) {
  return typeof code === "string" && /^[A-Za-z0-9_.-]{1,40}$/.test(code) ? code : "unknown";
}
// --- end runtime helpers

// --- backend client: keep identical in post-login.js, idp-group-sync.js and pre-user-registration.js
const TOKEN_EXPIRY_MARGIN_MS = 60000;

/**
 * POSTs `body` as JSON to `<BACKEND_URL><path>` with the M2M token, every request finished before
 * `deadline`; resolves to the answer's JSON body. Throws on any failure.
 */
async function callBackend(secrets, api, path, body, deadline) {
  const backendUrl = textOr(secrets.BACKEND_URL);
  if (backendUrl === undefined) throw new Error("BACKEND_URL is not set");
  const token = await backendToken(secrets, api, deadline);
  const answer = await fetchJson(
    `${backendUrl.replace(/\/+$/, "")}${path}`,
    { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) },
    path,
    requestTimeout(secrets, deadline),
  );
  if (!answer.ok) throw new Error(`${path} answered ${answer.status}`);
  return answer.body;
}

/**
 * A client-credentials token for API_AUDIENCE, reused from api.cache until a minute before it
 * expires. The Actions of one trigger share its cache, so they share the token too.
 */
async function backendToken(secrets, api, deadline) {
  const domain = textOr(secrets.AUTH0_DOMAIN);
  const clientId = textOr(secrets.CLIENT_ID);
  const clientSecret = textOr(secrets.CLIENT_SECRET);
  const audience = textOr(secrets.API_AUDIENCE);
  if (!domain || !clientId || !clientSecret || !audience) throw new Error("AUTH0_DOMAIN, CLIENT_ID, CLIENT_SECRET and API_AUDIENCE must be set");
  const key = cacheKey("m2m-token", [domain, clientId, audience]);
  const cached = cacheGet(api, key);
  if (cached !== undefined) return cached;

  const answer = await fetchJson(
    `https://${domain}/oauth/token`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, audience }),
    },
    "/oauth/token",
    requestTimeout(secrets, deadline),
  );
  if (!answer.ok) throw new Error(`the token endpoint answered ${answer.status}`);
  const grant = objectOr(answer.body);
  if (textOr(grant.access_token) === undefined) throw new Error("the token endpoint returned no access_token");
  const lifetimeMs = (Number(grant.expires_in) || 0) * 1000 - TOKEN_EXPIRY_MARGIN_MS;
  if (lifetimeMs > 0) cacheSet(api, key, grant.access_token, Date.now() + lifetimeMs, "the backend token");
  return grant.access_token;
}
// --- end backend client

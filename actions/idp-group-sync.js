/**
 * alphaswarm-idp-group-sync — Login trigger (post-login v3), after alphaswarm-post-login.
 *
 * For enterprise logins (Entra ID/Azure AD, Okta, Google Workspace, SAML, OIDC, ADFS, …) it reads
 * the user's group claims from the IdP profile and posts them to
 * <BACKEND_URL>/_internal/idp/sync-groups, where the backend maps them to memberships. Database,
 * passwordless and social logins are left alone, and so are refresh-token and token exchanges:
 * they do not pass through the IdP, so the profile holds the groups of the last login. A login
 * whose profile carries no group claim at all is not synced (an IdP that is not configured to
 * send groups must not wipe memberships), nor is one whose group claim holds an entry that is not
 * a group name (a partial list would drop memberships); an empty group list is synced as empty.
 * Okta groups arrive as one comma-separated string (Auth0 stores a mapped array that way) and are
 * split; other IdPs' values are taken whole (a SAML group may be a DN with commas in it).
 *
 * Built to Auth0's Actions limits: the whole Action ends within 7 s (ACTION_BUDGET_MS; with
 * alphaswarm-post-login's 7 s the login flow stays inside Auth0's 20 s); each request has one
 * deadline for headers and body; the M2M token is cached under a 53-byte key (limit 64) that
 * alphaswarm-post-login shares, so an enterprise login asks the token endpoint at most once; a
 * token over 4 KB is not cached and a refused cache write is logged; log lines fit Auth0's 256
 * characters and carry no secret. A malformed event field never throws (docs/actions.md).
 *
 * Secrets: BACKEND_URL, AUTH0_DOMAIN, CLIENT_ID, CLIENT_SECRET, API_AUDIENCE, FAIL_CLOSED and
 * BACKEND_TIMEOUT_MS, as for alphaswarm-post-login.
 */

const ACTION_NAME = "alphaswarm-idp-group-sync";
const ACTION_BUDGET_MS = 7000;
const SYNC_PATH = "/_internal/idp/sync-groups";
const ENTERPRISE_STRATEGIES = ["ad", "adfs", "auth0-adldap", "google-apps", "oidc", "okta", "pingfederate", "samlp", "waad"];
/** Protocols that issue tokens without the IdP: the profile's groups are those of the last login. */
const WITHOUT_THE_IDP = ["oauth2-refresh-token", "oauth2-token-exchange"];
/** Where each IdP family puts group membership in the Auth0 profile (SAML attribute names included). */
const GROUP_ATTRIBUTES = [
  "groups",
  "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups",
  "http://schemas.xmlsoap.org/claims/Group",
];

exports.onExecutePostLogin = async (event, api) => {
  const deadline = Date.now() + ACTION_BUDGET_MS;
  const secrets = objectOr(event.secrets);
  const connection = objectOr(event.connection);
  if (!ENTERPRISE_STRATEGIES.includes(connection.strategy)) return;
  if (WITHOUT_THE_IDP.includes(objectOr(event.transaction).protocol)) return;
  const source = `${connection.strategy} connection ${textOr(connection.name) || "(unnamed)"}`;

  const user = objectOr(event.user);
  const claim = groupClaim(user, connection);
  if (claim === undefined) {
    log(`no group claim from ${source}; nothing to sync`);
    return;
  }
  if (claim.groups === undefined) {
    log(`the group claim from ${source} holds an entry that is not a group name; nothing synced`);
    return;
  }
  try {
    if (textOr(user.user_id) === undefined) throw new Error("the event has no user.user_id; nothing to sync");
    const organization = objectOr(event.organization);
    await callBackend(
      secrets,
      api,
      SYNC_PATH,
      {
        user_id: user.user_id,
        connection: { id: textOr(connection.id) || null, name: textOr(connection.name) || null, strategy: connection.strategy },
        organization_id: textOr(organization.id) || null,
        groups: claim.groups,
      },
      deadline,
    );
  } catch (error) {
    const failClosed = secrets.FAIL_CLOSED !== "false";
    log(`${error.message} (${failClosed ? "denying the login" : "login continues"})`);
    if (failClosed) api.access.deny("Sign-in is temporarily unavailable; please try again in a moment.");
  }
};

/**
 * The first group attribute present on the profile root or on this connection's identity, with
 * its groups as sorted, de-duplicated names (`groups` undefined when an entry is not a name);
 * undefined when no group attribute is present. Identities that are not objects are skipped.
 */
function groupClaim(user, connection) {
  const identities = Array.isArray(user.identities) ? user.identities : [];
  const identity = textOr(connection.name) === undefined ? undefined : identities.map(objectOr).find((id) => id.connection === connection.name);
  for (const source of [user, objectOr(identity && identity.profileData)]) {
    for (const attribute of GROUP_ATTRIBUTES) {
      const raw = source[attribute];
      if (raw === undefined || raw === null) continue;
      return { groups: groupNames(Array.isArray(raw) ? raw : [raw], connection.strategy) };
    }
  }
  return undefined;
}

function groupNames(entries, strategy) {
  const names = [];
  for (const entry of entries) {
    const group = objectOr(entry);
    const name = typeof entry === "string" ? entry : Number.isFinite(entry) ? String(entry) : textOr(group.name) || textOr(group.id);
    if (name === undefined) return undefined;
    names.push(...(strategy === "okta" ? name.split(",").map((part) => part.trim()) : [name]));
  }
  return [...new Set(names.filter(Boolean))].sort();
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

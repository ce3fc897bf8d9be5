/**
 * alphaswarm-post-login — Login trigger (post-login v3), first in the login flow.
 *
 * 1. Step-up: when the application asks for the multi-factor PAPE policy in `acr_values`, MFA
 *    is required for this login and the browser may not be remembered.
 * 2. Claims: namespaced custom claims on the ID and access tokens — `org_id` / `org_name` when
 *    the login is organization-scoped, and `roles` when Auth0 supplies them.
 * 3. Just-in-time upsert of the user in the backend (POST <BACKEND_URL>/_internal/auth0/sync),
 *    authenticated with a machine-to-machine token cached across executions.
 *
 * Secrets (set by auth0kit from the stack file):
 *   CLAIMS_NAMESPACE   e.g. https://alphaswarm.internal/ (a trailing slash is added if missing)
 *   BACKEND_URL        e.g. https://api.alpha-swarm.ai
 *   AUTH0_DOMAIN       the tenant's domain, for its /oauth/token endpoint
 *   CLIENT_ID, CLIENT_SECRET   the callback M2M application's credentials
 *   API_AUDIENCE       the API the backend token is for
 *   FAIL_CLOSED        "true": a backend failure denies the login; "false": it is logged and the
 *                      login continues. Anything else (or unset) counts as "true".
 *   BACKEND_TIMEOUT_MS optional, per backend request; defaults to 5000
 */

const MFA_POLICY = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";
const SYNC_PATH = "/_internal/auth0/sync";

exports.onExecutePostLogin = async (event, api) => {
  const secrets = event.secrets || {};
  const acrValues = (event.transaction && event.transaction.acr_values) || [];
  if (acrValues.includes(MFA_POLICY)) {
    api.multifactor.enable("any", { allowRememberBrowser: false });
  }

  const namespace = claimsNamespace(secrets.CLAIMS_NAMESPACE);
  if (namespace === undefined) {
    return onFailure(event, api, new Error("CLAIMS_NAMESPACE is not set"));
  }
  for (const [name, value] of Object.entries(claimsFor(event))) {
    api.idToken.setCustomClaim(namespace + name, value);
    api.accessToken.setCustomClaim(namespace + name, value);
  }

  // A refresh-token exchange is not a login: the user was synced when the session started.
  if (event.transaction && event.transaction.protocol === "oauth2-refresh-token") return;

  try {
    await callBackend(event, api, SYNC_PATH, syncPayload(event));
  } catch (error) {
    return onFailure(event, api, error);
  }
};

function claimsNamespace(value) {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const trimmed = value.trim();
  return trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}

function claimsFor(event) {
  const claims = {};
  if (event.organization && event.organization.id) {
    claims.org_id = event.organization.id;
    if (event.organization.name) claims.org_name = event.organization.name;
  }
  if (event.authorization && Array.isArray(event.authorization.roles)) {
    claims.roles = [...event.authorization.roles].sort();
  }
  return claims;
}

function syncPayload(event) {
  const user = event.user || {};
  const connection = event.connection || {};
  return {
    user_id: user.user_id,
    email: user.email,
    email_verified: user.email_verified === true,
    name: user.name,
    picture: user.picture,
    connection: { id: connection.id, name: connection.name, strategy: connection.strategy },
    organization: event.organization ? { id: event.organization.id, name: event.organization.name } : null,
  };
}

function onFailure(event, api, error) {
  const failClosed = (event.secrets || {}).FAIL_CLOSED !== "false";
  console.log(`alphaswarm-post-login: ${error.message} (${failClosed ? "denying the login" : "login continues"})`);
  if (failClosed) api.access.deny("Sign-in is temporarily unavailable; please try again in a moment.");
}

// --- backend client: keep identical in post-login.js, idp-group-sync.js and pre-user-registration.js
const DEFAULT_TIMEOUT_MS = 5000;
const TOKEN_EXPIRY_MARGIN_MS = 60000;

/** POSTs `body` as JSON to `<BACKEND_URL><path>` with the cached M2M token; throws on any failure. */
async function callBackend(event, api, path, body) {
  const secrets = event.secrets || {};
  if (!secrets.BACKEND_URL) throw new Error("BACKEND_URL is not set");
  const token = await backendToken(secrets, api);
  const response = await fetchWithTimeout(secrets, `${secrets.BACKEND_URL.replace(/\/+$/, "")}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response;
}

/** A client-credentials token for API_AUDIENCE, reused from api.cache until shortly before it expires. */
async function backendToken(secrets, api) {
  const { AUTH0_DOMAIN: domain, CLIENT_ID: clientId, CLIENT_SECRET: clientSecret, API_AUDIENCE: audience } = secrets;
  if (!domain || !clientId || !clientSecret || !audience) {
    throw new Error("AUTH0_DOMAIN, CLIENT_ID, CLIENT_SECRET and API_AUDIENCE must be set");
  }
  const cacheKey = `m2m-token:${clientId}:${audience}`;
  const cached = api.cache.get(cacheKey);
  if (cached && cached.value && (cached.expires_at === undefined || cached.expires_at > Date.now())) return cached.value;

  const response = await fetchWithTimeout(secrets, `https://${domain}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, audience }),
  });
  if (!response.ok) throw new Error(`the token endpoint answered ${response.status}`);
  const grant = await response.json();
  if (!grant || typeof grant.access_token !== "string") throw new Error("the token endpoint returned no access_token");
  const lifetimeMs = (Number(grant.expires_in) || 0) * 1000 - TOKEN_EXPIRY_MARGIN_MS;
  if (lifetimeMs > 0) api.cache.set(cacheKey, grant.access_token, { expires_at: Date.now() + lifetimeMs });
  return grant.access_token;
}

/** fetch, aborted after BACKEND_TIMEOUT_MS. */
async function fetchWithTimeout(secrets, url, init) {
  const timeoutMs = Number(secrets.BACKEND_TIMEOUT_MS) > 0 ? Number(secrets.BACKEND_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } catch (error) {
    throw controller.signal.aborted ? new Error(`${new URL(url).pathname} timed out after ${timeoutMs} ms`) : error;
  } finally {
    clearTimeout(timer);
  }
}
// --- end backend client

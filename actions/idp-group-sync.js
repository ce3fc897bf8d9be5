/**
 * alphaswarm-idp-group-sync — Login trigger (post-login v3), after alphaswarm-post-login.
 *
 * For enterprise logins (Entra ID/Azure AD, Okta, Google Workspace, SAML, OIDC, ADFS, …) it reads
 * the user's group claims from the IdP profile and posts them to
 * <BACKEND_URL>/_internal/idp/sync-groups, where the backend maps them to memberships. Database,
 * passwordless and social logins are left alone. A login whose profile carries no group claim at
 * all is not synced (an IdP that is not configured to send groups must not wipe memberships); an
 * empty group list is synced as empty.
 *
 * Secrets: BACKEND_URL, AUTH0_DOMAIN, CLIENT_ID, CLIENT_SECRET, API_AUDIENCE, FAIL_CLOSED and
 * BACKEND_TIMEOUT_MS, as for alphaswarm-post-login.
 */

const SYNC_PATH = "/_internal/idp/sync-groups";
const ENTERPRISE_STRATEGIES = ["ad", "adfs", "auth0-adldap", "google-apps", "oidc", "okta", "pingfederate", "samlp", "waad"];
/** Where each IdP family puts group membership in the Auth0 profile (SAML attribute names included). */
const GROUP_ATTRIBUTES = [
  "groups",
  "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups",
  "http://schemas.xmlsoap.org/claims/Group",
];

exports.onExecutePostLogin = async (event, api) => {
  const connection = event.connection || {};
  if (!ENTERPRISE_STRATEGIES.includes(connection.strategy)) return;
  const groups = groupsOf(event.user || {}, connection.name);
  if (groups === undefined) {
    console.log(`alphaswarm-idp-group-sync: no group claim from ${connection.strategy} connection ${connection.name}; nothing to sync`);
    return;
  }
  try {
    await callBackend(event, api, SYNC_PATH, {
      user_id: event.user.user_id,
      connection: { id: connection.id, name: connection.name, strategy: connection.strategy },
      organization_id: event.organization ? event.organization.id : null,
      groups,
    });
  } catch (error) {
    const failClosed = (event.secrets || {}).FAIL_CLOSED !== "false";
    console.log(`alphaswarm-idp-group-sync: ${error.message} (${failClosed ? "denying the login" : "login continues"})`);
    if (failClosed) api.access.deny("Sign-in is temporarily unavailable; please try again in a moment.");
  }
};

/**
 * The user's groups as sorted, de-duplicated strings, from the profile root or the identity of
 * this connection; undefined when no group attribute is present.
 */
function groupsOf(user, connectionName) {
  const identity = (user.identities || []).find((id) => id.connection === connectionName);
  const sources = [user, identity && identity.profileData].filter(Boolean);
  for (const source of sources) {
    for (const attribute of GROUP_ATTRIBUTES) {
      if (source[attribute] === undefined || source[attribute] === null) continue;
      const raw = Array.isArray(source[attribute]) ? source[attribute] : [source[attribute]];
      const names = raw.map((group) => (typeof group === "string" ? group : group && (group.name || group.id))).filter(Boolean);
      return [...new Set(names.map(String))].sort();
    }
  }
  return undefined;
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

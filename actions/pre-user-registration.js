/**
 * alphaswarm-pre-user-registration — pre-user-registration trigger (v2).
 *
 * Denies a sign-up whose email is missing or malformed, or whose domain — compared without
 * regard to case, subdomains included — is on the disposable-domain list. Optionally asks the
 * backend whether a B2B sign-up holds an invitation.
 *
 * Secrets (set by auth0kit from the stack file):
 *   DISPOSABLE_DOMAINS  comma- or space-separated domains; replaces the default list below
 *   INVITE_CHECK        "off" (default), "b2b" (sign-ups through applications whose metadata
 *                       says flow=b2b) or "all"; checked with POST
 *                       <BACKEND_URL>/_internal/auth/preregister-check, which answers
 *                       { "allowed": true | false }
 *   BACKEND_URL, AUTH0_DOMAIN, CLIENT_ID, CLIENT_SECRET, API_AUDIENCE, FAIL_CLOSED,
 *   BACKEND_TIMEOUT_MS  as for alphaswarm-post-login; needed only with the invite check
 */

const DEFAULT_DISPOSABLE_DOMAINS = ["10minutemail.com", "guerrillamail.com", "mailinator.com", "tempmail.org", "throwaway.email"];
const INVITE_PATH = "/_internal/auth/preregister-check";
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

exports.onExecutePreUserRegistration = async (event, api) => {
  const secrets = event.secrets || {};
  const email = normalizedEmail(event.user && event.user.email);
  if (email === undefined) {
    api.access.deny("invalid_email", "Please sign up with a valid email address.");
    return;
  }
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (disposableDomains(secrets.DISPOSABLE_DOMAINS).some((blocked) => domain === blocked || domain.endsWith(`.${blocked}`))) {
    api.access.deny("disposable_email", "Sign-ups from disposable email addresses are not allowed.");
    return;
  }
  if (!needsInvite(secrets.INVITE_CHECK, event.client)) return;
  try {
    const response = await callBackend(event, api, INVITE_PATH, {
      email,
      client_id: event.client ? event.client.client_id : undefined,
      connection: event.connection ? event.connection.name : undefined,
    });
    const answer = await response.json();
    if (!answer || answer.allowed !== true) {
      api.access.deny("invite_required", "This sign-up needs an invitation; ask your organization's administrator.");
    }
  } catch (error) {
    const failClosed = secrets.FAIL_CLOSED !== "false";
    console.log(`alphaswarm-pre-user-registration: ${error.message} (${failClosed ? "denying the sign-up" : "sign-up continues"})`);
    if (failClosed) api.access.deny("invite_check_failed", "Sign-up is temporarily unavailable; please try again in a moment.");
  }
};

/** Lower-cased, trimmed `local@domain.tld`, or undefined when missing or malformed. */
function normalizedEmail(value) {
  if (typeof value !== "string") return undefined;
  const email = value.trim().toLowerCase();
  const at = email.lastIndexOf("@");
  if (at <= 0 || /[\s@]/.test(email.slice(0, at))) return undefined;
  return DOMAIN.test(email.slice(at + 1)) ? email : undefined;
}

function disposableDomains(configured) {
  if (typeof configured !== "string" || configured.trim() === "") return DEFAULT_DISPOSABLE_DOMAINS;
  return configured
    .split(/[\s,]+/)
    .map((domain) => domain.trim().toLowerCase().replace(/^\.+/, ""))
    .filter(Boolean);
}

function needsInvite(mode, client) {
  if (mode === "all") return true;
  return mode === "b2b" && Boolean(client && client.metadata && client.metadata.flow === "b2b");
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

/**
 * alphaswarm-pre-user-registration — pre-user-registration trigger (v2).
 *
 * Denies a sign-up whose email is missing or malformed, or whose domain — compared without
 * regard to case, subdomains included — is on the disposable-domain list. Optionally asks the
 * backend whether a B2B sign-up holds an invitation.
 *
 * Built to Auth0's Actions limits: the whole Action, both backend requests included, ends within
 * 7 s (ACTION_BUDGET_MS; Auth0 ends a flow at 20 s); each request has one deadline for headers
 * and body; the M2M token is cached under a 53-byte key (limit 64), a token over 4 KB is not
 * cached and a refused cache write is logged; log lines fit Auth0's 256 characters and carry no
 * secret. DISPOSABLE_DOMAINS, like every secret value, holds at most 4096 characters. A malformed
 * event field never throws (docs/actions.md).
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

const ACTION_NAME = "alphaswarm-pre-user-registration";
const ACTION_BUDGET_MS = 7000;
const DEFAULT_DISPOSABLE_DOMAINS = ["10minutemail.com", "guerrillamail.com", "mailinator.com", "tempmail.org", "throwaway.email"];
const INVITE_PATH = "/_internal/auth/preregister-check";
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

exports.onExecutePreUserRegistration = async (event, api) => {
  const deadline = Date.now() + ACTION_BUDGET_MS;
  const secrets = objectOr(event.secrets);
  const email = normalizedEmail(objectOr(event.user).email);
  if (email === undefined) {
    api.access.deny("invalid_email", "Please sign up with a valid email address.");
    return;
  }
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (disposableDomains(secrets.DISPOSABLE_DOMAINS).some((blocked) => domain === blocked || domain.endsWith(`.${blocked}`))) {
    api.access.deny("disposable_email", "Sign-ups from disposable email addresses are not allowed.");
    return;
  }
  const client = objectOr(event.client);
  if (!needsInvite(secrets.INVITE_CHECK, client)) return;
  try {
    const answer = await callBackend(
      secrets,
      api,
      INVITE_PATH,
      { email, client_id: textOr(client.client_id) || null, connection: textOr(objectOr(event.connection).name) || null },
      deadline,
    );
    if (objectOr(answer).allowed !== true) {
      api.access.deny("invite_required", "This sign-up needs an invitation; ask your organization's administrator.");
    }
  } catch (error) {
    const failClosed = secrets.FAIL_CLOSED !== "false";
    log(`${error.message} (${failClosed ? "denying the sign-up" : "sign-up continues"})`);
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
  return mode === "b2b" && objectOr(client.metadata).flow === "b2b";
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

/**
 * alphaswarm-agent-delegation — custom-token-exchange trigger (v1), bound through the
 * `alphaswarm-agent-delegation` Custom Token Exchange Profile (RFC 8693).
 *
 * The agent broker exchanges a user's access token for the API (the subject token) for a
 * delegated token for that same user, with the broker as the actor. This Action accepts only the
 * profile's subject token type, only from the broker application, without an actor_token (the
 * authenticated broker is the actor), and only a subject token that this tenant signed (RS256,
 * verified against the tenant's JWKS) for the API, unexpired, issued to a user (not to a
 * machine-to-machine client) and not itself delegated: a delegated token cannot be exchanged again,
 * so a delegation ends when its token expires. It then sets that user and, with
 * api.authentication.setActor, the broker as actor (`act: { sub: "<broker client id>@clients" }`,
 * the subject Auth0 gives the broker in its own client-credentials tokens); Auth0 then issues no
 * refresh token.
 *
 * Built to Auth0's Actions limits: the Action ends within 4 s (ACTION_BUDGET_MS), the JWKS request
 * has one deadline for headers and body; the JWKS is cached under a 48-byte key (limit 64) as
 * only the fields verification needs (kid, n, e), kept under 4 KB; a JWKS fetched less than a
 * minute ago answers for every key ID, so unknown key IDs do not refetch it; a refused cache write
 * is logged; log lines fit 256 characters and carry no secret. A malformed event or subject token
 * never throws: a subject token that is not a JWT with a JSON object header and payload is
 * rejected with rejectInvalidSubjectToken, which Attack Protection counts.
 *
 * The delegated token is for the API the broker names (`audience`), and lives that API's token
 * lifetime: Auth0 has no lifetime per exchange. DELEGATION_AUDIENCES lists the APIs delegation may
 * target (short-lived ones, set aside for it); any other requested audience is refused with
 * invalid_target, so a delegated token never gets a long-lived API's lifetime.
 *
 * Secrets (set by auth0kit from the stack file):
 *   SUBJECT_TOKEN_TYPE  the profile's subject token type (filled in from the profile)
 *   DELEGATION_AUDIENCES optional; comma-separated API identifiers delegated tokens may be for
 *                       (filled in from the profile's audiences); unset, any API
 *   AUTH0_DOMAIN        the tenant's domain: JWKS at https://<domain>/.well-known/jwks.json
 *   ISSUER              optional; the subject token's `iss`, defaults to https://<AUTH0_DOMAIN>/
 *   API_AUDIENCE        the `aud` the subject token must carry
 *   BROKER_CLIENT_ID    the only application allowed to exchange
 *   BACKEND_TIMEOUT_MS  optional, for the JWKS request; defaults to 5000, never past the budget
 */

const ACTION_NAME = "alphaswarm-agent-delegation";
const ACTION_BUDGET_MS = 4000;
const CLOCK_SKEW_SECONDS = 60;
const JWKS_CACHE_MS = 10 * 60 * 1000;
/** How long a fetched JWKS is the answer for a key ID it lacks (a remembered miss). */
const JWKS_MISS_MS = 60 * 1000;

exports.onExecuteCustomTokenExchange = async (event, api) => {
  const deadline = Date.now() + ACTION_BUDGET_MS;
  const secrets = objectOr(event.secrets);
  const transaction = objectOr(event.transaction);
  const client = objectOr(event.client);
  if (textOr(secrets.SUBJECT_TOKEN_TYPE) === undefined || transaction.subject_token_type !== secrets.SUBJECT_TOKEN_TYPE) {
    api.access.deny("invalid_request", "Unsupported subject_token_type.");
    return;
  }
  const broker = textOr(secrets.BROKER_CLIENT_ID);
  if (broker === undefined || client.client_id !== broker) {
    api.access.deny("unauthorized_client", "This application may not exchange delegation tokens.");
    return;
  }
  if (transaction.actor_token !== undefined && transaction.actor_token !== null && transaction.actor_token !== "") {
    api.access.deny("invalid_request", "This exchange takes no actor_token: the calling application is the actor.");
    return;
  }
  const audiences = textOr(secrets.DELEGATION_AUDIENCES);
  const requested = textOr(objectOr(event.resource_server).identifier);
  if (audiences !== undefined && !audiences.split(",").map((audience) => audience.trim()).includes(requested)) {
    api.access.deny("invalid_target", "Delegated tokens are issued only for the APIs set aside for delegation; request one of them as the audience.");
    return;
  }
  if (textOr(secrets.AUTH0_DOMAIN) === undefined || textOr(secrets.API_AUDIENCE) === undefined) {
    api.access.deny("server_error", "The token exchange is not configured.");
    return;
  }
  if (typeof api.authentication.setActor !== "function") {
    // Delegated authorization is an Early Access part of Custom Token Exchange; without it the
    // token would lack the `act` claim the backend requires, so no token is issued at all.
    log("api.authentication.setActor is not available on this tenant; enable delegated authorization");
    api.access.deny("server_error", "Delegation is not available right now.");
    return;
  }

  let claims;
  try {
    claims = await verifiedClaims(transaction.subject_token, secrets, api, deadline);
  } catch (error) {
    if (error instanceof InvalidSubjectToken) {
      api.access.rejectInvalidSubjectToken(error.message);
    } else {
      log(error.message);
      api.access.deny("server_error", "The subject token could not be verified right now.");
    }
    return;
  }
  api.authentication.setActor({ sub: `${client.client_id}@clients` });
  api.authentication.setUserById(claims.sub);
};

class InvalidSubjectToken extends Error {}

async function verifiedClaims(token, secrets, api, deadline) {
  const parts = typeof token === "string" ? token.split(".") : [];
  if (parts.length !== 3) throw new InvalidSubjectToken("The subject token is not a JWT.");
  const header = decodeJson(parts[0]);
  const claims = decodeJson(parts[1]);
  if (header.alg !== "RS256" || textOr(header.kid) === undefined) throw new InvalidSubjectToken("The subject token must be RS256 with a key id.");

  const key = await signingKey(header.kid, secrets, api, deadline);
  const signed = crypto.verify("RSA-SHA256", Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2], "base64url"));
  if (!signed) throw new InvalidSubjectToken("The subject token's signature is invalid.");

  const issuer = textOr(secrets.ISSUER) || `https://${secrets.AUTH0_DOMAIN}/`;
  const now = Math.floor(Date.now() / 1000);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== issuer) throw new InvalidSubjectToken("The subject token has another issuer.");
  if (!audiences.includes(secrets.API_AUDIENCE)) throw new InvalidSubjectToken("The subject token is for another audience.");
  if (typeof claims.exp !== "number" || claims.exp + CLOCK_SKEW_SECONDS <= now) throw new InvalidSubjectToken("The subject token has expired.");
  if (typeof claims.nbf === "number" && claims.nbf - CLOCK_SKEW_SECONDS > now) throw new InvalidSubjectToken("The subject token is not valid yet.");
  if (textOr(claims.sub) === undefined || claims.sub.endsWith("@clients")) throw new InvalidSubjectToken("The subject token does not identify a user.");
  // A token issued by this exchange names an actor and was issued to the broker; exchanging it
  // again would renew a delegation past its token's lifetime.
  if (claims.act !== undefined || claims.azp === secrets.BROKER_CLIENT_ID || claims.client_id === secrets.BROKER_CLIENT_ID) {
    throw new InvalidSubjectToken("The subject token is already delegated; exchange the user's own access token.");
  }
  return claims;
}

/** A base64url JSON segment that must decode to an object (a JWT header or payload). */
function decodeJson(segment) {
  let value;
  try {
    value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  } catch {
    throw new InvalidSubjectToken("The subject token is not a JWT.");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new InvalidSubjectToken("The subject token is not a JWT.");
  return value;
}

/**
 * The tenant's public key with this `kid`. The JWKS comes from api.cache, refetched when it is
 * older than 10 minutes, or when it lacks the kid and is older than a minute: within that minute
 * the cached set is the answer, so a stream of unknown key IDs costs one request a minute.
 */
async function signingKey(kid, secrets, api, deadline) {
  const cacheName = cacheKey("jwks", [secrets.AUTH0_DOMAIN]);
  let jwks = cachedJwks(cacheGet(api, cacheName));
  let jwk = jwks && jwks.keys.find((candidate) => candidate.kid === kid);
  if (!jwk && (!jwks || Date.now() - jwks.fetched_at >= JWKS_MISS_MS)) {
    jwks = { fetched_at: Date.now(), keys: await fetchJwks(secrets, deadline) };
    cacheSet(api, cacheName, fittedJwks(jwks), Date.now() + JWKS_CACHE_MS, "the JWKS");
    jwk = jwks.keys.find((candidate) => candidate.kid === kid);
  }
  if (!jwk) throw new InvalidSubjectToken("The subject token was not signed by this tenant.");
  try {
    return crypto.createPublicKey({ key: { kty: "RSA", n: jwk.n, e: jwk.e }, format: "jwk" });
  } catch {
    throw new Error(`the JWKS key ${jwk.kid.slice(0, 64)} is not a usable RSA key`);
  }
}

/** The tenant's RSA signing keys, reduced to what verification needs: { kid, n, e }. */
async function fetchJwks(secrets, deadline) {
  const answer = await fetchJson(`https://${secrets.AUTH0_DOMAIN}/.well-known/jwks.json`, {}, "the JWKS request", requestTimeout(secrets, deadline));
  if (!answer.ok) throw new Error(`the JWKS endpoint answered ${answer.status}`);
  const keys = objectOr(answer.body).keys;
  if (!Array.isArray(keys)) throw new Error("the JWKS endpoint returned no keys");
  return keys
    .map(objectOr)
    .filter((key) => key.kty === "RSA" && (key.use === undefined || key.use === "sig") && textOr(key.kid) && textOr(key.n) && textOr(key.e))
    .map((key) => ({ kid: key.kid, n: key.n, e: key.e }));
}

/** The JWKS as cached: as many keys as fit Auth0's 4 KB value limit (the first listed, the current ones, first). */
function fittedJwks(jwks) {
  const kept = { fetched_at: jwks.fetched_at, keys: [] };
  for (const key of jwks.keys) {
    const next = { fetched_at: jwks.fetched_at, keys: [...kept.keys, key] };
    if (Buffer.byteLength(JSON.stringify(next), "utf8") > CACHE_VALUE_BYTES) break;
    kept.keys = next.keys;
  }
  if (kept.keys.length < jwks.keys.length) log(`${jwks.keys.length - kept.keys.length} of ${jwks.keys.length} JWKS keys left out of the cache (4 KB limit)`);
  return JSON.stringify(kept);
}

/** A cached JWKS in the shape fittedJwks writes, or undefined for anything else. */
function cachedJwks(value) {
  const jwks = objectOr(value === undefined ? undefined : parseJson(value));
  if (typeof jwks.fetched_at !== "number" || !Array.isArray(jwks.keys)) return undefined;
  const keys = jwks.keys.map(objectOr).filter((key) => textOr(key.kid) && textOr(key.n) && textOr(key.e));
  return { fetched_at: jwks.fetched_at, keys };
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

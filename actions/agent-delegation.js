/**
 * alphaswarm-agent-delegation — custom-token-exchange trigger (v1), bound through the
 * `alphaswarm-agent-delegation` Custom Token Exchange Profile (RFC 8693).
 *
 * The agent broker exchanges a user's access token for the API (the subject token) for a
 * delegated token for that same user. This Action accepts only the profile's subject token type,
 * only from the broker application, and only a subject token that this tenant signed (RS256,
 * verified against the tenant's JWKS) for the API, unexpired, and issued to a user (not to a
 * machine-to-machine client). It then sets that user for the transaction.
 *
 * Secrets (set by auth0kit from the stack file):
 *   SUBJECT_TOKEN_TYPE  the profile's subject token type (filled in from the profile)
 *   AUTH0_DOMAIN        the tenant's domain: JWKS at https://<domain>/.well-known/jwks.json
 *   ISSUER              optional; the subject token's `iss`, defaults to https://<AUTH0_DOMAIN>/
 *   API_AUDIENCE        the `aud` the subject token must carry
 *   BROKER_CLIENT_ID    the only application allowed to exchange
 *   BACKEND_TIMEOUT_MS  optional, for the JWKS request; defaults to 5000
 */

const crypto = require("node:crypto");

const CLOCK_SKEW_SECONDS = 60;
const JWKS_CACHE_MS = 10 * 60 * 1000;
const DEFAULT_TIMEOUT_MS = 5000;

exports.onExecuteCustomTokenExchange = async (event, api) => {
  const secrets = event.secrets || {};
  const transaction = event.transaction || {};
  if (!secrets.SUBJECT_TOKEN_TYPE || transaction.subject_token_type !== secrets.SUBJECT_TOKEN_TYPE) {
    api.access.deny("invalid_request", "Unsupported subject_token_type.");
    return;
  }
  if (!secrets.BROKER_CLIENT_ID || !event.client || event.client.client_id !== secrets.BROKER_CLIENT_ID) {
    api.access.deny("unauthorized_client", "This application may not exchange delegation tokens.");
    return;
  }
  if (!secrets.AUTH0_DOMAIN || !secrets.API_AUDIENCE) {
    api.access.deny("server_error", "The token exchange is not configured.");
    return;
  }

  let claims;
  try {
    claims = await verifiedClaims(transaction.subject_token, secrets, api);
  } catch (error) {
    if (error instanceof InvalidSubjectToken) {
      api.access.rejectInvalidSubjectToken(error.message);
    } else {
      console.log(`alphaswarm-agent-delegation: ${error.message}`);
      api.access.deny("server_error", "The subject token could not be verified right now.");
    }
    return;
  }
  api.authentication.setUserById(claims.sub);
};

class InvalidSubjectToken extends Error {}

async function verifiedClaims(token, secrets, api) {
  const parts = typeof token === "string" ? token.split(".") : [];
  if (parts.length !== 3) throw new InvalidSubjectToken("The subject token is not a JWT.");
  const header = decodeJson(parts[0]);
  const claims = decodeJson(parts[1]);
  if (header.alg !== "RS256" || typeof header.kid !== "string") throw new InvalidSubjectToken("The subject token must be RS256 with a key id.");

  const key = await signingKey(header.kid, secrets, api);
  const signed = crypto.verify("RSA-SHA256", Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2], "base64url"));
  if (!signed) throw new InvalidSubjectToken("The subject token's signature is invalid.");

  const issuer = secrets.ISSUER || `https://${secrets.AUTH0_DOMAIN}/`;
  const now = Math.floor(Date.now() / 1000);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== issuer) throw new InvalidSubjectToken("The subject token has another issuer.");
  if (!audiences.includes(secrets.API_AUDIENCE)) throw new InvalidSubjectToken("The subject token is for another audience.");
  if (typeof claims.exp !== "number" || claims.exp + CLOCK_SKEW_SECONDS <= now) throw new InvalidSubjectToken("The subject token has expired.");
  if (typeof claims.nbf === "number" && claims.nbf - CLOCK_SKEW_SECONDS > now) throw new InvalidSubjectToken("The subject token is not valid yet.");
  if (typeof claims.sub !== "string" || claims.sub === "" || claims.sub.endsWith("@clients")) {
    throw new InvalidSubjectToken("The subject token does not identify a user.");
  }
  return claims;
}

function decodeJson(segment) {
  try {
    return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  } catch {
    throw new InvalidSubjectToken("The subject token is not a JWT.");
  }
}

/** The tenant's public key with this `kid`, from a JWKS cached in api.cache; refetched once for an unknown kid. */
async function signingKey(kid, secrets, api) {
  const cacheKey = `jwks:${secrets.AUTH0_DOMAIN}`;
  const cached = api.cache.get(cacheKey);
  let jwks = cached && cached.value && (cached.expires_at === undefined || cached.expires_at > Date.now()) ? JSON.parse(cached.value) : undefined;
  let jwk = jwks && jwks.keys.find((candidate) => candidate.kid === kid);
  if (!jwk) {
    jwks = await fetchJwks(secrets);
    api.cache.set(cacheKey, JSON.stringify(jwks), { expires_at: Date.now() + JWKS_CACHE_MS });
    jwk = jwks.keys.find((candidate) => candidate.kid === kid);
  }
  if (!jwk || jwk.kty !== "RSA") throw new InvalidSubjectToken("The subject token was not signed by this tenant.");
  return crypto.createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: "jwk" });
}

async function fetchJwks(secrets) {
  const timeoutMs = Number(secrets.BACKEND_TIMEOUT_MS) > 0 ? Number(secrets.BACKEND_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`https://${secrets.AUTH0_DOMAIN}/.well-known/jwks.json`, { signal: controller.signal });
    if (!response.ok) throw new Error(`the JWKS endpoint answered ${response.status}`);
    const jwks = await response.json();
    if (!jwks || !Array.isArray(jwks.keys)) throw new Error("the JWKS endpoint returned no keys");
    return jwks;
  } catch (error) {
    throw controller.signal.aborted ? new Error(`the JWKS request timed out after ${timeoutMs} ms`) : error;
  } finally {
    clearTimeout(timer);
  }
}

import * as crypto from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AUDIENCE, type FakeApi, fakeApi, FakeCache, fakeFetch, json, loadAction, TENANT, isolateEachTest } from "./fakes";

type TokenExchange = { onExecuteCustomTokenExchange(event: unknown, api: unknown): Promise<void> };
const { onExecuteCustomTokenExchange } = loadAction<TokenExchange>("agent-delegation.js");

const TOKEN_TYPE = "urn:alphaswarm:agent-delegation";
const BROKER = "agent-broker-client-id";
const tenantKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const otherKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const JWKS = { keys: [{ ...tenantKey.publicKey.export({ format: "jwk" }), kid: "k1", use: "sig", alg: "RS256" }] };

function sign(claims: Record<string, unknown>, { kid = "k1", alg = "RS256", key = tenantKey.privateKey } = {}): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode({ alg, typ: "JWT", kid })}.${encode(claims)}`;
  return `${input}.${crypto.sign("RSA-SHA256", Buffer.from(input), key).toString("base64url")}`;
}

const now = () => Math.floor(Date.now() / 1000);
const userToken = (overrides: Record<string, unknown> = {}) =>
  sign({ iss: `https://${TENANT}/`, sub: "auth0|64f0c0ffee", aud: [AUDIENCE, `https://${TENANT}/userinfo`], iat: now() - 60, exp: now() + 600, scope: "openid read:mcp:data", ...overrides });

function exchange(subjectToken: string, overrides: Record<string, unknown> = {}) {
  return {
    secrets: { SUBJECT_TOKEN_TYPE: TOKEN_TYPE, AUTH0_DOMAIN: TENANT, API_AUDIENCE: AUDIENCE, BROKER_CLIENT_ID: BROKER },
    client: { client_id: BROKER, name: "alphaswarm-agent-broker", metadata: {} },
    transaction: { subject_token_type: TOKEN_TYPE, subject_token: subjectToken, requested_scopes: ["read:mcp:data"] },
    request: { ip: "10.0.0.8", body: {} },
    ...overrides,
  };
}

let api: FakeApi;
let jwksCalls: () => number;
beforeEach(() => {
  api = fakeApi();
  const { calls } = fakeFetch({ [`https://${TENANT}/.well-known/jwks.json`]: () => json(JWKS) });
  jwksCalls = () => calls.length;
});
isolateEachTest();

describe("agent delegation token exchange", () => {
  it("sets the delegated user from a valid user access token for the API", async () => {
    await onExecuteCustomTokenExchange(exchange(userToken()), api);
    expect(api.authentication.setUserById).toHaveBeenCalledWith("auth0|64f0c0ffee");
    expect(api.access.deny).not.toHaveBeenCalled();
    expect(api.access.rejectInvalidSubjectToken).not.toHaveBeenCalled();
  });

  it("denies another subject token type with invalid_request", async () => {
    const event = exchange(userToken());
    event.transaction.subject_token_type = "urn:ietf:params:oauth:token-type:access_token";
    await onExecuteCustomTokenExchange(event, api);
    expect(api.access.deny).toHaveBeenCalledWith("invalid_request", "Unsupported subject_token_type.");
    expect(api.authentication.setUserById).not.toHaveBeenCalled();
  });

  it("denies any application but the agent broker", async () => {
    await onExecuteCustomTokenExchange(exchange(userToken(), { client: { client_id: "spa-client-id" } }), api);
    expect(api.access.deny).toHaveBeenCalledWith("unauthorized_client", "This application may not exchange delegation tokens.");
    expect(api.authentication.setUserById).not.toHaveBeenCalled();
  });

  it.each([
    ["is not a JWT", () => "opaque-token", "The subject token is not a JWT."],
    ["is signed with another key", () => sign({ iss: `https://${TENANT}/`, sub: "auth0|x", aud: AUDIENCE, exp: now() + 60 }, { key: otherKey.privateKey }), "The subject token's signature is invalid."],
    ["names an unknown key", () => sign({ sub: "auth0|x" }, { kid: "k9" }), "The subject token was not signed by this tenant."],
    ["uses HS256", () => sign({ sub: "auth0|x" }, { alg: "HS256" }), "The subject token must be RS256 with a key id."],
    ["has another issuer", () => userToken({ iss: "https://evil.example/" }), "The subject token has another issuer."],
    ["is for another audience", () => userToken({ aud: "https://other.example/" }), "The subject token is for another audience."],
    ["has expired", () => userToken({ exp: now() - 61 }), "The subject token has expired."],
    ["is not valid yet", () => userToken({ nbf: now() + 120 }), "The subject token is not valid yet."],
    ["belongs to a machine-to-machine client", () => userToken({ sub: "abc123@clients" }), "The subject token does not identify a user."],
  ])("rejects a subject token that %s as invalid", async (_label, token, reason) => {
    await onExecuteCustomTokenExchange(exchange(token()), api);
    expect(api.access.rejectInvalidSubjectToken).toHaveBeenCalledWith(reason);
    expect(api.authentication.setUserById).not.toHaveBeenCalled();
  });

  it("caches the tenant's JWKS across exchanges", async () => {
    const cache = new FakeCache();
    await onExecuteCustomTokenExchange(exchange(userToken()), fakeApi(cache));
    await onExecuteCustomTokenExchange(exchange(userToken()), fakeApi(cache));
    expect(jwksCalls()).toBe(1);
  });

  it("denies with server_error, not as an invalid token, when the JWKS cannot be fetched in time", async () => {
    vi.useFakeTimers();
    fakeFetch({ [`https://${TENANT}/.well-known/jwks.json`]: () => "hang" });
    const run = onExecuteCustomTokenExchange(exchange(userToken()), api);
    await vi.advanceTimersByTimeAsync(5000);
    await run;
    expect(api.access.deny).toHaveBeenCalledWith("server_error", "The subject token could not be verified right now.");
    expect(api.access.rejectInvalidSubjectToken).not.toHaveBeenCalled();
  });
});

import * as crypto from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AUDIENCE, type FakeApi, fakeApi, FakeCache, fakeFetch, json, loadAction, logLines, TENANT, isolateEachTest, virtualClock } from "./fakes";

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
    expect(api.authentication.setActor).toHaveBeenCalledWith({ sub: `${BROKER}@clients` });
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

  describe("with DELEGATION_AUDIENCES (the profile's short-lived APIs)", () => {
    const MCP_DATA = "https://api.example.com/mcp/data";
    const MCP_CODEBASE = "https://api.example.com/mcp/codebase";
    const limited = (audience: unknown) => {
      const event = exchange(userToken(), { resource_server: audience === undefined ? undefined : { identifier: audience } });
      return { ...event, secrets: { ...event.secrets, DELEGATION_AUDIENCES: `${MCP_CODEBASE},${MCP_DATA}` } };
    };
    const REFUSED = ["invalid_target", "Delegated tokens are issued only for the APIs set aside for delegation; request one of them as the audience."];

    it.each([MCP_DATA, MCP_CODEBASE])("issues a delegated token for %s, one of them", async (audience) => {
      await onExecuteCustomTokenExchange(limited(audience), api);
      expect(api.access.deny).not.toHaveBeenCalled();
      expect(api.authentication.setUserById).toHaveBeenCalledWith("auth0|64f0c0ffee");
    });

    it.each([
      ["the subject token's long-lived API", AUDIENCE],
      ["no audience at all", undefined],
      ["a malformed resource server", 42],
    ])("refuses %s with invalid_target, before reading the subject token", async (_label, audience) => {
      await onExecuteCustomTokenExchange(limited(audience), api);
      expect(api.access.deny.mock.calls).toEqual([REFUSED]);
      expect(api.authentication.setUserById).not.toHaveBeenCalled();
      expect(jwksCalls()).toBe(0);
    });

    it("still refuses another application first", async () => {
      await onExecuteCustomTokenExchange({ ...limited(AUDIENCE), client: { client_id: "spa-client-id" } }, api);
      expect(api.access.deny).toHaveBeenCalledWith("unauthorized_client", "This application may not exchange delegation tokens.");
    });
  });

  it("issues for any audience when DELEGATION_AUDIENCES is unset", async () => {
    await onExecuteCustomTokenExchange(exchange(userToken(), { resource_server: { identifier: "https://anything.example/" } }), api);
    expect(api.access.deny).not.toHaveBeenCalled();
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

  it.each(["hang", "hang-body"] as const)("denies with server_error, not as an invalid token, when the JWKS request does not finish within the 4 s budget (%s)", async (stall) => {
    const clock = virtualClock();
    fakeFetch({ [`https://${TENANT}/.well-known/jwks.json`]: () => stall });
    const took = await clock.settle(onExecuteCustomTokenExchange(exchange(userToken()), api));
    expect(took).toBe(4000);
    expect(api.access.deny).toHaveBeenCalledWith("server_error", "The subject token could not be verified right now.");
    expect(api.access.rejectInvalidSubjectToken).not.toHaveBeenCalled();
    expect(logLines()).toEqual(["alphaswarm-agent-delegation: the JWKS request timed out after 4000 ms"]);
  });
});

const segment = (value: string) => Buffer.from(value).toString("base64url");

describe("agent delegation: subject tokens that are not JSON objects", () => {
  it.each([
    ["a header that is JSON null", `${segment("null")}.${segment("{}")}.sig`],
    ["a header that is a JSON array", `${segment("[]")}.${segment("{}")}.sig`],
    ["a header that is a JSON number", `${segment("5")}.${segment("{}")}.sig`],
    ["claims that are JSON null", `${segment('{"alg":"RS256","kid":"k1"}')}.${segment("null")}.sig`],
  ])("rejects a subject token with %s as invalid, which Attack Protection counts", async (_label, token) => {
    await onExecuteCustomTokenExchange(exchange(token), api);
    expect(api.access.rejectInvalidSubjectToken).toHaveBeenCalledWith("The subject token is not a JWT.");
    expect(api.access.deny).not.toHaveBeenCalled();
  });
});

describe("agent delegation: the JWKS cache", () => {
  it("remembers an unknown key ID for a minute instead of fetching the JWKS on every exchange", async () => {
    const clock = virtualClock();
    const cache = new FakeCache();
    const unknown = () => sign({ sub: "auth0|x" }, { kid: "k9" });
    await onExecuteCustomTokenExchange(exchange(unknown()), fakeApi(cache));
    await onExecuteCustomTokenExchange(exchange(unknown()), fakeApi(cache));
    await clock.advance(59_000);
    const third = fakeApi(cache);
    await onExecuteCustomTokenExchange(exchange(unknown()), third);
    expect(third.access.rejectInvalidSubjectToken).toHaveBeenCalledWith("The subject token was not signed by this tenant.");
    expect(jwksCalls()).toBe(1);
    await clock.advance(1_000);
    await onExecuteCustomTokenExchange(exchange(unknown()), fakeApi(cache));
    expect(jwksCalls()).toBe(2);
  });

  it("still finds a key that appears after a rotation once the minute has passed", async () => {
    const clock = virtualClock();
    const cache = new FakeCache();
    const rotated = { keys: [...JWKS.keys, { ...otherKey.publicKey.export({ format: "jwk" }), kid: "k2", use: "sig", alg: "RS256" }] };
    let answer: unknown = JWKS;
    fakeFetch({ [`https://${TENANT}/.well-known/jwks.json`]: () => json(answer) });
    const byNewKey = () => sign({ iss: `https://${TENANT}/`, sub: "auth0|x", aud: AUDIENCE, exp: now() + 600 }, { kid: "k2", key: otherKey.privateKey });
    await onExecuteCustomTokenExchange(exchange(userToken()), fakeApi(cache));
    answer = rotated;
    await clock.advance(60_000);
    const apiAfter = fakeApi(cache);
    await onExecuteCustomTokenExchange(exchange(byNewKey()), apiAfter);
    expect(apiAfter.authentication.setUserById).toHaveBeenCalledWith("auth0|x");
  });

  it("caches a JWKS that carries certificate chains as only kid, n and e, under 4 KB, and reuses it", async () => {
    const cache = new FakeCache();
    const x5c = [Buffer.alloc(1100, 7).toString("base64")];
    const bulky = { keys: ["k0", "k1", "k2"].map((kid) => ({ ...tenantKey.publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256", x5c, x5t: "t".repeat(27) })) };
    expect(Buffer.byteLength(JSON.stringify(bulky))).toBeGreaterThan(4096);
    fakeFetch({ [`https://${TENANT}/.well-known/jwks.json`]: () => json(bulky) });
    await onExecuteCustomTokenExchange(exchange(userToken()), fakeApi(cache));
    const second = fakeApi(cache);
    await onExecuteCustomTokenExchange(exchange(userToken()), second);
    expect(second.authentication.setUserById).toHaveBeenCalledWith("auth0|64f0c0ffee");
    expect(vi.mocked(fetch).mock.calls).toHaveLength(1);
    const [key, entry] = [...cache.entries][0]!;
    expect(Buffer.byteLength(key)).toBe(48);
    expect(Buffer.byteLength(entry.value)).toBeLessThanOrEqual(4096);
    expect(Object.keys(JSON.parse(entry.value).keys[0])).toEqual(["kid", "n", "e"]);
  });
});

describe("agent delegation: the actor and re-delegation", () => {
  it("refuses a subject token that names an actor: a delegated token is not exchanged again", async () => {
    await onExecuteCustomTokenExchange(exchange(userToken({ act: { sub: `${BROKER}@clients` } })), api);
    expect(api.access.rejectInvalidSubjectToken).toHaveBeenCalledWith("The subject token is already delegated; exchange the user's own access token.");
    expect(api.authentication.setUserById).not.toHaveBeenCalled();
  });

  it.each(["azp", "client_id"])("refuses a subject token whose %s is the broker: it came out of this exchange", async (claim) => {
    await onExecuteCustomTokenExchange(exchange(userToken({ [claim]: BROKER })), api);
    expect(api.access.rejectInvalidSubjectToken).toHaveBeenCalledWith("The subject token is already delegated; exchange the user's own access token.");
  });

  it("accepts the user's own token from the SPA (azp is the SPA)", async () => {
    await onExecuteCustomTokenExchange(exchange(userToken({ azp: "spa-client-id" })), api);
    expect(api.authentication.setUserById).toHaveBeenCalledWith("auth0|64f0c0ffee");
  });

  it("denies a request that brings an actor_token: the authenticated broker is the actor", async () => {
    const event = exchange(userToken());
    Object.assign(event.transaction, { actor_token: "eyJ.agent.token", actor_token_type: "urn:alphaswarm:agent" });
    await onExecuteCustomTokenExchange(event, api);
    expect(api.access.deny).toHaveBeenCalledWith("invalid_request", "This exchange takes no actor_token: the calling application is the actor.");
    expect(api.authentication.setUserById).not.toHaveBeenCalled();
  });

  it("issues nothing where the tenant lacks setActor (delegated authorization not enabled), and says why", async () => {
    const withoutActor = { ...api, authentication: { setUserById: api.authentication.setUserById } };
    await onExecuteCustomTokenExchange(exchange(userToken()), withoutActor);
    expect(api.access.deny).toHaveBeenCalledWith("server_error", "Delegation is not available right now.");
    expect(api.authentication.setUserById).not.toHaveBeenCalled();
    expect(logLines()).toEqual(["alphaswarm-agent-delegation: api.authentication.setActor is not available on this tenant; enable delegated authorization"]);
  });
});

describe("agent delegation with malformed event fields", () => {
  it.each([
    ["no transaction", { transaction: null }, "invalid_request", "Unsupported subject_token_type."],
    ["a client that is a string", { client: BROKER }, "unauthorized_client", "This application may not exchange delegation tokens."],
    ["secrets that are not an object", { secrets: "SUBJECT_TOKEN_TYPE" }, "invalid_request", "Unsupported subject_token_type."],
  ])("denies an exchange with %s", async (_label, overrides, code, reason) => {
    await onExecuteCustomTokenExchange(exchange(userToken(), overrides), api);
    expect(api.access.deny).toHaveBeenCalledWith(code, reason);
  });

  it.each([undefined, 42, { token: "x" }])("rejects a subject_token %j as not a JWT", async (token) => {
    await onExecuteCustomTokenExchange(exchange(token as never), api);
    expect(api.access.rejectInvalidSubjectToken).toHaveBeenCalledWith("The subject token is not a JWT.");
  });
});

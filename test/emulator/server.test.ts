import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator/server";
import { request, token } from "./https";

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

async function start(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-test-"));
  const emulator = await startEmulator({ port: 0, dir, ...options });
  running.push(emulator);
  return emulator;
}

describe("the emulator over HTTPS", () => {
  it("listens on 127.0.0.1 only, with a certificate its CA file makes trusted", async () => {
    const e = await start();
    expect(e.domain).toBe(`127.0.0.1:${e.port}`);
    expect(fs.readFileSync(e.caFile, "utf8")).toContain("BEGIN CERTIFICATE");
    const answer = await request(e.caFile, e.port, "GET", "/api/v2/clients");
    expect(answer.status).toBe(401);
  });

  it("issues a bearer token for its client credentials, and refuses others with 401", async () => {
    const e = await start();
    const good = new URLSearchParams({ grant_type: "client_credentials", client_id: e.clientId, client_secret: e.clientSecret }).toString();
    const ok = await request(e.caFile, e.port, "POST", "/oauth/token", { body: good, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ token_type: "Bearer", expires_in: 86400 });
    const bad = new URLSearchParams({ grant_type: "client_credentials", client_id: e.clientId, client_secret: "wrong" }).toString();
    const refused = await request(e.caFile, e.port, "POST", "/oauth/token", { body: bad, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toEqual({ error: "access_denied", error_description: "Unauthorized" });
  });

  it("requires the token on /api/v2 and answers Auth0's error body without it", async () => {
    const e = await start();
    const missing = await request(e.caFile, e.port, "GET", "/api/v2/clients");
    expect(JSON.parse(missing.body)).toEqual({ statusCode: 401, error: "Unauthorized", message: "Missing authentication" });
    const wrong = await request(e.caFile, e.port, "GET", "/api/v2/clients", { headers: { authorization: "Bearer not-a-token" } });
    expect(JSON.parse(wrong.body)).toEqual({ statusCode: 401, error: "Unauthorized", message: "Invalid token" });
    const bearer = await token(e.caFile, e.port, e.clientId, e.clientSecret);
    const listed = await request(e.caFile, e.port, "GET", "/api/v2/clients", { headers: { authorization: `Bearer ${bearer}` } });
    expect(listed.status).toBe(200);
  });

  it("answers 501 naming the method and path of an endpoint it does not implement", async () => {
    const e = await start();
    const bearer = await token(e.caFile, e.port, e.clientId, e.clientSecret);
    const answer = await request(e.caFile, e.port, "GET", "/api/v2/users?q=x", { headers: { authorization: `Bearer ${bearer}` } });
    expect(answer.status).toBe(501);
    expect(JSON.parse(answer.body)).toEqual({ statusCode: 501, error: "Not Implemented", message: "The emulator does not implement GET /api/v2/users", errorCode: "not_implemented" });
  });

  it("refuses a body over the limit with 413", async () => {
    const e = await start({ maxBodyBytes: 100 });
    const bearer = await token(e.caFile, e.port, e.clientId, e.clientSecret);
    const answer = await request(e.caFile, e.port, "POST", "/api/v2/roles", { body: JSON.stringify({ name: "x".repeat(200) }), headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" } });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ statusCode: 413, error: "Payload Too Large", message: "Payload content length greater than maximum allowed: 100" });
  });

  it("logs method, path, status and duration as JSON lines, never a secret, token or query", async () => {
    const e = await start();
    const bearer = await token(e.caFile, e.port, e.clientId, e.clientSecret);
    const headers = { authorization: `Bearer ${bearer}`, "content-type": "application/json" };
    const created = await request(e.caFile, e.port, "POST", "/api/v2/clients", { body: JSON.stringify({ name: "app", app_type: "non_interactive" }), headers });
    const secret = (JSON.parse(created.body) as { client_secret: string }).client_secret;
    await request(e.caFile, e.port, "GET", "/api/v2/clients?fields=client_id", { headers });
    await e.stop();
    const log = fs.readFileSync(e.logFile, "utf8");
    const entries = log.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.map((x) => [x.method, x.path, x.status])).toEqual([
      ["POST", "/oauth/token", 200],
      ["POST", "/api/v2/clients", 201],
      ["GET", "/api/v2/clients", 200],
    ]);
    expect(entries.every((x) => typeof x.durationMs === "number")).toBe(true);
    for (const hidden of [e.clientSecret, bearer, secret, "fields=client_id"]) expect(log).not.toContain(hidden);
  });

  it("saves its state to --state on stop (mode 0600) and starts from it again", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-state-"));
    const stateFile = path.join(dir, "tenant.json");
    const first = await start({ stateFile });
    const bearer = await token(first.caFile, first.port, first.clientId, first.clientSecret);
    const created = await request(first.caFile, first.port, "POST", "/api/v2/roles", { body: JSON.stringify({ name: "admin" }), headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" } });
    const id = (JSON.parse(created.body) as { id: string }).id;
    await first.stop();
    expect(fs.statSync(stateFile).mode & 0o777).toBe(0o600);
    const second = await start({ stateFile });
    const again = await token(second.caFile, second.port, second.clientId, second.clientSecret);
    const read = await request(second.caFile, second.port, "GET", `/api/v2/roles/${id}`, { headers: { authorization: `Bearer ${again}` } });
    expect(JSON.parse(read.body)).toEqual({ id, name: "admin", description: null });
  });

  it("injects 503s and dropped connections on demand", async () => {
    const error = await start({ faults: { latencyMs: 0, errorShare: 1, dropShare: 0 } });
    const bearer = await token(error.caFile, error.port, error.clientId, error.clientSecret);
    const answer = await request(error.caFile, error.port, "GET", "/api/v2/roles", { headers: { authorization: `Bearer ${bearer}` } });
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({ statusCode: 503, error: "Service Unavailable", message: "The emulator injected this fault (--faults 5xx)", errorCode: "service_unavailable" });
    const drop = await start({ faults: { latencyMs: 0, errorShare: 0, dropShare: 1 } });
    await expect(request(drop.caFile, drop.port, "GET", "/api/v2/roles")).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});

/**
 * `npm run adopt` as a command: it only reads the tenant, never prints or writes a secret, refuses
 * to overwrite without --force, writes its files atomically with mode 0600, and fails with one
 * clear line per problem.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ManagementReader, readOnly, type HttpRequest } from "../../adopt/client";
import { runPlan } from "../../plan/run";
import { CLIENT, ROOT, runAdopt, scratchProject, tenantApp } from "./harness";
import { emulatorCall, seedFromPlan } from "./seed";

const USAGE = "usage: npm run adopt -- --stack <name> [--domain <tenant domain>] [--environment dev|stage|prod] [--force]";
const DOMAIN = "alphaswarm-prod.us.auth0.com";

async function seededProdTenant() {
  const app = tenantApp(DOMAIN);
  const call = emulatorCall(app);
  seedFromPlan((await runPlan({ projectDir: ROOT, stack: "prod" })).resources, call);
  return { app, call };
}

/** The read scope the Management API asks for on a path (the first pattern that matches). */
function scopeFor(pathname: string): string {
  const scopes: [RegExp, string][] = [
    [/^\/tenants\/settings$/, "read:tenant_settings"],
    [/^\/resource-servers/, "read:resource_servers"],
    [/^\/clients/, "read:clients"],
    [/^\/client-grants/, "read:client_grants"],
    [/^\/connections/, "read:connections"],
    [/^\/organizations\/[^/]+\/connections/, "read:organization_connections"],
    [/^\/organizations/, "read:organizations"],
    [/^\/actions\//, "read:actions"],
    [/^\/token-exchange-profiles/, "read:token_exchange_profiles"],
    [/^\/log-streams/, "read:log_streams"],
    [/^\/guardian\/policies/, "read:mfa_policies"],
    [/^\/guardian\/factors/, "read:guardian_factors"],
    [/^\/branding\/phone\/providers/, "read:phone_providers"],
    [/^\/branding/, "read:branding"],
    [/^\/attack-protection\//, "read:attack_protection"],
    [/^\/custom-domains/, "read:custom_domains"],
    [/^\/roles/, "read:roles"],
    [/^\/emails\/provider$/, "read:email_provider"],
    [/^\/email-templates\//, "read:email_templates"],
    [/^\/prompts/, "read:prompts"],
  ];
  return scopes.find(([pattern]) => pattern.test(pathname))?.[1] ?? `no scope known for ${pathname}`;
}

function written(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
}

describe("adopt reads and never writes the tenant", () => {
  it("refuses every request but GET /api/v2/… and the token POST, before it leaves the process", async () => {
    const sent: HttpRequest[] = [];
    const guarded = readOnly(async (request) => (sent.push(request), { status: 200, headers: {}, body: "{}" }));
    for (const [method, url] of [["PATCH", "https://t.example.com/api/v2/clients/abc"], ["POST", "https://t.example.com/api/v2/clients"], ["DELETE", "https://t.example.com/api/v2/connections/con_1"], ["GET", "https://t.example.com/oauth/token"]] as const) {
      await expect(guarded({ method, url, headers: {} })).rejects.toThrow(`refused ${method} ${new URL(url).pathname}: the adopter only reads the tenant (GET /api/v2/…)`);
    }
    await guarded({ method: "POST", url: "https://t.example.com/oauth/token", headers: {} });
    await guarded({ method: "GET", url: "https://t.example.com/api/v2/clients", headers: {} });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(["POST https://t.example.com/oauth/token", "GET https://t.example.com/api/v2/clients"]);
  });

  it("sends only GETs (after one token request) under the README's read scopes, leaves the tenant as it was, and writes the same files each time", async () => {
    const { app } = await seededProdTenant();
    const seen: { method: string; url: string }[] = [];
    const first = scratchProject();
    expect((await runAdopt(["--stack", "prod"], { app, dir: first, seen, env: { AUTH0_DOMAIN: DOMAIN, AUTH0_CLIENT_ID: CLIENT.id, AUTH0_CLIENT_SECRET: CLIENT.secret } })).code).toBe(0);
    const before = JSON.stringify(app.store.snapshot());
    const second = scratchProject();
    expect((await runAdopt(["--stack", "prod", "--domain", DOMAIN], { app, dir: second })).code).toBe(0);
    expect(JSON.stringify(app.store.snapshot())).toBe(before);
    expect(written(second)).toEqual(written(first));
    expect(seen[0]).toEqual({ method: "POST", url: `https://${DOMAIN}/oauth/token` });
    expect(seen.slice(1).every((r) => r.method === "GET" && new URL(r.url).pathname.startsWith("/api/v2/"))).toBe(true);
    expect(seen.length).toBeGreaterThan(20);
    // Every path read needs a scope the README asks for (the Management API's scope per endpoint).
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const listed = /with \*\*read scopes\s+only\*\*:\s+```\n([^`]+)```/.exec(readme)![1]!.split(/\s+/).filter(Boolean);
    const needed = new Set(seen.slice(1).map((r) => scopeFor(new URL(r.url).pathname.slice("/api/v2".length))));
    expect([...needed].filter((scope) => !listed.includes(scope))).toEqual([]);
    expect(listed.filter((scope) => !needed.has(scope))).toEqual([]);
  });

  it("retries a 429 and names the missing scope on a 403", async () => {
    const answers = [
      { status: 200, headers: {}, body: JSON.stringify({ access_token: "t" }) },
      { status: 429, headers: {}, body: "{}" },
      { status: 200, headers: {}, body: "[]" },
      { status: 403, headers: {}, body: JSON.stringify({ statusCode: 403, error: "Forbidden", message: "Insufficient scope, expected any of: read:roles", errorCode: "insufficient_scope" }) },
    ];
    const waits: number[] = [];
    const reader = new ManagementReader({ domain: "t.example.com", clientId: "id", clientSecret: "s" }, async () => answers.shift()!, async (ms) => void waits.push(ms));
    expect(await reader.get("/log-streams")).toEqual([]);
    expect(waits).toHaveLength(1);
    await expect(reader.get("/roles")).rejects.toThrow(
      "GET /api/v2/roles: 403 insufficient_scope: Insufficient scope, expected any of: read:roles; grant the adopting client the read scopes listed in the README (npm run adopt)",
    );
  });
  it("reads a feature the tenant's plan lacks as absent, but never a missing scope", async () => {
    const forbidden = (errorCode: string) => ({ status: 403, headers: {}, body: JSON.stringify({ statusCode: 403, message: "no", errorCode }) });
    const answers = [{ status: 200, headers: {}, body: JSON.stringify({ access_token: "t" }) }, forbidden("operation_not_supported"), { status: 404, headers: {}, body: "{}" }, forbidden("insufficient_scope")];
    const reader = new ManagementReader({ domain: "t.example.com", clientId: "id", clientSecret: "s" }, async () => answers.shift()!);
    expect(await reader.get("/custom-domains", {}, true)).toBeUndefined();
    expect(await reader.get("/token-exchange-profiles", {}, true)).toBeUndefined();
    await expect(reader.get("/custom-domains", {}, true)).rejects.toThrow("GET /api/v2/custom-domains: 403 insufficient_scope: no; grant the adopting client the read scopes listed in the README (npm run adopt)");
  });
});

describe("adopt never prints or writes a secret", () => {
  it("keeps client, connection, Duo, Twilio and email provider secrets and its own credentials out of every output", async () => {
    const { app, call } = await seededProdTenant();
    const clientSecrets = (call("GET", "/clients") as { client_secret?: string }[]).flatMap((c) => (c.client_secret ? [c.client_secret] : []));
    expect(clientSecrets.length).toBeGreaterThan(3);
    const dir = scratchProject();
    const ran = await runAdopt(["--stack", "prod", "--domain", DOMAIN], { app, dir });
    expect(ran.code).toBe(0);
    const outputs = [ran.stdout, ran.stderr, ...Object.values(written(dir))].join("\n");
    for (const secret of [...clientSecrets, CLIENT.secret, "seeded-clientSecret", "seeded-authToken", "seeded-httpAuthorization", "seeded-apiKey"]) {
      expect(outputs).not.toContain(secret);
    }
    expect(ran.stdout).toContain("pulumi config set --secret auth0kit:sendgridApiKey <value> --stack prod   # the SendGrid API key (auth0kit:email.provider.sendgrid.apiKey)");
    expect(ran.stdout).toContain("pulumi config set --secret auth0kit:githubClientSecret <value> --stack prod   # the github OAuth app's client secret (its developer console) (auth0kit:connections.github.clientSecret)");
  });
});

describe("adopt's files", () => {
  let app: ReturnType<typeof tenantApp>;
  beforeAll(async () => {
    app = (await seededProdTenant()).app;
  });

  it("writes them with mode 0600 and leaves no temporary file", async () => {
    const dir = scratchProject();
    expect((await runAdopt(["--stack", "prod", "--domain", DOMAIN], { app, dir })).code).toBe(0);
    for (const file of ["Pulumi.prod.yaml", "import.prod.json", "adopt.prod.md"]) expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses to overwrite them without --force, naming each, and overwrites with it", async () => {
    const dir = scratchProject();
    expect((await runAdopt(["--stack", "prod", "--domain", DOMAIN], { app, dir })).code).toBe(0);
    fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), "# mine\n");
    const before = written(dir);
    const refused = await runAdopt(["--stack", "prod", "--domain", DOMAIN], { app, dir });
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: `Pulumi.prod.yaml: exists; pass --force to overwrite it\nimport.prod.json: exists; pass --force to overwrite it\nadopt.prod.md: exists; pass --force to overwrite it\n${USAGE}\n`,
    });
    expect(written(dir)).toEqual(before);
    expect((await runAdopt(["--stack", "prod", "--domain", DOMAIN, "--force"], { app, dir })).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "Pulumi.prod.yaml"), "utf8")).toContain("auth0kit:environment: prod");
  });

  it("refuses to overwrite a different file where an Action's code would go", async () => {
    const other = scratchProject();
    fs.rmSync(path.join(other, "actions", "post-login.js"));
    fs.writeFileSync(path.join(other, "actions", "alphaswarm-post-login.js"), "// someone else's\n");
    const refused = await runAdopt(["--stack", "prod", "--domain", DOMAIN], { app, dir: other });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`actions/alphaswarm-post-login.js: exists; pass --force to overwrite it\n${USAGE}\n`);
    expect(fs.existsSync(path.join(other, "Pulumi.prod.yaml"))).toBe(false);
  });

  it("refuses to overwrite a different file where an email template's body would go", async () => {
    const other = scratchProject();
    fs.rmSync(path.join(other, "emails", "alphaswarm", "verify-email.liquid"));
    fs.mkdirSync(path.join(other, "emails", "alphaswarm-prod"));
    fs.writeFileSync(path.join(other, "emails", "alphaswarm-prod", "verify-email.liquid"), "<p>someone else's</p>\n");
    const refused = await runAdopt(["--stack", "prod", "--domain", DOMAIN], { app, dir: other });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`emails/alphaswarm-prod/verify-email.liquid: exists; pass --force to overwrite it\n${USAGE}\n`);
    expect(fs.existsSync(path.join(other, "Pulumi.prod.yaml"))).toBe(false);
  });

  it("writes nothing when the adopted stack cannot be valid (a prod stack on the emulator's loopback address)", async () => {
    const loopback = tenantApp("127.0.0.1:4443");
    const dir = scratchProject();
    const ran = await runAdopt(["--stack", "prod", "--domain", "127.0.0.1:4443"], { app: loopback, dir });
    expect(ran).toEqual({ code: 2, stdout: "", stderr: 'auth0:domain: "127.0.0.1:4443" is a local emulator\'s address; a prod stack deploys to its Auth0 tenant, e.g. alphaswarm.us.auth0.com\n' });
    expect(fs.readdirSync(dir)).toEqual(["actions", "emails"]);
  });
});

describe("adopt's bad input", () => {
  const cases: [string, string[], Record<string, string>, string][] = [
    ["no stack", [], {}, "--stack: required; name the stack to write, e.g. --stack prod"],
    ["an unknown option", ["--stack", "dev", "--tenant", "x"], {}, "Unknown option '--tenant'"],
    ["a stack name that is no environment", ["--stack", "acme"], {}, "--environment: required for stack acme; use dev, stage or prod"],
    ["a local stack", ["--stack", "local", "--environment", "local"], {}, "--environment: a local stack provisions no tenant, so there is nothing to adopt; use dev, stage or prod"],
    ["no domain", ["--stack", "dev"], { AUTH0_CLIENT_ID: "id", AUTH0_CLIENT_SECRET: "s" }, "--domain: required; pass the tenant's domain (e.g. --domain acme.us.auth0.com) or export AUTH0_DOMAIN"],
    ["a URL for a domain", ["--stack", "dev", "--domain", "https://acme.us.auth0.com/"], {}, '--domain: "https://acme.us.auth0.com/" is not a domain; write the host only, e.g. acme.us.auth0.com'],
    ["no client ID", ["--stack", "dev", "--domain", "acme.us.auth0.com"], {}, "AUTH0_CLIENT_ID: required; export the client ID of an application authorized for the Management API with the read scopes in the README"],
    ["no client secret", ["--stack", "dev", "--domain", "acme.us.auth0.com"], { AUTH0_CLIENT_ID: "id" }, "AUTH0_CLIENT_SECRET: required; export that application's client secret (a stack file's secure value cannot be decrypted without the Pulumi CLI)"],
  ];
  it.each(cases)("%s: exit 2 with one line and the usage, nothing written", async (_, args, env, message) => {
    const dir = scratchProject();
    const ran = await runAdopt(args, { app: tenantApp("acme.us.auth0.com"), dir, env });
    expect(ran).toEqual({ code: 2, stdout: "", stderr: `${message}\n${USAGE}\n` });
    expect(fs.readdirSync(dir)).toEqual(["actions", "emails"]);
  });

  it("a wrong client secret: exit 1, saying what to check", async () => {
    const dir = scratchProject();
    const ran = await runAdopt(["--stack", "dev", "--domain", "acme.us.auth0.com"], { app: tenantApp("acme.us.auth0.com"), dir, env: { AUTH0_CLIENT_ID: CLIENT.id, AUTH0_CLIENT_SECRET: "wrong" } });
    expect(ran).toEqual({
      code: 1,
      stdout: "",
      stderr: "adopt: POST /oauth/token: 401 access_denied: Unauthorized; check AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, and that the client is authorized for the Management API\n",
    });
  });
});

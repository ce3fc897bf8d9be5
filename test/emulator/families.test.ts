/** Auth0 behaviours the provider depends on, checked directly (the conformance replay covers the rest). */
import { describe, expect, it } from "vitest";
import { appClient } from "./appClient";

const POST_LOGIN = [{ id: "post-login", version: "v3" }];

describe("Actions", () => {
  it("build after a write (pending, then built), deploy only when built, and bind only once deployed", () => {
    const { call } = appClient();
    const created = call("POST", "/api/v2/actions/actions", { name: "a", supported_triggers: POST_LOGIN, code: "exports.onExecutePostLogin = async () => {};" });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("pending");
    const id = created.body.id as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const bind = () => call("PATCH", "/api/v2/actions/triggers/post-login/bindings", { bindings: [{ ref: { type: "action_id", value: id }, display_name: "a" }] });
    expect(bind().body).toEqual({ statusCode: 400, error: "Bad Request", message: "Action a has no deployed version; deploy it before binding it", errorCode: "action_not_deployed" });
    expect(call("GET", `/api/v2/actions/actions/${id}`).body.status).toBe("built");
    const deployed = call("POST", `/api/v2/actions/actions/${id}/deploy`);
    expect(deployed.body).toMatchObject({ number: 1, deployed: false, status: "built" });
    expect(bind().status).toBe(200);
    const listed = call("GET", "/api/v2/actions/triggers/post-login/bindings?page=0&per_page=100");
    expect(listed.body.bindings.map((b: { action: { id: string } }) => b.action.id)).toEqual([id]);
  });

  it("refuses to delete a bound Action with a 409", () => {
    const { call } = appClient();
    const id = call("POST", "/api/v2/actions/actions", { name: "a", supported_triggers: POST_LOGIN }).body.id as string;
    call("GET", `/api/v2/actions/actions/${id}`);
    call("POST", `/api/v2/actions/actions/${id}/deploy`);
    call("PATCH", "/api/v2/actions/triggers/post-login/bindings", { bindings: [{ ref: { type: "action_id", value: id } }] });
    const refused = call("DELETE", `/api/v2/actions/actions/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ statusCode: 409, error: "Conflict", message: "The action is bound to post-login; remove its bindings first (or delete with ?force=true)", errorCode: "action_bound" });
    call("PATCH", "/api/v2/actions/triggers/post-login/bindings", { bindings: [] });
    expect(call("DELETE", `/api/v2/actions/actions/${id}`).status).toBe(204);
  });

  it("never reads secret values back", () => {
    const { call } = appClient();
    const created = call("POST", "/api/v2/actions/actions", { name: "a", supported_triggers: POST_LOGIN, secrets: [{ name: "KEY", value: "s3cr3t" }] });
    expect(JSON.stringify(call("GET", `/api/v2/actions/actions/${created.body.id}`).body)).not.toContain("s3cr3t");
  });
});

describe("clients", () => {
  it("get a server-made 32-character client ID and a secret, and Auth0's defaults for their type", () => {
    const { call } = appClient();
    const spa = call("POST", "/api/v2/clients", { name: "spa", app_type: "spa", token_endpoint_auth_method: "none" }).body;
    expect(spa.client_id).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(typeof spa.client_secret).toBe("string");
    expect(spa.grant_types).toEqual(["authorization_code", "implicit", "refresh_token"]);
    const m2m = call("POST", "/api/v2/clients", { name: "m2m", app_type: "non_interactive", token_endpoint_auth_method: "client_secret_post" }).body;
    expect(m2m.grant_types).toEqual(["authorization_code", "implicit", "refresh_token", "client_credentials"]);
    expect(m2m.refresh_token.token_lifetime).toBe(31557600);
  });

  it("answer Auth0's 404 body for an unknown ID", () => {
    const { call } = appClient();
    expect(call("GET", "/api/v2/clients/nope").body).toEqual({ statusCode: 404, error: "Not Found", message: "The client does not exist", errorCode: "inexistent_client" });
  });

  it("merge client_metadata on PATCH, a null removing a key", () => {
    const { call } = appClient();
    const id = call("POST", "/api/v2/clients", { name: "c", client_metadata: { a: "1", b: "2" } }).body.client_id as string;
    expect(call("PATCH", `/api/v2/clients/${id}`, { client_metadata: { a: null, c: "3" } }).body.client_metadata).toEqual({ b: "2", c: "3" });
  });
});

describe("resource servers and grants", () => {
  it("have the tenant's Management API from the start, and refuse a duplicate identifier with 409", () => {
    const { call } = appClient();
    const mgmt = call("GET", `/api/v2/resource-servers/${encodeURIComponent("https://tenant.example.com/api/v2/")}`).body;
    expect(mgmt).toMatchObject({ name: "Auth0 Management API", is_system: true });
    expect(mgmt.id).toMatch(/^[0-9a-f]{24}$/);
    call("POST", "/api/v2/resource-servers", { identifier: "https://api" });
    expect(call("POST", "/api/v2/resource-servers", { identifier: "https://api" }).body).toEqual({ statusCode: 409, error: "Conflict", message: "A resource server with the same identifier already exists", errorCode: "resource_server_conflict" });
  });

  it("make the My Account API with Auth0's own settings when its identifier is the tenant's /me/", () => {
    const { call } = appClient();
    const me = call("POST", "/api/v2/resource-servers", { name: "mine", identifier: "https://tenant.example.com/me/" }).body;
    expect(me).toMatchObject({ name: "Auth0 My Account API", is_system: true, token_lifetime: 600 });
  });

  it("refuse an invalid payload with Auth0's 400", () => {
    const { call } = appClient();
    expect(call("POST", "/api/v2/resource-servers", { name: "x" }).body).toEqual({ statusCode: 400, error: "Bad Request", message: "Payload validation error: 'Missing required property: identifier'.", errorCode: "invalid_body" });
  });

  it("refuse a second grant for the same client and audience with 409", () => {
    const { call } = appClient();
    const client = call("POST", "/api/v2/clients", { name: "m2m" }).body.client_id as string;
    const grant = { client_id: client, audience: "https://tenant.example.com/api/v2/", scope: ["read:users"] };
    expect(call("POST", "/api/v2/client-grants", grant).body.id).toMatch(/^cgr_[A-Za-z0-9]{16}$/);
    expect(call("POST", "/api/v2/client-grants", grant).status).toBe(409);
  });
});

describe("custom domains", () => {
  it("wait in pending_verification with the DNS record to create, until verified", () => {
    const { call } = appClient();
    const domain = call("POST", "/api/v2/custom-domains", { domain: "login.example.com", type: "auth0_managed_certs" }).body;
    expect(domain).toMatchObject({ status: "pending_verification", verification: { methods: [{ name: "CNAME", domain: "login.example.com" }] } });
    const verified = call("POST", `/api/v2/custom-domains/${domain.custom_domain_id}/verify`).body;
    expect(verified.status).toBe("ready");
  });
});

describe("pagination", () => {
  it("pages with page/per_page/include_totals, and with from/take checkpoints where Auth0 offers them", () => {
    const { call } = appClient();
    for (const name of ["a", "b", "c"]) call("POST", "/api/v2/roles", { name });
    expect(call("GET", "/api/v2/roles?page=1&per_page=2&include_totals=true").body).toMatchObject({ start: 2, limit: 2, total: 3, roles: [{ name: "c" }] });
    expect(call("GET", "/api/v2/roles?page=0&per_page=2").body).toHaveLength(2);
    for (const name of ["c1", "c2", "c3"]) call("POST", "/api/v2/connections", { name, strategy: "auth0" });
    const first = call("GET", "/api/v2/connections?take=2").body;
    expect(first.connections.map((c: { name: string }) => c.name)).toEqual(["c1", "c2"]);
    const rest = call("GET", `/api/v2/connections?take=2&from=${first.next}`).body;
    expect(rest).toEqual({ connections: [expect.objectContaining({ name: "c3" })] });
  });
});

describe("state bounds", () => {
  it("refuses a write that would take the state past its limit", async () => {
    const { Store } = await import("../../emulator/store");
    const { call } = appClient({ store: new Store(40_000) });
    const answer = call("POST", "/api/v2/roles", { name: "x".repeat(50_000) });
    expect(answer.body).toEqual({ statusCode: 403, error: "Forbidden", message: "The emulator's state limit (40000 bytes) is reached; delete resources first", errorCode: "too_many_entities" });
  });
});

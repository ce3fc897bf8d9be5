/**
 * `npm run adopt` as users run it: the script, in its own project directory (a scratch copy of
 * this one), over HTTPS against the emulator as a server, trusting SSL_CERT_FILE as the provider
 * does. The tenant has an Action whose code the project does not have: it is written under
 * actions/, and the adopted stack plans with it.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../emulator/server";
import { request, token } from "../emulator/https";
import { ROOT } from "./harness";

const run = promisify(execFile);
const CODE = "exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://example.com/hello', 'world');\n};\n";

/** This project without its tests, its dependencies linked, so the script runs from there. */
function projectCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-project-"));
  for (const entry of fs.readdirSync(ROOT)) {
    if (["node_modules", "test", "out", ".git"].includes(entry) || entry.startsWith("Pulumi.") && entry !== "Pulumi.yaml") continue;
    fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

describe("npm run adopt, over HTTPS", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    const bearer = await token(emulator.caFile, emulator.port, emulator.clientId, emulator.clientSecret);
    const call = async (method: string, url: string, body?: unknown) => {
      const answer = await request(emulator.caFile, emulator.port, method, `/api/v2${url}`, { body: body === undefined ? undefined : JSON.stringify(body), headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" } });
      expect(answer.status).toBeLessThan(300);
      return answer.body === "" ? {} : (JSON.parse(answer.body) as Record<string, string>);
    };
    const app = await call("POST", "/clients", { name: "Web", app_type: "spa", callbacks: ["https://web.example.com/cb"] });
    const db = await call("POST", "/connections", { name: "Username-Password-Authentication", strategy: "auth0" });
    await call("PATCH", `/connections/${db.id}/clients`, [{ client_id: app.client_id, status: true }]);
    const action = await call("POST", "/actions/actions", { name: "Hello Claim", code: CODE, supported_triggers: [{ id: "post-login", version: "v3" }] });
    await call("GET", `/actions/actions/${action.id}`);
    await call("POST", `/actions/actions/${action.id}/deploy`);
    await call("PATCH", "/actions/triggers/post-login/bindings", { bindings: [{ ref: { type: "action_id", value: action.id } }] });
  });
  let dir: string;
  afterAll(async () => {
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes the stack file, the import file and the Action's code, and the adopted stack plans", async () => {
    dir = projectCopy();
    const env = { ...process.env, AUTH0_DOMAIN: emulator.domain, AUTH0_CLIENT_ID: emulator.clientId, AUTH0_CLIENT_SECRET: emulator.clientSecret, SSL_CERT_FILE: emulator.caFile };
    const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
    const adopted = await run(process.execPath, [tsx, "scripts/adopt.ts", "--stack", "dev"], { cwd: dir, env });
    expect(adopted.stderr).toBe("");
    expect(adopted.stdout).toContain(`# Adopting ${emulator.domain} as stack dev (dev)`);
    expect(adopted.stdout).toContain("Wrote Pulumi.dev.yaml and import.dev.json, and actions/hello-claim.js.");
    expect(fs.readFileSync(path.join(dir, "actions", "hello-claim.js"), "utf8")).toBe(CODE);
    const imports = JSON.parse(fs.readFileSync(path.join(dir, "import.dev.json"), "utf8")) as { resources: { type: string; name: string; id?: string }[] };
    expect(imports.resources).toContainEqual({ type: "auth0:index/triggerActions:TriggerActions", name: "tenant-actions-trigger-post-login", parent: "tenant-actions", id: "post-login" });
    const planned = await run(process.execPath, [tsx, "scripts/plan.ts", "--stack", "dev", "--json"], { cwd: dir, env });
    const plan = JSON.parse(planned.stdout) as { resources: { name: string; inputs: { code?: string } }[] };
    expect(plan.resources.find((r) => r.name === "tenant-actions-action-hello-claim")?.inputs.code).toBe(CODE);
  }, 60_000);
});

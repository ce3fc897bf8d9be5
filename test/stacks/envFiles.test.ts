import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "dotenv";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

interface PlannedFile {
  name: string;
  kind: string;
  path: string;
  vars: Record<string, string>;
}

let out: string;
let files: PlannedFile[];

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-envplan-"));
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/plan.ts", "--stack", "prod", "--json", "--out", out], { cwd: ROOT, encoding: "utf8" });
  // Warnings (e.g. SMS in a B2B stack) go to stderr with --json; nothing else may.
  expect(run.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("warning: "))).toEqual([]);
  expect(run.status).toBe(0);
  files = JSON.parse(run.stdout).envFiles;
});

describe("the prod plan's env files", () => {
  it("writes one backend, one frontend and one cli file, each with its example", () => {
    expect(files.map((f) => f.kind).sort()).toEqual(["backend", "cli", "frontend"]);
    expect(fs.readdirSync(out).sort()).toEqual(
      ["backend.env", "backend.env.example", "cli.env", "cli.env.example", "frontend.env", "frontend.env.example"],
    );
  });

  it("writes files that parse with dotenv to exactly the plan's JSON values", () => {
    for (const file of files) {
      expect(parse(fs.readFileSync(path.join(out, `${file.name}.env`), "utf8"))).toEqual(file.vars);
    }
  });

  it("writes every file with mode 0600", () => {
    for (const name of fs.readdirSync(out)) expect(fs.statSync(path.join(out, name)).mode & 0o777).toBe(0o600);
  });

  it("keeps every secret out of the frontend file and masks the backend's secrets", () => {
    const frontend = files.find((f) => f.kind === "frontend")!;
    expect(Object.values(frontend.vars)).not.toContain("[secret]");
    const backend = files.find((f) => f.kind === "backend")!;
    expect(backend.vars.ALPHASWARM_AUTH0_MGMT_API_CLIENT_SECRET).toBe("[secret]");
    expect(parse(fs.readFileSync(path.join(out, "backend.env.example"), "utf8")).ALPHASWARM_AUTH0_MGMT_API_CLIENT_SECRET).toBe("");
  });

  it("renders the runbook's frontend variables from the tenant's outputs", () => {
    expect(files.find((f) => f.kind === "frontend")!.vars).toEqual({
      VITE_AUTH_PROVIDER: "auth0",
      VITE_AUTH0_DOMAIN: "alphaswarm-prod.us.auth0.com",
      VITE_AUTH0_SPA_CLIENT_ID: "placeholder:tenant-app-spa-client:clientId",
      VITE_AUTH0_AUDIENCE: "https://api.alpha-swarm.ai/",
      VITE_AUTH0_SCOPE: "openid profile email read:mcp:data read:portfolio read:strategy write:portfolio write:strategy offline_access",
      VITE_AUTH0_ORGANIZATION: "",
    });
  });
});

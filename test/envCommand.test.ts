import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { envCommand } from "../cli/env";

const ROOT = path.resolve(__dirname, "..");
const OUTPUTS = {
  issuer: "https://auth.example.com/",
  envFiles: {
    backend: { kind: "backend", path: "svc/.env", vars: {}, content: "# generated\nA=1\nSECRET='s 3'\n", example: "# generated\nA=1\nSECRET=\n" },
    frontend: { kind: "frontend", path: "web/.env", vars: {}, content: "VITE_A=x\n", example: "VITE_A=x\n" },
  },
};

/** The env command in this process: it only reads JSON and writes files. */
function env(dir: string, ...args: string[]) {
  const outputs = path.join(dir, "outputs.json");
  fs.writeFileSync(outputs, JSON.stringify(OUTPUTS));
  let stdout = "";
  let stderr = "";
  const status = envCommand(["--stack", "prod", "--outputs", outputs, "--dir", dir, ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { status, stdout, stderr };
}

describe("npm run env", () => {
  it("writes each file and its example from the stack outputs, mode 0600", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-env-"));
    const run = env(dir);
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "svc/.env"), "utf8")).toBe(OUTPUTS.envFiles.backend.content);
    expect(fs.readFileSync(path.join(dir, "svc/.env.example"), "utf8")).toBe(OUTPUTS.envFiles.backend.example);
    expect(fs.statSync(path.join(dir, "svc/.env")).mode & 0o777).toBe(0o600);
  });

  it("--check exits 0 when the files on disk match", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-env-"));
    env(dir);
    const run = env(dir, "--check");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("svc/.env: up to date\nweb/.env: up to date\n");
  });

  it("--check exits 1 on drift, naming the variables but never their values", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-env-"));
    env(dir);
    fs.writeFileSync(path.join(dir, "svc/.env"), "A=2\nSECRET=leaked-old-value\nEXTRA=1\n");
    fs.rmSync(path.join(dir, "web/.env"));
    const run = env(dir, "--check");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("svc/.env: differs in A, EXTRA, SECRET\nweb/.env: missing\n");
    expect(run.stdout + run.stderr).not.toContain("leaked-old-value");
  });

  it("exits 2 when the outputs hold no env files, as a real process", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-env-"));
    fs.writeFileSync(path.join(dir, "o.json"), "{}");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/env.ts", "--stack", "x", "--outputs", path.join(dir, "o.json")], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("the stack outputs have no envFiles; run pulumi up with auth0kit:envFiles configured first");
  });
});

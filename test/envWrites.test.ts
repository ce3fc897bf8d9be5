import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { asStackConfig, tenantConfig } from "./components/fixtures";
import { setupMocks } from "./mocks";

const CONFIG = {
  ...tenantConfig(),
  "auth0kit:envFiles": { web: { kind: "frontend", path: "web/.env", vars: [{ VITE_ISSUER: { ref: "issuer" } }] } },
};

/** Runs the program (index.ts) as `pulumi preview` or `pulumi up` would, in a fresh project directory. */
async function runProgram(preview: boolean): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-program-"));
  await setupMocks(asStackConfig(CONFIG), [], preview);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const { default: program } = await import("../index");
    const { settle } = await import("../plan/mockRuntime");
    await program();
    await settle();
  } finally {
    process.chdir(cwd);
  }
  return dir;
}

describe("env files and the program", () => {
  it("never writes env files during a preview", async () => {
    expect(fs.readdirSync(await runProgram(true))).toEqual([]);
  });

  it("writes the env files and their examples on pulumi up, relative to the project directory, mode 0600", async () => {
    const dir = await runProgram(false);
    expect(fs.readFileSync(path.join(dir, "web/.env"), "utf8")).toContain("VITE_ISSUER=https://example-dev.us.auth0.com/\n");
    expect(fs.statSync(path.join(dir, "web/.env")).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dir, "web/.env.example"))).toBe(true);
  });
});

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect, it } from "vitest";
import { asStackConfig, tenantConfig } from "./components/fixtures";
import { setupMocks } from "./mocks";

it("writes the env files and their examples on pulumi up, relative to the project directory, mode 0600", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-up-"));
  const config = {
    ...tenantConfig(),
    "auth0kit:envFiles": { web: { kind: "frontend", path: "web/.env", vars: [{ VITE_ISSUER: { ref: "issuer" } }] } },
  };
  await setupMocks(asStackConfig(config), [], false);
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
  const written = fs.readFileSync(path.join(dir, "web/.env"), "utf8");
  expect(written).toContain("VITE_ISSUER=https://example-dev.us.auth0.com/\n");
  expect(fs.statSync(path.join(dir, "web/.env")).mode & 0o777).toBe(0o600);
  expect(fs.existsSync(path.join(dir, "web/.env.example"))).toBe(true);
});

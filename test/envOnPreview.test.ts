import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect, it } from "vitest";
import { asStackConfig, tenantConfig } from "./components/fixtures";
import { setupMocks } from "./mocks";

it("never writes env files during a preview", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-up-"));
  const config = {
    ...tenantConfig(),
    "auth0kit:envFiles": { web: { kind: "frontend", path: "web/.env", vars: [{ VITE_ISSUER: { ref: "issuer" } }] } },
  };
  await setupMocks(asStackConfig(config), [], true);
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
  expect(fs.readdirSync(dir)).toEqual([]);
});

import { expect, it } from "vitest";
import { setupMocks, TYPES } from "../mocks";
import { specOf, tenantConfig } from "./fixtures";

it("protects every API from deletion when asked to protect critical resources", async () => {
  const mocks = await setupMocks();
  const { Auth0Tenant } = await import("../../components/auth0Tenant");
  new Auth0Tenant("tenant", { spec: specOf(tenantConfig()), secrets: {}, protectCritical: true });
  const servers = await mocks.ofType(TYPES.resourceServer);
  expect(servers.map((s) => [s.name, s.protect])).toEqual([["tenant-api-core-server", true]]);
});

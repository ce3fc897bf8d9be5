import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { type MockHarness, setupMocks } from "../mocks";
import { specOf, tenantConfig } from "./fixtures";

const ROLE = "auth0:index/role:Role";
const ROLE_PERMISSIONS = "auth0:index/rolePermissions:RolePermissions";

describe("roles", () => {
  let mocks: MockHarness;

  beforeAll(async () => {
    mocks = await setupMocks();
    const { Auth0Tenant } = await import("../../components/auth0Tenant");
    const spec = specOf({
      ...tenantConfig("dev"),
      "auth0kit:roles": {
        writer: { name: "Writers", description: "Changes things", permissions: { core: ["write:things", "read:things"] } },
        empty: { description: "Holds nothing yet" },
      },
    });
    new Auth0Tenant("tenant", { spec, secrets: {} as Record<string, pulumi.Output<string>> });
  });

  it("declares one Role per entry, under its component", async () => {
    const role = await mocks.findResource(ROLE, "tenant-role-writer-role");
    expect(role.inputs).toEqual({ name: "Writers", description: "Changes things" });
    expect(role.parent).toBe("tenant-role-writer");
  });

  it("owns each role's permissions with one RolePermissions, sorted, after the API's scopes exist", async () => {
    const set = await mocks.findResource(ROLE_PERMISSIONS, "tenant-role-writer-permissions");
    expect(set.inputs).toEqual({
      roleId: "placeholder:tenant-role-writer-role:id",
      permissions: [
        { name: "read:things", resourceServerIdentifier: "https://api.example.com/" },
        { name: "write:things", resourceServerIdentifier: "https://api.example.com/" },
      ],
    });
    expect(set.dependsOn).toContain("tenant-api-core-scopes");
  });

  it("gives a role without permissions an empty RolePermissions, so hand-added ones are removed", async () => {
    expect((await mocks.findResource(ROLE_PERMISSIONS, "tenant-role-empty-permissions")).inputs.permissions).toEqual([]);
  });

  it("never declares the singular RolePermission", async () => {
    expect(await mocks.ofType("auth0:index/rolePermission:RolePermission")).toEqual([]);
  });
});

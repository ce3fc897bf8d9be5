import { describe, expect, it } from "vitest";
import { checkWarnings } from "../../config/warnings";
import { formatIssue } from "../../config/issues";
import { configWith, issuesOf, specOf } from "./fixtures";

const withRoles = (roles: Record<string, unknown>, extra: Record<string, unknown> = {}) => configWith({ "auth0kit:roles": roles, ...extra });

describe("auth0kit:roles", () => {
  it("names a role after its key unless set, and keeps its permissions by API", () => {
    const spec = specOf(withRoles({ reader: { description: "Reads things", permissions: { core: ["read:things"] } }, admin: { name: "Core Admin", description: "All of it" } }));
    expect(spec.roles).toEqual({
      admin: { key: "admin", name: "Core Admin", description: "All of it", permissions: {} },
      reader: { key: "reader", name: "reader", description: "Reads things", permissions: { core: ["read:things"] } },
    });
  });

  it("has no roles when the key is absent", () => {
    expect(specOf(configWith()).roles).toEqual({});
  });

  it("requires a description", () => {
    expect(issuesOf(withRoles({ reader: { permissions: { core: ["read:things"] } } }))).toEqual([
      "auth0kit:roles.reader.description: required; say in a sentence who holds this role",
    ]);
  });

  it("refuses a permission the API lacks, naming its index", () => {
    expect(issuesOf(withRoles({ reader: { description: "Reads", permissions: { core: ["read:things", "delete:things"] } } }))).toEqual([
      'auth0kit:roles.reader.permissions.core[1]: "delete:things" is not a permission of API "core"; define it under auth0kit:apis.core.permissions or remove it',
    ]);
  });

  it("refuses an API the stack does not define", () => {
    expect(issuesOf(withRoles({ reader: { description: "Reads", permissions: { billing: ["read:invoices"] } } }))).toEqual([
      'auth0kit:roles.reader.permissions.billing: unknown API "billing"; defined APIs: core',
    ]);
  });

  it("refuses a permission listed twice", () => {
    expect(issuesOf(withRoles({ a: { description: "A", permissions: { core: ["read:things", "read:things"] } } }))).toEqual([
      'auth0kit:roles.a.permissions.core[1]: "read:things" is listed twice; remove one',
    ]);
  });

  it("refuses an empty permission list", () => {
    expect(issuesOf(withRoles({ b: { description: "B", permissions: { core: [] } } }))).toEqual([
      "auth0kit:roles.b.permissions.core: list at least one permission, or remove the API",
    ]);
  });

  it("refuses two roles with one name, compared without case", () => {
    expect(issuesOf(withRoles({ a: { name: "Admin", description: "A" }, b: { name: "admin", description: "B" } }))).toEqual([
      'auth0kit:roles.b.name: "admin" is already the name of role "a"; role names are unique in a tenant, so give this one another name',
    ]);
  });

  it("refuses a role key that is not a slug", () => {
    expect(issuesOf(withRoles({ Admin: { description: "A" } }))).toEqual([
      "auth0kit:roles.Admin: keys must be lowercase slugs (a-z, 0-9, -; starting with a letter), because they become resource names",
    ]);
  });

  it("warns when a role holds permissions of an API without RBAC, and not when RBAC is on", () => {
    const role = { reader: { description: "Reads", permissions: { core: ["read:things"] } } };
    expect(checkWarnings(specOf(withRoles(role, { "auth0kit:apis": { core: { rbac: false, permissionsInToken: false } } }))).map(formatIssue)).toEqual([
      'auth0kit:roles.reader.permissions.core: API "core" does not enforce RBAC, so this role limits nothing in its tokens; set auth0kit:apis.core.rbac: true or drop these permissions',
    ]);
    expect(checkWarnings(specOf(withRoles(role, { "auth0kit:apis": { core: { rbac: true } } })))).toEqual([]);
  });

  it("resolves { ref: roleId } only for a defined role", () => {
    const env = (role: string) => ({ "auth0kit:envFiles": { backend: { kind: "backend", path: "out/.env", vars: [{ MEMBER_ROLE_ID: { ref: "roleId", role } }] } } });
    expect(issuesOf(withRoles({ member: { description: "M" } }, env("member")))).toEqual([]);
    expect(issuesOf(withRoles({ member: { description: "M" } }, env("admin")))).toEqual([
      'auth0kit:envFiles.backend.vars[0].MEMBER_ROLE_ID.role: unknown role "admin"; defined roles: member',
    ]);
  });

  it("refuses roles in a local stack, which provisions nothing in Auth0", () => {
    expect(issuesOf({ "auth0kit:environment": "local", "auth0kit:roles": { member: { description: "M" } } })).toEqual([
      "auth0kit:roles: a local stack provisions nothing in Auth0, so these roles would never be created; remove auth0kit:roles or move it to a dev stack",
    ]);
  });
});

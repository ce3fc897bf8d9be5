import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlannedResource } from "../../plan/mockRuntime";
import { runPlan } from "../../plan/run";

const ROOT = path.resolve(__dirname, "../..");

let resources: PlannedResource[];
const ofType = (type: string) => resources.filter((r) => r.type === type);

beforeAll(async () => {
  resources = [...(await runPlan({ projectDir: ROOT, stack: "dev" })).resources];
});

describe("the dev stack is the B2C shape", () => {
  it("signs users in with Username-Password-Authentication (excellent), Google and GitHub", () => {
    const connections = ofType("auth0:index/connection:Connection").map((r) => [r.inputs.name, r.inputs.strategy]);
    expect(connections).toEqual([
      ["github", "github"],
      ["google-oauth2", "google-oauth2"],
      ["Username-Password-Authentication", "auth0"],
    ]);
    const db = ofType("auth0:index/connection:Connection").find((r) => r.inputs.strategy === "auth0")!;
    expect(db.inputs.options).toMatchObject({ passwordPolicy: "excellent", disableSignup: false });
  });

  it("gives the social connections their own OAuth apps, since Auth0's developer keys do not work behind the custom domain", () => {
    for (const social of ofType("auth0:index/connection:Connection").filter((r) => r.inputs.strategy !== "auth0")) {
      expect(social.inputs.options).toEqual({ clientId: expect.stringMatching(/\S/), clientSecret: "[secret]", scopes: expect.any(Array) });
    }
  });

  it("retains the database connection on delete but protects nothing outside prod", () => {
    const db = ofType("auth0:index/connection:Connection").find((r) => r.inputs.strategy === "auth0")!;
    expect(db.retainOnDelete).toBe(true);
    expect(ofType("auth0:index/connection:Connection").some((r) => r.protect)).toBe(false);
  });

  it("declares no organizations", () => {
    expect(ofType("auth0:index/organization:Organization")).toEqual([]);
    expect(ofType("auth0:index/organizationConnections:OrganizationConnections")).toEqual([]);
  });

  it("enables each connection for the SPA, the CLI and the agent broker in one ConnectionClients", () => {
    const owners = ofType("auth0:index/connectionClients:ConnectionClients");
    expect(owners).toHaveLength(3);
    for (const owner of owners) {
      expect(owner.inputs.enabledClients).toEqual(["agent-broker", "cli", "spa"].map((key) => `placeholder:tenant-app-${key}-client:clientId`));
    }
    expect(ofType("auth0:index/connectionClient:ConnectionClient")).toEqual([]);
  });
});

import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../config/load";
import { budgetFor, economyLines, economyOf, formatDuration, PLAN_TIERS, RATE_LIMITS, recommendedParallel, type ResourceLike } from "../../plan/economy";
import { readStackFile, withPlaceholderSecrets } from "../../plan/stackFile";

const ROOT = path.resolve(__dirname, "../..");
const r = (type: string, inputs: Record<string, unknown> = {}, custom = true): ResourceLike => ({ type: `auth0:index/${type}`, inputs, custom });
const list = (n: number) => Array.from({ length: n }, (_, i) => `item-${i}`);

describe("the Management API request model", () => {
  it("counts a create as its write and the provider's read-after-create, and nothing for components or random", () => {
    const economy = economyOf([
      r("client:Client"),
      r("organization:Organization"),
      r("action:Action"),
      { type: "random:index/randomBytes:RandomBytes", inputs: {}, custom: true },
      { type: "auth0kit:api:Api", inputs: {}, custom: false },
    ]);
    expect(economy).toMatchObject({ resources: 4, requests: 2 + 2 + 4 + 0, singularResources: 4, singularRequests: 8, organizationWrites: 1 });
  });

  it("counts a plural resource once per set and its singular layout once per item", () => {
    const rows = (resource: ResourceLike) => {
      const { requests, singularResources, singularRequests } = economyOf([resource]);
      return [requests, singularResources, singularRequests];
    };
    expect(rows(r("resourceServerScopes:ResourceServerScopes", { scopes: list(17) }))).toEqual([3, 17, 51]);
    expect(rows(r("connectionClients:ConnectionClients", { enabledClients: list(2) }))).toEqual([4, 2, 6]);
    expect(rows(r("connectionClients:ConnectionClients", { enabledClients: list(60) }))).toEqual([5, 60, 180]);
    expect(rows(r("triggerActions:TriggerActions", { actions: list(2) }))).toEqual([2, 2, 6]);
    // The API has no bulk call for organization connections: the plural one POSTs each, and costs
    // more than a singular one for a one-connection organization.
    expect(rows(r("organizationConnections:OrganizationConnections", { enabledConnections: list(1) }))).toEqual([3, 1, 2]);
    expect(rows(r("organizationConnections:OrganizationConnections", { enabledConnections: list(3) }))).toEqual([5, 3, 6]);
  });

  it("counts two requests per configured Guardian setting and attack-protection shield", () => {
    expect(economyOf([r("guardian:Guardian", { policy: "all-applications", otp: true, email: true })]).requests).toBe(6);
    expect(economyOf([r("attackProtection:AttackProtection", { bruteForceProtection: {}, suspiciousIpThrottling: {} })]).requests).toBe(4);
  });

  it("counts organization writes: organizations and each organization connection", () => {
    const economy = economyOf([
      r("organization:Organization"),
      r("organization:Organization"),
      r("organizationConnections:OrganizationConnections", { enabledConnections: list(2) }),
    ]);
    expect(economy.organizationWrites).toBe(4);
  });
});

describe("the rate-limit budget", () => {
  it("recommends --parallel 4 on Enterprise production and 1 on every 2-requests-per-second tier", () => {
    expect(Object.fromEntries(PLAN_TIERS.map((tier) => [tier, recommendedParallel(tier)]))).toEqual({
      free: 1,
      essentials: 1,
      professional: 1,
      enterprise: 4,
      "enterprise-nonprod": 1,
    });
  });

  it("lets the burst through at once and the rest at the sustained rate", () => {
    expect(budgetFor({ requests: 1000, organizationWrites: 0 }, "enterprise").minSeconds).toBeCloseTo((1000 - 50) / 16);
    expect(budgetFor({ requests: 1000, organizationWrites: 0 }, "free").minSeconds).toBeCloseTo((1000 - 2) / 2);
    expect(budgetFor({ requests: 1000, organizationWrites: 0 }, "enterprise-nonprod").minSeconds).toBeCloseTo((1000 - 10) / 2);
    expect(budgetFor({ requests: 1, organizationWrites: 0 }, "enterprise").minSeconds).toBe(0);
  });

  it("bounds a tenant with many organizations by the organization write endpoints' 150 per minute", () => {
    expect(budgetFor({ requests: 100, organizationWrites: 300 }, "enterprise").minSeconds).toBeCloseTo((300 - 5) / 2.5);
  });

  it("marks the Essentials and Professional figures as estimates and cites a source for every tier", () => {
    expect(PLAN_TIERS.filter((tier) => RATE_LIMITS[tier].estimate)).toEqual(["essentials", "professional"]);
    for (const tier of PLAN_TIERS) expect(RATE_LIMITS[tier].source).toMatch(/^https:\/\/auth0\.com\/docs\//);
  });

  it("formats durations in hours, minutes and seconds", () => {
    expect([formatDuration(0), formatDuration(12.2), formatDuration(798), formatDuration(3900)]).toEqual(["0 s", "13 s", "13 min 18 s", "1 h 05 min"]);
  });

  it("prints the comparison, and the budget only when the tier is set", () => {
    const economy = economyOf([r("client:Client"), r("resourceServerScopes:ResourceServerScopes", { scopes: list(3) })]);
    expect(economyLines(economy, "enterprise")).toEqual([
      "Management API budget (estimate for a fresh pulumi up; model in plan/economy.ts):",
      "  2 resources, about 5 requests (one resource per scope, organization connection, connection client, trigger binding and role permission: 4 resources, about 11 requests; 2.20×)",
      "  plan tier enterprise: 16 requests/s sustained, burst 50 → at least 0 s; run pulumi up --parallel 4",
    ]);
    expect(economyLines(economy, undefined)[2]).toBe("  set auth0kit:tenant.planTier for the least duration at your plan's rate limit and a --parallel recommendation");
  });
});

describe("package.json's up and preview scripts", () => {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const stacks = fs
    .readdirSync(ROOT)
    .map((file) => /^Pulumi\.([a-z0-9-]+)\.yaml$/.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined);

  it("exist for every root stack (dev, prod, and stage when it exists)", () => {
    expect(stacks).toEqual(expect.arrayContaining(["dev", "prod"]));
    for (const stack of stacks) expect(Object.keys(scripts)).toEqual(expect.arrayContaining([`up:${stack}`, `preview:${stack}`]));
  });

  it.each(["dev", "prod", "stage"])("pass the plan's --parallel recommendation for the %s stack's plan tier", (stack) => {
    if (!stacks.includes(stack)) return;
    const config = withPlaceholderSecrets(readStackFile(path.join(ROOT, `Pulumi.${stack}.yaml`), "auth0kit"), "auth0kit");
    const tier = loadSpec(config).tenant.planTier;
    const parallel = tier === undefined ? "" : ` --parallel ${recommendedParallel(tier)}`;
    expect(scripts[`up:${stack}`]).toBe(`pulumi up --stack ${stack}${parallel}`);
    expect(scripts[`preview:${stack}`]).toBe(`pulumi preview --stack ${stack}${parallel}`);
  });
});

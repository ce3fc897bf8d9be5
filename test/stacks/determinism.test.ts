/**
 * Every stack in the repository plans to byte-identical JSON on every run, reordering set-like
 * lists in a stack file changes nothing, and no set has two owners.
 *
 * Cost: two child processes, started together. Process A plans every stack, then the reordered
 * variants; process B plans every stack in the reverse order. So each stack is planned twice, in
 * two processes, once first in its process and once after other stacks.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlannedResource } from "../../plan/mockRuntime";
import { ownershipConflicts, SET_OWNERS } from "./ownership";
import { planMany, ROOT } from "../planHarness";

/** Every stack file in the repository: the root stacks and the examples'. */
const STACK_FILES = [
  ...fs.readdirSync(ROOT).filter((f) => /^Pulumi\.[^.]+\.yaml$/.test(f)),
  ...fs
    .readdirSync(path.join(ROOT, "examples"))
    .flatMap((dir) => fs.readdirSync(path.join(ROOT, "examples", dir)).filter((f) => /^Pulumi\.[^.]+\.yaml$/.test(f)).map((f) => path.join("examples", dir, f))),
].sort();

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-determinism-"));
const planArgs = (file: string, out: string) => ["--config", path.resolve(ROOT, file), "--json", "--out", path.join(scratch, out)];

/** Replaces `from` (which must occur) by `to` everywhere. */
function swap(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the stack file no longer contains ${JSON.stringify(from)}; update this test`);
  return text.split(from).join(to);
}

/** The dev stack with every set-like list reordered: URLs, grant types, an M2M grant's permissions, Management API scopes, enabled applications, an API's permissions. */
function devReordered(text: string): string {
  let t = text;
  t = swap(t, "callbacks: [https://app.dev.alpha-swarm.ai/auth/callback, http://localhost:3001/auth/callback]", "callbacks: [http://localhost:3001/auth/callback, https://app.dev.alpha-swarm.ai/auth/callback]");
  t = swap(t, "logoutUrls: [https://app.dev.alpha-swarm.ai/, http://localhost:3001/]", "logoutUrls: [http://localhost:3001/, https://app.dev.alpha-swarm.ai/]");
  t = swap(t, "webOrigins: [https://app.dev.alpha-swarm.ai, http://localhost:3001]", "webOrigins: [http://localhost:3001, https://app.dev.alpha-swarm.ai]");
  t = swap(t, "grantTypes: [authorization_code, refresh_token]", "grantTypes: [refresh_token, authorization_code]");
  // (The SPA's grant stays in order: a scopes string in an env file lists a grant's permissions in
  // config order, as the runbooks write them; the ClientGrant itself sorts them, see below.)
  t = swap(t, "            - read:portfolio\n            - write:portfolio\n", "            - write:portfolio\n            - read:portfolio\n");
  t = swap(t, "        - read:users\n        - update:users\n", "        - update:users\n        - read:users\n");
  t = swap(t, "applications: [spa, cli, agent-broker]", "applications: [agent-broker, cli, spa]");
  t = swap(
    t,
    "        read:portfolio: Read portfolio positions / PnL / risk\n        write:portfolio: Mutate portfolio config\n",
    "        write:portfolio: Mutate portfolio config\n        read:portfolio: Read portfolio positions / PnL / risk\n",
  );
  return t;
}

const ACME_OKTA = "        acme-okta: { assignMembershipOnLogin: false, showAsButton: true }\n";
const ACME_SECOND = "        username-password: { assignMembershipOnLogin: false }\n";

/** Stack files written for this test, named Pulumi.<stack>.yaml so the plan's stack name matches. */
function variant(dir: string, stack: string, text: string): string {
  const file = path.join(scratch, dir, `Pulumi.${stack}.yaml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const VARIANTS = {
  devReordered: variant("dev-reordered", "dev", devReordered(read("Pulumi.dev.yaml"))),
  // The prod organization acme with two connections, in both orders.
  prodTwoConnections: variant("prod-a", "prod", swap(read("Pulumi.prod.yaml"), ACME_OKTA, ACME_OKTA + ACME_SECOND)),
  prodTwoConnectionsReordered: variant("prod-b", "prod", swap(read("Pulumi.prod.yaml"), ACME_OKTA, ACME_SECOND + ACME_OKTA)),
};

let first: Map<string, string>;
let second: Map<string, string>;
let variants: Record<keyof typeof VARIANTS, string>;

beforeAll(async () => {
  const variantNames = Object.keys(VARIANTS) as (keyof typeof VARIANTS)[];
  const [a, b] = await Promise.all([
    planMany([...STACK_FILES.map((f, i) => planArgs(f, `a-${i}`)), ...variantNames.map((v) => planArgs(VARIANTS[v], `v-${v}`))]),
    planMany([...STACK_FILES].reverse().map((f, i) => planArgs(f, `b-${i}`))),
  ]);
  for (const [index, run] of [...a, ...b].entries()) {
    if (run.status !== 0) throw new Error(`plan ${index} exited ${run.status}: ${run.stderr}`);
  }
  first = new Map(STACK_FILES.map((f, i) => [f, a[i]!.stdout]));
  second = new Map([...STACK_FILES].reverse().map((f, i) => [f, b[i]!.stdout]));
  variants = Object.fromEntries(variantNames.map((v, i) => [v, a[STACK_FILES.length + i]!.stdout])) as typeof variants;
}, 60_000);

const resourcesOf = (json: string): PlannedResource[] => JSON.parse(json).resources;

describe("every stack plans deterministically", () => {
  it("covers every stack file in the repository, root and examples", () => {
    expect(STACK_FILES).toEqual([
      "Pulumi.dev.yaml",
      "Pulumi.local.yaml",
      "Pulumi.prod.yaml",
      "Pulumi.stage.yaml",
      "examples/orcheo/Pulumi.dev.yaml",
      "examples/orcheo/Pulumi.first-party.yaml",
      "examples/orcheo/Pulumi.prod.yaml",
    ]);
  });

  it.each(STACK_FILES)("%s: two runs in two processes print byte-identical JSON", (file) => {
    expect(first.get(file)!.length).toBeGreaterThan(100);
    expect(second.get(file)).toBe(first.get(file));
  });

  it.each(STACK_FILES)("%s: no timestamps and no random values outside @pulumi/random resources", (file) => {
    const json = first.get(file)!;
    expect(json).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    // A generated value is a placeholder (the plan never generates one) or a secret.
    for (const resource of resourcesOf(json).filter((r) => r.type.startsWith("random:"))) {
      expect(JSON.stringify(resource.inputs)).not.toMatch(/[0-9a-f]{32}/);
    }
  });

  it.each(STACK_FILES)("%s: every set-like list in the inputs is sorted", (file) => {
    const unsorted: string[] = [];
    for (const resource of resourcesOf(first.get(file)!)) {
      walkArrays(resource.inputs, `${resource.name}.inputs`, (where, list) => {
        // Ordered by design: the tenant's locales (the first is the default) and Action bindings.
        if (/\.enabledLocales$/.test(where) || (resource.type === "auth0:index/triggerActions:TriggerActions" && /\.actions$/.test(where))) return;
        const keys = list.map(sortKey);
        if (keys.some((key, i) => i > 0 && keys[i - 1]! > key)) unsorted.push(`${where}: ${JSON.stringify(list)}`);
      });
    }
    expect(unsorted).toEqual([]);
  });
});

describe("reordering set-like lists in a stack file changes nothing", () => {
  it("the dev stack with its callbacks, logout URLs, web origins, grant types, grant permissions, Management API scopes, enabled applications and API permissions reordered plans the same JSON", () => {
    expect(variants.devReordered).toBe(first.get("Pulumi.dev.yaml"));
  });

  it("an organization's connections in either order plan the same JSON", () => {
    const connections = resourcesOf(variants.prodTwoConnections).find((r) => r.name === "tenant-org-acme-connections")!;
    expect((connections.inputs.enabledConnections as unknown[]).length).toBe(2);
    expect(variants.prodTwoConnectionsReordered).toBe(variants.prodTwoConnections);
  });
});

describe("one owner per set", () => {
  it.each(STACK_FILES)("%s: no parent has both a plural and a singular resource of the same set, and no set has two owners", (file) => {
    const resources = resourcesOf(first.get(file)!);
    expect(ownershipConflicts(resources)).toEqual([]);
    // And the program uses the plural resources only.
    const singular = new Set(SET_OWNERS.map((o) => o.singular));
    expect(resources.filter((r) => singular.has(r.type)).map((r) => r.name)).toEqual([]);
  });

  it("the prod stack manages its sets with the plural resources, one per set", () => {
    const counts = Object.fromEntries(
      ["ResourceServerScopes", "ConnectionClients", "OrganizationConnections", "TriggerActions"].map((name) => [
        name,
        resourcesOf(first.get("Pulumi.prod.yaml")!).filter((r) => r.type.endsWith(`:${name}`)).length,
      ]),
    );
    expect(counts).toEqual({ ResourceServerScopes: 3, ConnectionClients: 6, OrganizationConnections: 3, TriggerActions: 2 });
  });
});

describe("ownershipConflicts", () => {
  const resource = (type: string, name: string, parent: string | null, inputs: Record<string, unknown>): PlannedResource => ({
    type: `auth0:index/${type[0]!.toLowerCase()}${type.slice(1)}:${type}`,
    name,
    parent,
    custom: true,
    inputs,
    protect: false,
    retainOnDelete: false,
    dependsOn: [],
  });

  it("names a parent that holds both ConnectionClients and ConnectionClient, and the connection they both manage", () => {
    expect(
      ownershipConflicts([
        resource("ConnectionClients", "db-clients", "db", { connectionId: "con_1", enabledClients: ["a"] }),
        resource("ConnectionClient", "db-client-b", "db", { connectionId: "con_1", clientId: "b" }),
      ]),
    ).toEqual([
      "db has both auth0:index/connectionClients:ConnectionClients and auth0:index/connectionClient:ConnectionClient",
      'auth0:index/connectionClients:ConnectionClients/auth0:index/connectionClient:ConnectionClient connectionId="con_1" is managed by 2 resources: db-client-b, db-clients',
    ]);
  });

  it("names two TriggerActions bound to the same trigger", () => {
    expect(
      ownershipConflicts([
        resource("TriggerActions", "a", "x", { trigger: "post-login", actions: [] }),
        resource("TriggerActions", "b", "y", { trigger: "post-login", actions: [] }),
      ]),
    ).toEqual(['auth0:index/triggerActions:TriggerActions/auth0:index/triggerAction:TriggerAction trigger="post-login" is managed by 2 resources: a, b']);
  });

  it("names two client grants of one application to the same audience", () => {
    expect(
      ownershipConflicts([
        resource("ClientGrant", "g1", "app", { clientId: "c", audience: "https://api/", scopes: [] }),
        resource("ClientGrant", "g2", "app", { clientId: "c", audience: "https://api/", scopes: ["x"] }),
        resource("ClientGrant", "g3", "app", { clientId: "c", audience: "https://other/", scopes: [] }),
      ]),
    ).toEqual(['auth0:index/clientGrant:ClientGrant clientId="c" audience="https://api/" is managed by 2 resources: g1, g2']);
  });

  it("names a tenant singleton declared twice, and one email template or custom text declared twice", () => {
    expect(
      ownershipConflicts([
        resource("Prompt", "p1", "a", { identifierFirst: true }),
        resource("Prompt", "p2", "b", { identifierFirst: false }),
        resource("EmailTemplate", "t1", "e", { template: "verify_email" }),
        resource("EmailTemplate", "t2", "e", { template: "verify_email" }),
        resource("EmailTemplate", "t3", "e", { template: "welcome_email" }),
        resource("PromptCustomText", "x1", "l", { prompt: "login", language: "en" }),
        resource("PromptCustomText", "x2", "l", { prompt: "login", language: "fr" }),
      ]),
    ).toEqual([
      "auth0:index/prompt:Prompt is managed by 2 resources: p1, p2",
      'auth0:index/emailTemplate:EmailTemplate template="verify_email" is managed by 2 resources: t1, t2',
    ]);
  });

  it("accepts singular resources for different sets under different parents", () => {
    expect(
      ownershipConflicts([
        resource("OrganizationConnections", "o1-connections", "o1", { organizationId: "org_1", enabledConnections: [] }),
        resource("OrganizationConnection", "o2-connection", "o2", { organizationId: "org_2", connectionId: "con_1" }),
      ]),
    ).toEqual([]);
  });
});

function walkArrays(value: unknown, where: string, visit: (where: string, list: unknown[]) => void): void {
  if (Array.isArray(value)) {
    visit(where, value);
    value.forEach((item, i) => walkArrays(item, `${where}[${i}]`, visit));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) walkArrays(item, `${where}.${key}`, visit);
  }
}

/** A list item's sort key: itself, or the field that names it (name, connectionId, id). */
function sortKey(item: unknown): string {
  if (typeof item !== "object" || item === null) return String(item);
  const record = item as Record<string, unknown>;
  return String(record.name ?? record.connectionId ?? record.id ?? JSON.stringify(item));
}

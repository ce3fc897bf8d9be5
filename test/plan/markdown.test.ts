import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type MarkdownInput, mermaidDiagram, mermaidText, planMarkdown } from "../../plan/markdown";
import type { PlannedResource } from "../../plan/mockRuntime";
import { planInProcess, stackFile } from "../planHarness";

const CIPHERTEXT = "c2VjcmV0LWNpcGhlcnRleHQ=";

describe("npm run plan -- --markdown FILE on the prod stack", () => {
  let markdown: string;
  let stdout: string;

  beforeAll(async () => {
    // The one valid in-process plan of this file: prod, with one of its secrets set (encrypted).
    const { file, dir } = stackFile(
      (text) => text.replace("config:\n", `config:\n  auth0kit:googleClientSecret:\n    secure: v1:${CIPHERTEXT}\n`),
      "Pulumi.prod.yaml",
    );
    const report = path.join(dir, "review", "plan.md");
    const run = await planInProcess("--config", file, "--stack", "prod", "--out", path.join(dir, "out"), "--markdown", report);
    expect(run.status).toBe(0);
    stdout = run.stdout;
    markdown = fs.readFileSync(report, "utf8");
  }, 30_000);

  it("still prints the plan on stdout", () => {
    expect(stdout).toContain("Plan for stack prod:");
  });

  it("has its sections in order: resources, warnings, overrides, secrets to set, env files, the tenant diagram", () => {
    const headings = markdown.split("\n").filter((line) => /^#{2,3} /.test(line));
    expect(headings).toEqual(["## auth0kit plan: `prod`", "### Resources", "### Warnings", "### Overrides in force", "### Secrets to set", "### Env files", "### Tenant"]);
  });

  it("counts resources by type with their protected and retained counts", () => {
    expect(markdown).toContain("74 resources in 23 components.");
    expect(markdown).toContain("| `auth0:index/rolePermissions:RolePermissions` | 6 | 0 | 0 |");
    expect(markdown).toContain("| `auth0:index/phoneProvider:PhoneProvider` | 1 | 0 | 0 |");
    expect(markdown).toContain("| `auth0:index/connection:Connection` | 6 | 6 | 1 |");
    expect(markdown).toContain("| `auth0:index/clientGrant:ClientGrant` | 8 | 0 | 0 |");
    expect(markdown).toContain("| `auth0:index/organization:Organization` | 3 | 3 | 0 |");
    // alphaswarm-api and the two short-lived delegation APIs (mcp-data, mcp-codebase).
    expect(markdown).toContain("| `auth0:index/resourceServer:ResourceServer` | 3 | 3 | 0 |");
  });

  it("lists the plan's warnings (the prod stack has no SMS warning: its organization logins require OTP)", () => {
    expect(markdown).toContain("- guardrail override in force: no-all-permissions-grant at auth0kit:applications.backend-m2m.grants.alphaswarm-api: Runbook 3.3");
    expect(markdown).not.toContain("SMS codes are discouraged");
  });

  it("lists the secrets still to set, and not the one the stack sets", () => {
    expect(markdown).toContain(
      [
        "```sh",
        "pulumi config set --secret auth0kit:acmeOktaClientSecret <value>",
        "pulumi config set --secret auth0kit:githubClientSecret <value>",
        "pulumi config set --secret auth0kit:globexEntraClientSecret <value>",
        "pulumi config set --secret auth0kit:sendgridApiKey <value>",
        "pulumi config set --secret auth0kit:twilioAccountSid <value>",
        "pulumi config set --secret auth0kit:twilioAuthToken <value>",
        "pulumi config set --secret auth0kit:twilioSenderNumber <value>",
        "```",
      ].join("\n"),
    );
    expect(markdown).not.toContain("auth0kit:googleClientSecret <value>");
  });

  it("shows env files' variables with public values and every secret masked", () => {
    expect(markdown).toContain("#### `backend` (backend) → `../alphaswarm/.env.auth0`");
    expect(markdown).toContain("| `ALPHASWARM_AUTH_OIDC_AUDIENCE` | `https://api.alpha-swarm.ai/` |");
    expect(markdown).toContain("| `ALPHASWARM_AUTH0_LOG_STREAM_SECRET` | `[secret]` |");
    expect(markdown).toContain("| `ALPHASWARM_AUTH0_MGMT_API_CLIENT_SECRET` | _(empty)_ |");
    expect(markdown).toContain("| `ALPHASWARM_CLI_OIDC_ORGANIZATION` | _(empty)_ |");
    expect(markdown).not.toContain(CIPHERTEXT);
    expect(markdown).not.toMatch(/placeholder:[^|`]*:(hex|base64|clientSecret)/);
  });

  it("lists the prod stack's reviewed overrides", () => {
    expect(markdown).toContain(
      "- no-all-permissions-grant at auth0kit:applications.backend-m2m.grants.alphaswarm-api: Runbook 3.3 authorises the backend M2M app",
    );
  });

  it("draws applications and roles → APIs with their permissions, organizations → connections, triggers → Actions in order, connections ⇢ applications", () => {
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)![1]!.split("\n");
    expect(block[0]).toBe("flowchart LR");
    expect(block).toContain('  n_tenant_app_spa_client["alphaswarm-spa #40;spa#41;"]');
    expect(block).toContain('  n_tenant_api_alphaswarm_api_server{{"alphaswarm-api<br/>https://api.alpha-swarm.ai/"}}');
    expect(block).toContain(
      '  n_tenant_app_spa_client -- "read:mcp:data, read:portfolio, read:strategy, write:portfolio, write:strategy" --> n_tenant_api_alphaswarm_api_server',
    );
    expect(block).toContain(
      '  n_tenant_app_backend_m2m_client -- "create:guardian_enrollment_tickets, create:user_tickets, delete:guardian_enrollments, delete:sessions, read:connections, read:logs, read:sessions, read:users, update:users" --> n_auth0_management_api',
    );
    expect(block).toContain("  n_tenant_org_acme_organization --> n_tenant_connection_acme_okta_connection");
    expect(block).toContain("  n_tenant_org_globex_organization --> n_tenant_connection_globex_entra_connection");
    const postLogin = block.filter((line) => line.startsWith("  n_tenant_actions_trigger_post_login --"));
    expect(postLogin).toEqual([
      '  n_tenant_actions_trigger_post_login -- "1" --> n_tenant_actions_action_post_login',
      '  n_tenant_actions_trigger_post_login -- "2" --> n_tenant_actions_action_idp_group_sync',
    ]);
    expect(block).toContain("  n_tenant_actions_profile_agent_delegation --> n_tenant_actions_action_agent_delegation");
    expect(block).toContain("  n_tenant_connection_acme_okta_connection -.-> n_tenant_app_spa_client");
    expect(block).toContain('  n_tenant_role_org_admin_role("role: alphaswarm-org-admin")');
    expect(block).toContain('  n_tenant_role_org_admin_role -- "admin:tenant, manage:broker_credentials" --> n_tenant_api_alphaswarm_api_server');
  });
});

describe("npm run plan -- --markdown on invalid configuration", () => {
  it("exits 2 and writes no report", async () => {
    const { file, dir } = stackFile((text) => text.replace("auth0kit:environment: dev", "auth0kit:environment: banana"));
    const report = path.join(dir, "plan.md");
    const run = await planInProcess("--config", file, "--out", path.join(dir, "out"), "--markdown", report);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('auth0kit:environment: "banana" is not allowed; use one of dev, stage, prod, local\n');
    expect(fs.existsSync(report)).toBe(false);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});

const resource = (type: string, name: string, inputs: Record<string, unknown>, flags: Partial<PlannedResource> = {}): PlannedResource => ({
  type,
  name,
  parent: null,
  custom: true,
  inputs,
  protect: false,
  retainOnDelete: false,
  dependsOn: [],
  ...flags,
});

function result(overrides: Partial<MarkdownInput> = {}): MarkdownInput {
  return {
    stack: "stage",
    resources: [
      resource("auth0:index/client:Client", "app-client", { name: 'Partner "Portal" [beta]', appType: "spa" }),
      resource("auth0:index/resourceServer:ResourceServer", "api-server", { name: "core|api", identifier: "https://api.example.com/" }, { protect: true }),
      resource("auth0:index/clientGrant:ClientGrant", "app-grant", { clientId: "placeholder:app-client:clientId", audience: "https://api.example.com/", scopes: ["read:a", "write:<b>"] }),
    ],
    outputs: {},
    envFiles: [
      {
        name: "web",
        kind: "frontend",
        path: "web/.env",
        vars: { PUBLIC_URL: "https://a|b.example.com", API_KEY: "[secret]" },
        content: "API_KEY=hunter2\n",
        example: "",
      },
    ],
    unsetSecrets: [],
    warnings: [],
    overrides: [],
    configBudget: { bytes: 2_048, limit: 131_072, largest: { key: "auth0kit:applications", bytes: 900 }, secrets: { count: 0, bytes: 0 }, estimatedSecrets: 0 },
    ...overrides,
  } as MarkdownInput;
}

describe("planMarkdown", () => {
  it("prints an Overrides in force section when the plan carries overrides", () => {
    const markdown = planMarkdown(result({ overrides: ["auth0kit:overrides.allowHttp: http callbacks allowed in stage (ticket SEC-12)"] }));
    expect(markdown).toContain("### Overrides in force\n\n- auth0kit:overrides.allowHttp: http callbacks allowed in stage (ticket SEC-12)\n");
    expect(planMarkdown(result({ overrides: [] }))).not.toContain("Overrides in force");
  });

  it("omits warnings and secrets sections when there are none, and never renders an env file's content", () => {
    const markdown = planMarkdown(result());
    expect(markdown).not.toContain("### Warnings");
    expect(markdown).not.toContain("### Secrets to set");
    expect(markdown).not.toContain("hunter2");
    expect(markdown).toContain("| `API_KEY` | `[secret]` |");
  });

  it("escapes pipes in table cells", () => {
    expect(planMarkdown(result())).toContain("| `PUBLIC_URL` | `https://a\\|b.example.com` |");
  });

  it("escapes quotes, brackets, pipes and angle brackets in Mermaid labels and maps the grant's client placeholder back to its application", () => {
    expect(mermaidDiagram(result().resources)).toEqual([
      "flowchart LR",
      '  n_app_client["Partner #quot;Portal#quot; #91;beta#93; #40;spa#41;"]',
      '  n_api_server{{"core#124;api<br/>https://api.example.com/"}}',
      '  n_app_client -- "read:a, write:#lt;b#gt;" --> n_api_server',
    ]);
  });

  it("mermaidText encodes every character Mermaid would parse", () => {
    expect(mermaidText('a"b[c]d(e)f{g}h<i>j|k#l`m\nn')).toBe("a#quot;b#91;c#93;d#40;e#41;f#123;g#125;h#lt;i#gt;j#124;k#35;l#96;m<br/>n");
  });

  it("draws no diagram for a stack without Auth0 resources, and counts in the singular when there is one", () => {
    const markdown = planMarkdown(result({ resources: [resource("random:index/randomBytes:RandomBytes", "secret", { length: 32 }), { ...resource("auth0kit:x:Y", "y", {}), custom: false }] }));
    expect(markdown).not.toContain("```mermaid");
    expect(markdown).toContain("1 resource in 1 component.");
  });
});

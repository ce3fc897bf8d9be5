/**
 * The plan as a Markdown review report for a pull request (`npm run plan -- --markdown FILE`):
 * resources by kind, warnings, overrides in force, env files, secrets to set, and a Mermaid
 * diagram of the tenant. Pure: built from the PlanResult alone (never from the stack file), so
 * it shows exactly what the plan declares, with secrets already masked by the plan.
 */
import { budgetLine } from "./configBudget";
import type { PlannedResource } from "./mockRuntime";
import type { PlanResult } from "./run";
import { SECRET_MASK } from "../env/lines";

/** A plan result, optionally with the guardrail overrides in force (one line each). */
export type MarkdownInput = PlanResult;

const T = {
  client: "auth0:index/client:Client",
  resourceServer: "auth0:index/resourceServer:ResourceServer",
  clientGrant: "auth0:index/clientGrant:ClientGrant",
  connection: "auth0:index/connection:Connection",
  connectionClients: "auth0:index/connectionClients:ConnectionClients",
  organization: "auth0:index/organization:Organization",
  organizationConnections: "auth0:index/organizationConnections:OrganizationConnections",
  action: "auth0:index/action:Action",
  triggerActions: "auth0:index/triggerActions:TriggerActions",
  tokenExchangeProfile: "auth0:index/tokenExchangeProfile:TokenExchangeProfile",
  role: "auth0:index/role:Role",
  rolePermissions: "auth0:index/rolePermissions:RolePermissions",
} as const;

/** Mermaid's default `maxTextSize`: a larger diagram renders as an error ("Maximum text size in diagram exceeded"). */
const MERMAID_MAX_TEXT = 50_000;

export function planMarkdown(result: MarkdownInput): string {
  const custom = result.resources.filter((r) => r.custom);
  const components = result.resources.length - custom.length;
  const out: string[] = [
    `## auth0kit plan: \`${inline(result.stack)}\``,
    "",
    `${custom.length} resource${custom.length === 1 ? "" : "s"} in ${components} component${components === 1 ? "" : "s"}.`,
    "",
    `${budgetLine(result.configBudget)}.`,
    "",
    ...resourcesSection(custom),
  ];
  if (result.warnings.length > 0) {
    out.push("### Warnings", "", ...result.warnings.map((w) => `- ${inline(w)}`), "");
  }
  const overrides = result.overrides ?? [];
  if (overrides.length > 0) {
    out.push("### Overrides in force", "", ...overrides.map((o) => `- ${inline(o)}`), "");
  }
  if (result.unsetSecrets.length > 0) {
    out.push(
      "### Secrets to set",
      "",
      "Referenced by the stack but not set (placeholders in this plan); set each before `pulumi up`:",
      "",
      "```sh",
      ...result.unsetSecrets.map((key) => `pulumi config set --secret ${key} <value>`),
      "```",
      "",
    );
  }
  if (result.envFiles.length > 0) out.push(...envFilesSection(result));
  const diagram = mermaidDiagram(result.resources);
  const diagramChars = diagram.join("\n").length;
  if (diagramChars > MERMAID_MAX_TEXT) {
    out.push("### Tenant", "", `The diagram is left out: at ${diagramChars.toLocaleString("en-US")} characters it is past Mermaid's ${MERMAID_MAX_TEXT.toLocaleString("en-US")}-character limit, which GitHub does not render.`, "");
  } else if (diagram.length > 0) {
    out.push("### Tenant", "", "```mermaid", ...diagram, "```", "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function resourcesSection(custom: readonly PlannedResource[]): string[] {
  const byType = new Map<string, { count: number; protect: number; retain: number }>();
  for (const resource of custom) {
    const row = byType.get(resource.type) ?? { count: 0, protect: 0, retain: 0 };
    row.count += 1;
    if (resource.protect) row.protect += 1;
    if (resource.retainOnDelete) row.retain += 1;
    byType.set(resource.type, row);
  }
  const lines = ["### Resources", "", "| type | count | protected | retained on delete |", "| --- | ---: | ---: | ---: |"];
  for (const type of [...byType.keys()].sort()) {
    const row = byType.get(type)!;
    lines.push(`| \`${cell(type)}\` | ${row.count} | ${row.protect} | ${row.retain} |`);
  }
  return [...lines, ""];
}

function envFilesSection(result: PlanResult): string[] {
  const lines = ["### Env files", "", "IDs are `placeholder:…` in this plan; secret values are never shown.", ""];
  for (const file of result.envFiles) {
    lines.push(`#### \`${inline(file.name)}\` (${inline(file.kind)}) → \`${inline(file.path)}\``, "", "| variable | value |", "| --- | --- |");
    for (const [name, value] of Object.entries(file.vars)) {
      // The plan has masked every secret already; anything that still says so stays masked.
      const shown = value === SECRET_MASK || value.includes(SECRET_MASK) ? SECRET_MASK : value;
      lines.push(`| \`${cell(name)}\` | ${shown === "" ? "_(empty)_" : `\`${cell(shown)}\``} |`);
    }
    lines.push("");
  }
  return lines;
}

/**
 * `flowchart LR` of the tenant: applications → APIs (granted permissions as edge labels),
 * organizations → connections, triggers → Actions in binding order, connections ⇢ the
 * applications they are enabled for. Empty when the plan declares none of these.
 */
export function mermaidDiagram(resources: readonly PlannedResource[]): string[] {
  const byName = new Map(resources.map((r) => [r.name, r]));
  const ofType = (type: string) => resources.filter((r) => r.type === type);
  const ids = new NodeIds();
  const nodes: string[] = [];
  const edges: string[] = [];
  const node = (resource: PlannedResource, label: string, shape: "box" | "round" | "stadium" | "hex") => {
    const id = ids.of(resource.name);
    const text = `"${mermaidText(label)}"`;
    nodes.push(`  ${id}${shape === "box" ? `[${text}]` : shape === "round" ? `(${text})` : shape === "stadium" ? `([${text}])` : `{{${text}}}`}`);
    return id;
  };
  /** `placeholder:<resource>:<field>` → that resource's node id, when the diagram has it. */
  const refId = (value: unknown): string | undefined => {
    const match = typeof value === "string" ? /^placeholder:(.+):[^:]+$/.exec(value) : null;
    return match && byName.has(match[1]!) ? ids.get(match[1]!) : undefined;
  };
  const label = (r: PlannedResource) => String(r.inputs.name ?? r.name);

  for (const client of ofType(T.client)) node(client, `${label(client)} (${String(client.inputs.appType ?? "app")})`, "box");
  const apiByIdentifier = new Map<string, string>();
  for (const api of ofType(T.resourceServer)) apiByIdentifier.set(String(api.inputs.identifier), node(api, `${label(api)}\n${String(api.inputs.identifier)}`, "hex"));
  for (const role of ofType(T.role)) node(role, `role: ${label(role)}`, "round");
  for (const org of ofType(T.organization)) node(org, `org: ${String(org.inputs.displayName ?? label(org))}`, "round");
  for (const connection of ofType(T.connection)) node(connection, `${label(connection)} (${String(connection.inputs.strategy)})`, "stadium");
  for (const action of ofType(T.action)) node(action, `Action: ${label(action)}`, "box");
  for (const trigger of ofType(T.triggerActions)) node(trigger, `trigger: ${String(trigger.inputs.trigger)}`, "round");
  for (const profile of ofType(T.tokenExchangeProfile)) node(profile, `token exchange: ${label(profile)}`, "round");

  let managementId: string | undefined;
  for (const grant of ofType(T.clientGrant)) {
    const from = refId(grant.inputs.clientId);
    const audience = String(grant.inputs.audience);
    let to = apiByIdentifier.get(audience);
    if (to === undefined && /\/api\/v2\/$/.test(audience)) {
      managementId ??= ids.of("auth0-management-api");
      to = managementId;
    }
    if (from === undefined || to === undefined) continue;
    const scopes = Array.isArray(grant.inputs.scopes) ? (grant.inputs.scopes as unknown[]).map(String) : [];
    edges.push(`  ${from} -- "${mermaidText(scopes.join(", ") || "no permissions")}" --> ${to}`);
  }
  for (const set of ofType(T.rolePermissions)) {
    const role = refId(set.inputs.roleId);
    const byApi = new Map<string, string[]>();
    for (const entry of Array.isArray(set.inputs.permissions) ? (set.inputs.permissions as { name?: unknown; resourceServerIdentifier?: unknown }[]) : []) {
      const api = apiByIdentifier.get(String(entry.resourceServerIdentifier));
      if (api !== undefined) byApi.set(api, [...(byApi.get(api) ?? []), String(entry.name)]);
    }
    for (const [api, names] of byApi) if (role !== undefined) edges.push(`  ${role} -- "${mermaidText(names.join(", "))}" --> ${api}`);
  }
  if (managementId !== undefined) nodes.push(`  ${managementId}{{"Auth0 Management API"}}`);
  for (const binding of ofType(T.organizationConnections)) {
    const org = refId(binding.inputs.organizationId);
    const enabled = Array.isArray(binding.inputs.enabledConnections) ? (binding.inputs.enabledConnections as { connectionId?: unknown }[]) : [];
    for (const entry of enabled) {
      const connection = refId(entry.connectionId);
      if (org !== undefined && connection !== undefined) edges.push(`  ${org} --> ${connection}`);
    }
  }
  for (const trigger of ofType(T.triggerActions)) {
    const from = ids.get(trigger.name)!;
    const bound = Array.isArray(trigger.inputs.actions) ? (trigger.inputs.actions as { id?: unknown }[]) : [];
    bound.forEach((entry, index) => {
      const action = refId(entry.id);
      if (action !== undefined) edges.push(`  ${from} -- "${index + 1}" --> ${action}`);
    });
  }
  for (const profile of ofType(T.tokenExchangeProfile)) {
    const action = refId(profile.inputs.actionId);
    if (action !== undefined) edges.push(`  ${ids.get(profile.name)!} --> ${action}`);
  }
  for (const binding of ofType(T.connectionClients)) {
    const connection = refId(binding.inputs.connectionId);
    const clients = Array.isArray(binding.inputs.enabledClients) ? (binding.inputs.enabledClients as unknown[]) : [];
    for (const client of clients) {
      const app = refId(client);
      if (connection !== undefined && app !== undefined) edges.push(`  ${connection} -.-> ${app}`);
    }
  }
  if (nodes.length === 0) return [];
  return ["flowchart LR", ...nodes, ...edges];
}

/** Mermaid node ids from resource names: letters, digits and underscores, unique. */
class NodeIds {
  private readonly byName = new Map<string, string>();
  private readonly used = new Set<string>();
  of(name: string): string {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    const base = `n_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}_${n}`;
    this.used.add(id);
    this.byName.set(name, id);
    return id;
  }
  get(name: string): string | undefined {
    return this.byName.get(name);
  }
}

/**
 * Text for a quoted Mermaid label: characters Mermaid would parse (quotes, brackets, braces,
 * pipes, angle brackets, `#`, backticks) become entity codes; line breaks become `<br/>`.
 */
export function mermaidText(text: string): string {
  const entities: Record<string, string> = {
    "#": "#35;",
    '"': "#quot;",
    "[": "#91;",
    "]": "#93;",
    "(": "#40;",
    ")": "#41;",
    "{": "#123;",
    "}": "#125;",
    "<": "#lt;",
    ">": "#gt;",
    "|": "#124;",
    "`": "#96;",
  };
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[#"[\](){}<>|`]/g, (c) => entities[c]!))
    .join("<br/>");
}

/** Text inside a Markdown table cell. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, "\\|").replace(/`/g, "'");
}

/** One line of Markdown text. */
function inline(text: string): string {
  return text.replace(/\r?\n/g, " ");
}

import type { DnsRecord } from "../components/customDomain";
import { budgetLine } from "./configBudget";
import { economyLines, economyOf } from "./economy";
import type { PlannedResource } from "./mockRuntime";
import type { PlanResult } from "./run";

/** The `--json` contract of DESIGN.md. */
export function planJson(result: PlanResult): string {
  const resources = result.resources.map(({ type, name, parent, inputs, protect, retainOnDelete, dependsOn }) => ({
    type,
    name,
    parent,
    inputs,
    protect,
    retainOnDelete,
    dependsOn,
  }));
  const envFiles = result.envFiles.map(({ name, kind, path, vars }) => ({ name, kind, path, vars }));
  return `${JSON.stringify({ stack: result.stack, resources, envFiles, outputs: result.outputs }, null, 2)}\n`;
}

/** A tree of every resource `pulumi up` would create, then the stack outputs. */
export function planText(result: PlanResult): string {
  const custom = result.resources.filter((r) => r.custom).length;
  const lines = [`Plan for stack ${result.stack}: ${custom} resources in ${result.resources.length - custom} components`, ""];
  const children = new Map<string | null, PlannedResource[]>();
  for (const resource of result.resources) {
    const siblings = children.get(resource.parent) ?? [];
    siblings.push(resource);
    children.set(resource.parent, siblings);
  }
  const walk = (parent: string | null, prefix: string) => {
    const list = children.get(parent) ?? [];
    list.forEach((resource, index) => {
      const last = index === list.length - 1;
      const flags = [resource.protect ? "protected" : "", resource.retainOnDelete ? "retained on delete" : ""].filter(Boolean);
      lines.push(`${prefix}${last ? "└─ " : "├─ "}+ ${resource.type}  ${resource.name}${flags.length ? `  (${flags.join(", ")})` : ""}`);
      walk(resource.name, `${prefix}${last ? "   " : "│  "}`);
    });
  };
  walk(null, "");
  if (result.warnings.length > 0) {
    lines.push("");
    for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  }
  const records = dnsRecords(result.outputs);
  if (records.length > 0) {
    lines.push("", "DNS records to create for the custom domain (Auth0 verifies them before it serves logins there):");
    for (const record of records) lines.push(`  ${record.type} ${record.name} -> ${record.value}`);
  }
  lines.push("", ...economyLines(economyOf(result.resources), result.planTier));
  lines.push("", budgetLine(result.configBudget));
  if (result.unsetSecrets.length > 0) {
    lines.push("", "Secrets referenced but not set (placeholders in this plan; set each before pulumi up):");
    for (const key of result.unsetSecrets) lines.push(`  pulumi config set --secret ${key} <value>`);
  }
  if (result.envFiles.length > 0) {
    lines.push("", "Env files (placeholders for IDs, [secret] for secrets):");
    for (const file of result.envFiles) lines.push(`  ${file.name} (${file.kind}) → ${file.path}: ${Object.keys(file.vars).length} variables`);
  }
  lines.push("", "Outputs:");
  const { envFiles: _files, ...outputs } = result.outputs as Record<string, unknown>;
  for (const [key, value] of flatten(outputs)) lines.push(`  ${key}: ${value}`);
  return `${lines.join("\n")}\n`;
}

/** The custom domain's verification records from the stack outputs (`customDomain.dnsRecords`). */
function dnsRecords(outputs: unknown): DnsRecord[] {
  const records = (outputs as { customDomain?: { dnsRecords?: unknown } } | null)?.customDomain?.dnsRecords;
  return Array.isArray(records) ? (records as DnsRecord[]) : [];
}

function flatten(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, typeof value === "string" ? value : JSON.stringify(value)]];
}

/**
 * Compares two offline plans of one tenant whose stack keys differ (an adopted stack names things
 * after Auth0's names): resources are paired through the Auth0 objects they import, and inputs are
 * compared with each plan's placeholders translated, "[secret]" matching anything, and Auth0's
 * defaults filled in where one stack leaves a field to Auth0.
 */
import type { PlannedResource } from "../../plan/mockRuntime";

export interface ImportEntry {
  readonly type: string;
  readonly name: string;
  readonly id?: string;
  readonly parent?: string;
}

const SINGLETONS = new Set(
  ["tenant:Tenant", "guardian:Guardian", "attackProtection:AttackProtection", "emailProvider:EmailProvider", "branding:Branding", "prompt:Prompt"].map((type) => `auth0:index/${type}`),
);
const SECRET = "[secret]";
const ACTION = "auth0:index/action:Action";

/** Original resource name → adopted resource name; throws on anything that does not pair one to one. */
export function pairResources(
  original: readonly PlannedResource[],
  adopted: readonly PlannedResource[],
  seeded: ReadonlyMap<string, string>,
  imports: readonly ImportEntry[],
): Map<string, string> {
  const pairs = new Map<string, string>();
  const pair = (from: string, to: string) => {
    const known = pairs.get(from);
    if (known !== undefined && known !== to) throw new Error(`${from} pairs with both ${known} and ${to}`);
    pairs.set(from, to);
  };
  const byName = (plan: readonly PlannedResource[]) => new Map(plan.map((r) => [r.name, r]));
  const originals = byName(original);
  const adopteds = byName(adopted);
  for (const resource of original) {
    if (resource.type.startsWith("auth0kit:") || resource.type.startsWith("random:")) continue;
    const matches = SINGLETONS.has(resource.type)
      ? imports.filter((entry) => entry.type === resource.type)
      : imports.filter((entry) => entry.type === resource.type && entry.id === seeded.get(resource.name));
    if (matches.length !== 1) throw new Error(`${resource.type} ${resource.name} (seeded as ${seeded.get(resource.name)}) has ${matches.length} import entries`);
    pair(resource.name, matches[0]!.name);
  }
  // Components pair through their children, up to the top.
  for (const [from, to] of [...pairs]) {
    let a = originals.get(from)!.parent;
    let b = adopteds.get(to)!.parent;
    while (a !== null && b !== null) {
      pair(a, b);
      a = originals.get(a)!.parent;
      b = adopteds.get(b)!.parent;
    }
    if (a !== b) throw new Error(`${from} and ${to} sit at different depths`);
  }
  // Generated secrets pair through their parent component.
  for (const resource of original.filter((r) => r.type.startsWith("random:") && r.parent !== "generated")) {
    const parent = pairs.get(resource.parent ?? "");
    const match = adopted.filter((r) => r.type === resource.type && r.parent === parent);
    if (match.length !== 1) throw new Error(`${resource.name} has ${match.length} counterparts under ${parent}`);
    pair(resource.name, match[0]!.name);
  }
  return pairs;
}

/**
 * Differences between the paired resources, as lines: nothing paired left over on either side,
 * and equal type, parent, options and inputs.
 */
export function planDifferences(
  original: readonly PlannedResource[],
  adopted: readonly PlannedResource[],
  pairs: ReadonlyMap<string, string>,
  auth0Defaults: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): string[] {
  const differences: string[] = [];
  const adoptedByName = new Map(adopted.map((r) => [r.name, r]));
  const paired = new Set(pairs.values());
  for (const resource of adopted) if (!paired.has(resource.name)) differences.push(`only in the adopted plan: ${resource.type} ${resource.name}`);
  const translate = (value: unknown): unknown => {
    if (typeof value === "string") {
      const match = /^placeholder:(.+):([A-Za-z]+)$/.exec(value);
      return match && pairs.has(match[1]!) ? `placeholder:${pairs.get(match[1]!)}:${match[2]}` : value;
    }
    if (Array.isArray(value)) return value.map(translate);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translate(v)]));
    return value;
  };
  for (const resource of original) {
    const name = pairs.get(resource.name);
    if (name === undefined) {
      differences.push(`only in the original plan: ${resource.type} ${resource.name}`);
      continue;
    }
    const other = adoptedByName.get(name)!;
    const at = `${resource.name} ↔ ${name}`;
    if (other.type !== resource.type) differences.push(`${at}: type ${resource.type} ≠ ${other.type}`);
    if ((resource.parent === null ? null : pairs.get(resource.parent)) !== other.parent) differences.push(`${at}: parent ${resource.parent} ≠ ${other.parent}`);
    if (resource.protect !== other.protect || resource.retainOnDelete !== other.retainOnDelete) differences.push(`${at}: protect/retainOnDelete differ`);
    // An Action depends on what its secrets are taken from; adopted secrets come from config.
    const dependsOn = resource.type === ACTION ? [] : resource.dependsOn.map((d) => pairs.get(d) ?? d).sort();
    const otherDependsOn = other.type === ACTION ? [] : [...other.dependsOn].sort();
    if (JSON.stringify(dependsOn) !== JSON.stringify(otherDependsOn)) differences.push(`${at}: dependsOn ${dependsOn.join(",")} ≠ ${otherDependsOn.join(",")}`);
    const defaults = auth0Defaults[resource.type] ?? {};
    const left = withDefaults(translate(resource.inputs), defaults);
    const right = withDefaults(other.inputs, defaults);
    for (const line of diff(left, right, "")) differences.push(`${at}: ${line}`);
  }
  return differences;
}

/** Fills each `a.b` or `list[].field` path that is absent with Auth0's value. */
function withDefaults(value: unknown, defaults: Readonly<Record<string, unknown>>): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  for (const [path, fallback] of Object.entries(defaults)) fill(copy, path.split("."), fallback);
  return copy;
}

function fill(target: unknown, segments: string[], fallback: unknown): void {
  if (typeof target !== "object" || target === null) return;
  const [head, ...rest] = segments;
  const record = target as Record<string, unknown>;
  if (head!.endsWith("[]")) {
    const items = record[head!.slice(0, -2)];
    if (Array.isArray(items)) for (const item of items) fill(item, rest, fallback);
    return;
  }
  if (rest.length === 0) {
    if (record[head!] === undefined) record[head!] = fallback;
    return;
  }
  fill(record[head!], rest, fallback);
}

function diff(a: unknown, b: unknown, path: string): string[] {
  if (a === SECRET || b === SECRET) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
    return a.flatMap((item, index) => diff(item, b[index], `${path}[${index}]`));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => diff((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
  }
  return a === b ? [] : [`${path}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`];
}

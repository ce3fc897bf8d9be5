/**
 * Makes the adopted config one auth0kit's own loader accepts. A value the schema or its rules
 * refuse is left out (and reported: the first `pulumi up` then sets auth0kit's value); a finding
 * of a production guardrail becomes an explicit override with a reason the user must review —
 * never silently. The loader itself (config/load.ts) has the last word.
 */
import type { SourceReader } from "../config/actionSources";
import { GUARDRAILS } from "../config/guardrails";
import { ConfigError, type ConfigIssue } from "../config/issues";
import { loadSpec, type StackConfig } from "../config/load";
import { checkRules } from "../config/rules";
import type { Override } from "../config/schema/overrides";
import type { Environment } from "../config/schema/tenant";
import type { TenantSpec } from "../config/spec";
import { withPlaceholderSecrets } from "../plan/stackFile";
import type { Finding } from "./findings";

const NAMESPACE = "auth0kit";
const COLLECTIONS = new Set(["apis", "applications", "connections", "organizations", "actions", "logStreams"].map((name) => `${NAMESPACE}:${name}`));
/** Values below the collections whose whole removal leaves one Auth0 object as it is: they stay unmanaged. */
const UNITS = [/^auth0kit:email\.provider$/, /^auth0kit:email\.templates\.[a-z_]+$/, /^auth0kit:login\.branding$/, /^auth0kit:login\.texts\.[a-z-]+\.[A-Za-z-]+$/];
const MAX_ROUNDS = 50;
const LEFT_OUT = " — left out of the stack file, so the first up sets auth0kit's value";

export interface Settled {
  readonly config: Record<string, unknown>;
  readonly spec: TenantSpec;
  /** Guardrail overrides written into the config, each with the finding it covers. */
  readonly overrides: readonly (Override & { readonly finding: string })[];
  /** Values the schema refused, left out: the first up changes them in Auth0. */
  readonly refused: readonly Finding[];
  /** Entries the schema refused as a whole: they stay unmanaged. */
  readonly dropped: readonly Finding[];
}

/** Thrown when the adopted config cannot be made valid by leaving values out (a bug, or auth0:domain). */
export class UnsettledError extends ConfigError {}

export function settle(adopted: Record<string, unknown>, environment: Environment, read: SourceReader): Settled {
  const config = structuredClone(adopted);
  const refused: Finding[] = [];
  const dropped: Finding[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Loaded as dev, the production guardrails stay quiet; they are run below, by name.
    const loaded = tryLoad({ ...config, [`${NAMESPACE}:environment`]: "dev" }, read);
    const issues = "issues" in loaded ? loaded.issues : checkRules({ ...loaded.spec, environment });
    if (issues.length > 0) {
      leaveOut(config, issues, refused, dropped);
      continue;
    }
    const spec = { ...(loaded as { spec: TenantSpec }).spec, environment };
    const overrides = GUARDRAILS.flatMap((guardrail) =>
      guardrail.check(spec).map((finding) => ({
        rule: guardrail.name,
        path: finding.path,
        reason: `Adopted as the tenant was found (npm run adopt), where ${guardrail.name} reports: ${finding.message}. Review it: change the tenant or the stack, or keep this exception with your own reason.`,
        finding: finding.message,
      })),
    );
    const final = overrides.length === 0 ? config : { ...config, [`${NAMESPACE}:overrides`]: overrides.map(({ finding: _finding, ...override }) => override) };
    const checked = tryLoad(final, read);
    if ("issues" in checked) throw new UnsettledError(checked.issues);
    return { config: final, spec: checked.spec, overrides, refused, dropped };
  }
  throw new Error(`internal: the adopted config did not settle in ${MAX_ROUNDS} rounds`);
}

/** Stack config as Pulumi hands it to the program, with placeholders for the secrets it references. */
export function stackConfigOf(config: Record<string, unknown>): StackConfig {
  const values = Object.fromEntries(Object.entries(config).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]));
  return withPlaceholderSecrets({ values, secretKeys: new Set() }, NAMESPACE);
}

function tryLoad(config: Record<string, unknown>, read: SourceReader): { spec: TenantSpec } | { issues: readonly ConfigIssue[] } {
  try {
    return { spec: loadSpec(stackConfigOf(config), {}, read) };
  } catch (error) {
    if (error instanceof ConfigError) return { issues: error.issues };
    throw error;
  }
}

interface Located {
  readonly container: Record<string, unknown> | unknown[];
  readonly key: string | number;
  readonly depth: number;
  readonly path: string;
}

/** Removes the value each issue names (or its deepest part that exists), reporting what went. */
function leaveOut(config: Record<string, unknown>, issues: readonly ConfigIssue[], refused: Finding[], dropped: Finding[]): void {
  const targets = issues.map((issue) => ({ issue, at: locate(config, issue.path) }));
  const fatal = issues.filter((_, index) => {
    const at = targets[index]!.at;
    return at === undefined || at.depth === 0;
  });
  if (fatal.length > 0) throw new UnsettledError(fatal);
  const seen = new Set<string>();
  for (const { issue, at } of targets) {
    const { path } = at!;
    if (seen.has(path)) continue;
    seen.add(path);
    const top = path.slice(0, path.search(/[.[]/) < 0 ? path.length : path.search(/[.[]/));
    if ((at!.depth === 1 && COLLECTIONS.has(top)) || UNITS.some((unit) => unit.test(path))) {
      // A field left out earlier may have been required: the entry goes, for the first reason.
      const earlier = refused.filter((finding) => finding.path.startsWith(`${path}.`) || finding.path.startsWith(`${path}[`));
      for (const finding of earlier) refused.splice(refused.indexOf(finding), 1);
      const reasons = earlier.length > 0 ? earlier.map((finding) => `${finding.path.slice(path.length + 1)}: ${finding.message.split(LEFT_OUT)[0]}`) : [issue.message];
      dropped.push({ path, message: `${reasons.join("; ")} — so it stays unmanaged` });
    } else {
      refused.push({ path: issue.path, message: `${issue.message}${LEFT_OUT}` });
    }
  }
  const located = targets.map((target) => target.at!).filter((at, index, all) => all.findIndex((other) => other.path === at.path) === index);
  for (const at of located.filter((at) => !Array.isArray(at.container))) delete (at.container as Record<string, unknown>)[at.key as string];
  for (const at of located.filter((at) => Array.isArray(at.container)).sort((a, b) => (b.key as number) - (a.key as number))) (at.container as unknown[]).splice(at.key as number, 1);
}

/**
 * The deepest part of a config path that exists. Map keys may hold `.` or `:` (permissions such as
 * `read:mcp:data`), so each step matches the longest key of the map that the path continues with.
 */
function locate(config: Record<string, unknown>, path: string): Located | undefined {
  const startsWithKey = (rest: string, key: string) => rest === key || rest.startsWith(`${key}.`) || rest.startsWith(`${key}[`);
  const top = Object.keys(config).filter((key) => startsWithKey(path, key)).sort((a, b) => b.length - a.length)[0];
  if (top === undefined) return undefined;
  let found: Located = { container: config, key: top, depth: 0, path: top };
  let rest = path.slice(top.length);
  while (rest !== "") {
    const value = (found.container as Record<string, unknown>)[found.key as string];
    let step: { key: string | number; length: number } | undefined;
    const index = /^\[(\d+)\]/.exec(rest);
    if (index !== null && Array.isArray(value) && Number(index[1]) < value.length) step = { key: Number(index[1]), length: index[0].length };
    if (rest.startsWith(".") && typeof value === "object" && value !== null && !Array.isArray(value)) {
      const key = Object.keys(value).filter((k) => startsWithKey(rest.slice(1), k)).sort((a, b) => b.length - a.length)[0];
      if (key !== undefined) step = { key, length: key.length + 1 };
    }
    if (step === undefined) break;
    found = { container: value as Record<string, unknown>, key: step.key, depth: found.depth + 1, path: found.path + rest.slice(0, step.length) };
    rest = rest.slice(step.length);
  }
  return found;
}

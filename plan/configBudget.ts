/**
 * The stack configuration budget. The Node.js language host hands the program the whole stack
 * configuration in one environment variable, `PULUMI_CONFIG`, and Linux caps one environment
 * string at MAX_ARG_STRLEN = 32 pages = 131,072 bytes, "PULUMI_CONFIG=" and the final NUL
 * included: past it, `pulumi preview`/`up` fail before the program starts ("fork/exec …/node:
 * argument list too long"). The plan measures the variable exactly as the host builds it.
 */
import type { ConfigIssue } from "../config/issues";
import { ORGANIZATION_FILES_KEY } from "../config/organizationFiles";
import { pulumiConfigJson } from "./pulumiRunner";

export const PULUMI_CONFIG_LIMIT = 131_072;
/** Past this share of the limit the plan warns, while there is room to move things out. */
export const PULUMI_CONFIG_WARN_SHARE = 0.75;
/**
 * What a secret the plan cannot see (a `secure:` value it does not decrypt, or a referenced key
 * not set here) is counted at when nothing better is known: longer than the client secrets of
 * Okta (40), Entra ID (40) and Google (35), as long as Auth0's own (64).
 */
export const ASSUMED_SECRET_BYTES = 64;

export interface ConfigBudget {
  /** `PULUMI_CONFIG=<json>` and its NUL, in bytes. */
  readonly bytes: number;
  readonly limit: number;
  /** The key that takes the most of it, and its share in bytes (key, value and JSON punctuation). */
  readonly largest: { readonly key: string; readonly bytes: number } | undefined;
  /** Secret keys in the configuration, and the bytes they take. */
  readonly secrets: { readonly count: number; readonly bytes: number };
  /** Secrets counted at an estimate (see `ConfigSizes`). */
  readonly estimatedSecrets: number;
}

/** The configuration to measure: values as the engine would pass them, where the plan knows them. */
export interface ConfigSizes {
  readonly values: Readonly<Record<string, string>>;
  readonly secretKeys: ReadonlySet<string>;
  /**
   * Stand-ins for secret values the plan cannot read, by key: a string as long as the plaintext
   * (a `secure:` value is counted at its ciphertext's length, which is never shorter).
   */
  readonly secretStandIns?: Readonly<Record<string, string>>;
}

export function configBudget(config: ConfigSizes): ConfigBudget {
  const standIns = config.secretStandIns ?? {};
  const values = { ...config.values, ...standIns };
  const bytes = Buffer.byteLength(`PULUMI_CONFIG=${pulumiConfigJson(values)}`) + 1;
  let largest: ConfigBudget["largest"];
  let secretBytes = 0;
  let secretCount = 0;
  for (const key of Object.keys(values).sort()) {
    // Each entry costs its key and value as JSON, a colon and a comma.
    const size = Buffer.byteLength(pulumiConfigJson({ [key]: values[key]! })) - 2 + 1;
    if (config.secretKeys.has(key)) {
      secretBytes += size;
      secretCount += 1;
    } else if (largest === undefined || size > largest.bytes) {
      largest = { key, bytes: size };
    }
  }
  return {
    bytes,
    limit: PULUMI_CONFIG_LIMIT,
    largest,
    secrets: { count: secretCount, bytes: secretBytes },
    estimatedSecrets: Object.keys(standIns).length,
  };
}

const number = (n: number) => n.toLocaleString("en-US");

/** `12,345 of 131,072 bytes (9%)`. */
export function formatBudget(budget: ConfigBudget): string {
  return `${number(budget.bytes)} of ${number(budget.limit)} bytes (${Math.round((budget.bytes / budget.limit) * 100)}%)`;
}

/** The fix for the key that grows. */
function fixFor(key: string): string {
  if (key === "auth0kit:organizations" || key === "auth0kit:connections") {
    return `move organizations and their connections into organization files named by ${ORGANIZATION_FILES_KEY} (docs/scale.md)`;
  }
  return "make it smaller or move what grows out of the stack configuration (docs/scale.md)";
}

/**
 * The budget's finding: an error past the limit, a warning past the safe share, else none. It
 * names the key that takes the most, or the stack file (`stackFile`) when its secret values
 * together take more.
 */
export function budgetFinding(budget: ConfigBudget, stackFile: string): { readonly level: "error" | "warning"; readonly issue: ConfigIssue } | undefined {
  const over = budget.bytes > budget.limit;
  if (!over && budget.bytes <= budget.limit * PULUMI_CONFIG_WARN_SHARE) return undefined;
  const secretsDominate = budget.largest === undefined || budget.secrets.bytes > budget.largest.bytes;
  const path = secretsDominate ? stackFile : budget.largest!.key;
  const share = secretsDominate
    ? `${number(budget.secrets.bytes)} of them are its ${number(budget.secrets.count)} secret values (each costs its full key, its value and 13 bytes)`
    : `${number(budget.largest!.bytes)} of them are this key's`;
  const fix = secretsDominate
    ? "secrets always travel in it, so keep secret key names short and see docs/scale.md for tenants with more secret-bearing connections than fit"
    : fixFor(budget.largest!.key);
  const estimated = budget.estimatedSecrets > 0 ? ` (${number(budget.estimatedSecrets)} secrets the plan cannot read counted at ${ASSUMED_SECRET_BYTES} bytes or their ciphertext's length)` : "";
  const message = over
    ? `the stack configuration the engine passes to the program (PULUMI_CONFIG) is ${formatBudget(budget)}${estimated}, over Linux's limit for one environment variable, so pulumi preview and up would fail with "argument list too long"; ${share}; ${fix}`
    : `the stack configuration the engine passes to the program (PULUMI_CONFIG) is ${formatBudget(budget)}${estimated}, past ${PULUMI_CONFIG_WARN_SHARE * 100}% of Linux's limit for one environment variable; ${share}; ${fix} before it stops pulumi up`;
  return { level: over ? "error" : "warning", issue: { path, message } };
}

/** The line the plan prints; a finding is printed with the warnings. */
export function budgetLine(budget: ConfigBudget): string {
  const state = budget.bytes > budget.limit ? "over the limit" : budget.bytes > budget.limit * PULUMI_CONFIG_WARN_SHARE ? `past the ${PULUMI_CONFIG_WARN_SHARE * 100}% safe share` : "within budget";
  const estimated = budget.estimatedSecrets > 0 ? `; ${number(budget.estimatedSecrets)} secret value${budget.estimatedSecrets === 1 ? "" : "s"} not readable here counted at an estimate` : "";
  return `Stack configuration (PULUMI_CONFIG, one environment variable): ${formatBudget(budget)} of the Linux limit, ${state}${estimated}`;
}

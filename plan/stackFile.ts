import * as fs from "node:fs";
import * as path from "node:path";
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { type ConfigIssue, configPath } from "../config/issues";
import { parseConfigValue, type StackConfig } from "../config/load";
import { projectFileReader, type SourceReader } from "../config/actionSources";
import { ORGANIZATION_FILES_KEY, readOrganizationFiles } from "../config/organizationFiles";
import { collectSecretRefs } from "../config/secrets";
import { SECRET_MASK } from "../env/lines";
import { ASSUMED_SECRET_BYTES } from "./configBudget";

export class StackFileError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n"));
    this.name = "StackFileError";
  }
}

/** What a stack file may hold: auth0kit's `config:`, and the keys Pulumi itself writes there. */
export const STACK_FILE_KEYS = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"] as const;

export interface ProjectFile {
  readonly name: string;
}

/** Reads `Pulumi.yaml`; the plan only runs the auth0kit project. */
export function readProjectFile(projectDir: string): ProjectFile {
  const file = path.join(projectDir, "Pulumi.yaml");
  const doc = readYaml(file, "Pulumi.yaml");
  const name = (doc as { name?: unknown } | null)?.name;
  if (typeof name !== "string" || name === "") {
    throw new StackFileError([{ path: "Pulumi.yaml", message: "has no project name; it must say name: auth0kit" }]);
  }
  return { name };
}

/**
 * Reads a stack file into the shape Pulumi hands a program: keys qualified with their namespace,
 * structured values as JSON text, and `secure:` values replaced by a placeholder and marked secret.
 */
/** A stack's configuration with stand-ins for the secret values the plan does not decrypt (plan/configBudget.ts). */
export type PlanConfig = StackConfig & { readonly secretStandIns?: Readonly<Record<string, string>> };

export function readStackFile(file: string, project: string): PlanConfig {
  const label = path.basename(file);
  if (!fs.existsSync(file)) {
    throw new StackFileError([{ path: label, message: `not found; create it or pass --config <file>` }]);
  }
  const doc = readYaml(file, label, project);
  if (doc === null || doc === undefined) return { values: {}, secretKeys: new Set() };
  if (typeof doc !== "object" || Array.isArray(doc)) {
    throw new StackFileError([{ path: label, message: "must be a map with a config: section" }]);
  }
  const unknown = Object.keys(doc).filter((key) => !(STACK_FILE_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new StackFileError(
      unknown.map((key) => ({
        path: `${label}: ${key}`,
        message: `unknown top-level key; fix the spelling or remove it (a stack file holds config:, and Pulumi's own ${STACK_FILE_KEYS.slice(1).join(", ")})`,
      })),
    );
  }
  const config = (doc as Record<string, unknown>).config ?? {};
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new StackFileError([{ path: `${label}: config`, message: "must be a map of key: value" }]);
  }
  const values: Record<string, string> = {};
  const secretKeys = new Set<string>();
  const secretStandIns: Record<string, string> = {};
  for (const [rawKey, raw] of Object.entries(config as Record<string, unknown>)) {
    const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
    const { value, secret, standIn } = maskSecrets(raw);
    values[key] = typeof value === "string" ? value : JSON.stringify(value);
    if (secret) {
      secretKeys.add(key);
      secretStandIns[key] = typeof standIn === "string" ? standIn : JSON.stringify(standIn);
    }
  }
  return { values, secretKeys, secretStandIns };
}

function readYaml(file: string, label: string, project?: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, "utf8"), { uniqueKeys: true, prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    // Only the first: a syntax error makes the parser misread what follows, so later ones are
    // usually its consequences, and fixing the first is what fixes the file.
    throw new StackFileError(
      doc.errors.slice(0, 1).map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        const key = project === undefined ? undefined : configKeyAt(doc, error.pos[0], project);
        const where = `line ${line}, column ${col}`;
        const what = `${error.message.split("\n")[0]}; fix the YAML syntax`;
        return key === undefined ? { path: label, message: `${where}: ${what}` } : { path: key, message: `${label} ${where}: ${what}` };
      }),
    );
  }
  return doc.toJS();
}

/**
 * The config path of the innermost key whose entry holds `offset` (what the parser could read of
 * a broken file), e.g. `auth0kit:applications.spa`; undefined outside the `config:` section.
 */
function configKeyAt(doc: Document, offset: number, project: string): string | undefined {
  const segments: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const start = (item.key as { range?: number[] } | null)?.range?.[0];
        const end = (item.value as { range?: number[] } | null)?.range?.[1] ?? (item.key as { range?: number[] } | null)?.range?.[1];
        return start !== undefined && end !== undefined && offset >= start && offset <= end;
      });
      if (pair && isScalar(pair.key)) {
        segments.push(String(pair.key.value));
        next = pair.value;
      }
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => {
        const range = (item as { range?: number[] } | null)?.range;
        return range !== undefined && offset >= range[0]! && offset <= range[1]!;
      });
      if (index >= 0) {
        segments.push(index);
        next = node.items[index];
      }
    }
    if (next === undefined) break;
    node = next;
  }
  if (segments[0] !== "config" || typeof segments[1] !== "string") return undefined;
  const [, key, ...rest] = segments;
  return configPath(key.includes(":") ? key : `${project}:${key}`, ...rest);
}

/**
 * Pulumi marks a whole key secret when any value inside it is `secure:`. `standIn` is the value
 * with each ciphertext replaced by as many characters: the plaintext the engine passes is never
 * longer, so the configuration budget counts it at that.
 */
function maskSecrets(value: unknown): { value: unknown; secret: boolean; standIn: unknown } {
  if (isSecure(value)) return { value: SECRET_MASK, secret: true, standIn: "x".repeat((value as { secure: string }).secure.length) };
  if (Array.isArray(value)) {
    const items = value.map(maskSecrets);
    return { value: items.map((item) => item.value), secret: items.some((item) => item.secret), standIn: items.map((item) => item.standIn) };
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => [k, maskSecrets(v)] as const);
    return {
      value: Object.fromEntries(entries.map(([k, masked]) => [k, masked.value])),
      secret: entries.some(([, masked]) => masked.secret),
      standIn: Object.fromEntries(entries.map(([k, masked]) => [k, masked.standIn])),
    };
  }
  return { value, secret: false, standIn: value };
}

function isSecure(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { secure?: unknown }).secure === "string"
  );
}

/**
 * Secret values live in each operator's encrypted stack config, not in the repository, so the
 * plan stands in a secret placeholder for every referenced secret key that is not set — exactly
 * as it does for `secure:` values it cannot decrypt — and reports them. A plain-text value is
 * left alone, for validation to reject.
 */
export function withPlaceholderSecrets(
  config: PlanConfig,
  project: string,
  read: SourceReader = projectFileReader(),
): PlanConfig & { unsetSecrets: string[] } {
  const listing = config.values[ORGANIZATION_FILES_KEY];
  const refs = Object.entries(config.values)
    .filter(([key]) => key.startsWith(`${project}:`))
    .flatMap(([key, text]) => collectSecretRefs(key, parseConfigValue(text)))
    // Secrets the organization files reference are set in the stack file too.
    .concat(listing === undefined ? [] : readOrganizationFiles(parseConfigValue(listing), read).secretRefs);
  const unsetSecrets = [...new Set(refs.map((ref) => `${project}:${ref.key}`))].filter((key) => config.values[key] === undefined).sort();
  const values = { ...config.values };
  const secretStandIns = { ...config.secretStandIns };
  for (const key of unsetSecrets) {
    values[key] = SECRET_MASK; // the plan never decrypts anything
    secretStandIns[key] = "x".repeat(ASSUMED_SECRET_BYTES);
  }
  return { values, secretKeys: new Set([...config.secretKeys, ...unsetSecrets]), secretStandIns, unsetSecrets };
}

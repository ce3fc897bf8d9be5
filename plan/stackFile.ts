import * as fs from "node:fs";
import * as path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { ConfigIssue } from "../config/issues";
import { parseConfigValue, type StackConfig } from "../config/load";
import { collectSecretRefs } from "../config/secrets";
import { SECRET_MASK } from "../env/lines";

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
export function readStackFile(file: string, project: string): StackConfig {
  const label = path.basename(file);
  if (!fs.existsSync(file)) {
    throw new StackFileError([{ path: label, message: `not found; create it or pass --config <file>` }]);
  }
  const doc = readYaml(file, label);
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
  for (const [rawKey, raw] of Object.entries(config as Record<string, unknown>)) {
    const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
    const { value, secret } = maskSecrets(raw);
    values[key] = typeof value === "string" ? value : JSON.stringify(value);
    if (secret) secretKeys.add(key);
  }
  return { values, secretKeys };
}

function readYaml(file: string, label: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, "utf8"), { uniqueKeys: true, prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    throw new StackFileError(
      doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { path: label, message: `line ${line}, column ${col}: ${error.message.split("\n")[0]}; fix the YAML syntax` };
      }),
    );
  }
  return doc.toJS();
}

/** Pulumi marks a whole key secret when any value inside it is `secure:`. */
function maskSecrets(value: unknown): { value: unknown; secret: boolean } {
  if (isSecure(value)) return { value: SECRET_MASK, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(maskSecrets);
    return { value: items.map((item) => item.value), secret: items.some((item) => item.secret) };
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => [k, maskSecrets(v)] as const);
    return {
      value: Object.fromEntries(entries.map(([k, masked]) => [k, masked.value])),
      secret: entries.some(([, masked]) => masked.secret),
    };
  }
  return { value, secret: false };
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
export function withPlaceholderSecrets(config: StackConfig, project: string): StackConfig & { unsetSecrets: string[] } {
  const refs = Object.entries(config.values)
    .filter(([key]) => key.startsWith(`${project}:`))
    .flatMap(([key, text]) => collectSecretRefs(key, parseConfigValue(text)));
  const unsetSecrets = [...new Set(refs.map((ref) => `${project}:${ref.key}`))].filter((key) => config.values[key] === undefined).sort();
  const values = { ...config.values };
  for (const key of unsetSecrets) values[key] = SECRET_MASK; // the plan never decrypts anything
  return { values, secretKeys: new Set([...config.secretKeys, ...unsetSecrets]), unsetSecrets };
}

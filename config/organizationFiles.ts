/**
 * Organization files: a B2B tenant's customers — organizations and their connections — in YAML
 * files the stack file names (`auth0kit:organizationFiles`), read from the project like Action
 * sources. The engine hands a program its whole stack configuration in one environment variable,
 * which Linux caps at 128 KiB; what grows with the number of customers lives here instead.
 */
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { SourceReader } from "./actionSources";
import { type ConfigIssue, configPath } from "./issues";
import { collectSecretRefs } from "./secrets";
import type { ConnectionConfig } from "./schema/connections";
import { organizationFileSchema, organizationFilesSchema } from "./schema/organizationFiles";
import type { OrganizationConfig } from "./schema/organizations";
import { describeIssue, toConfigIssues } from "./zodIssues";

export const ORGANIZATION_FILES_KEY = "auth0kit:organizationFiles";

/** The two stack keys an organization file adds entries to, by the file's own section name. */
const SECTIONS = { organizations: "auth0kit:organizations", connections: "auth0kit:connections" } as const;
type Section = keyof typeof SECTIONS;

export interface OrganizationFiles {
  readonly organizations: Record<string, OrganizationConfig>;
  readonly connections: Record<string, ConnectionConfig>;
  /** Where each entry was read, by its stack path: `auth0kit:organizations.acme` → `customers/acme.yaml:organizations.acme`. */
  readonly origins: ReadonlyMap<string, string>;
  /** Every `{ secret: <key> }` in the files, located in its file. */
  readonly secretRefs: ReturnType<typeof collectSecretRefs>;
  /** Project-relative paths of the files read, in reading order. */
  readonly files: readonly string[];
  readonly issues: ConfigIssue[];
}

/** `customers/acme.yaml:organizations.acme.displayName`: the file, then the path inside it. */
export function filePath(file: string, ...segments: readonly (string | number)[]): string {
  return segments.length === 0 ? file : `${file}:${configPath("", ...segments).replace(/^\./, "")}`;
}

/**
 * Reads every organization file `auth0kit:organizationFiles` names (`listing` is that key's value,
 * parsed) and validates each with the stack keys' own schemas. Keys are unique across the files;
 * clashes with the stack file's own maps are checked by `mergeOrganizationFiles`.
 */
export function readOrganizationFiles(listing: unknown, read: SourceReader): OrganizationFiles {
  const result: OrganizationFiles = { organizations: {}, connections: {}, origins: new Map(), secretRefs: [], files: [], issues: [] };
  if (listing === undefined) return result;
  const parsed = organizationFilesSchema.safeParse(listing, { error: describeIssue });
  if (!parsed.success) return { ...result, issues: toConfigIssues(ORGANIZATION_FILES_KEY, parsed.error) };
  const files = expandListing(parsed.data, read, result.issues);
  for (const file of files) {
    const text = read(file);
    const content = text === undefined ? undefined : readFile(file, text, result.issues);
    if (content === undefined) continue;
    (result.files as string[]).push(file);
    for (const section of Object.keys(SECTIONS) as Section[]) {
      const target: Record<string, unknown> = result[section];
      for (const [key, value] of Object.entries(content[section])) {
        const origin = filePath(file, section, key);
        const stackPath = configPath(SECTIONS[section], key);
        const first = result.origins.get(stackPath);
        if (first !== undefined) {
          result.issues.push({ path: origin, message: `"${key}" is already defined in ${first}; ${section} keys are unique across the stack file and its organization files` });
          continue;
        }
        target[key] = value;
        (result.origins as Map<string, string>).set(stackPath, origin);
      }
    }
    result.secretRefs.push(...collectSecretRefs(filePath(file, "connections"), content.connections));
  }
  return result;
}

/** The files an `auth0kit:organizationFiles` listing names: files as given, directories' `.yaml` files sorted. */
function expandListing(entries: readonly string[], read: SourceReader, issues: ConfigIssue[]): string[] {
  const files: string[] = [];
  const listedAt = new Map<string, string>();
  const add = (file: string, at: string) => {
    const first = listedAt.get(file);
    if (first !== undefined) issues.push({ path: at, message: `${file} is already read through ${first}; list each file once` });
    else (listedAt.set(file, at), files.push(file));
  };
  entries.forEach((entry, index) => {
    const at = configPath(ORGANIZATION_FILES_KEY, index);
    const name = entry.replace(/\/$/, "");
    if (!entry.endsWith("/") && read(name) !== undefined) {
      if (isYaml(name)) add(name, at);
      else issues.push({ path: at, message: `${name} is not a .yaml file; organization files are YAML (customers/acme.yaml)` });
      return;
    }
    const listed = read.list?.(name);
    if (listed === undefined) {
      issues.push({ path: at, message: `${entry} does not exist; create it or fix the path (relative to the project root)` });
      return;
    }
    const yamlFiles = listed.filter((child) => isYaml(child));
    for (const other of listed.filter((child) => !isYaml(child))) {
      issues.push({ path: at, message: `${name}/${other} is not a .yaml organization file; move it out of ${name}/, which holds organization files only` });
    }
    if (yamlFiles.length === 0 && listed.length === 0) issues.push({ path: at, message: `${name}/ has no .yaml files; add organization files or remove the entry` });
    for (const child of yamlFiles) add(`${name}/${child}`, at);
  });
  return files;
}

function isYaml(name: string): boolean {
  return /\.ya?ml$/.test(name) && !name.endsWith("/");
}

/** One file's validated content, or undefined after reporting its problems. */
function readFile(file: string, text: string, issues: ConfigIssue[]): z.output<typeof organizationFileSchema> | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      issues.push({ path: file, message: `line ${line}, column ${col}: ${error.message.split("\n")[0]}; fix the YAML syntax` });
    }
    return undefined;
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) {
    issues.push({ path: file, message: "is empty; add organizations: and connections:, or remove the file" });
    return undefined;
  }
  const parsed = organizationFileSchema.safeParse(value, { error: describeIssue });
  if (!parsed.success) {
    issues.push(...toConfigIssues(file, parsed.error).map((issue) => ({ ...issue, path: issue.path.replace(`${file}.`, `${file}:`) })));
    return undefined;
  }
  if (Object.keys(parsed.data.organizations).length === 0 && Object.keys(parsed.data.connections).length === 0) {
    issues.push({ path: file, message: "declares no organizations or connections; add them or remove the file" });
    return undefined;
  }
  return parsed.data;
}

/**
 * The stack file's organizations and connections with the files' added; a key defined in both
 * is a problem at the file's entry.
 */
export function mergeOrganizationFiles<O, C>(
  stack: { readonly organizations: Readonly<Record<string, O>>; readonly connections: Readonly<Record<string, C>> },
  files: OrganizationFiles,
): { organizations: Record<string, O>; connections: Record<string, C>; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const merged = { organizations: { ...stack.organizations }, connections: { ...stack.connections } };
  for (const section of Object.keys(SECTIONS) as Section[]) {
    const target: Record<string, unknown> = merged[section];
    for (const [key, value] of Object.entries(files[section])) {
      if (Object.hasOwn(target, key)) {
        const stackPath = configPath(SECTIONS[section], key);
        issues.push({ path: files.origins.get(stackPath)!, message: `"${key}" is already defined in the stack file (${stackPath}); ${section} keys are unique across the stack file and its organization files` });
        continue;
      }
      target[key] = value;
    }
  }
  return { ...merged, issues };
}

/**
 * Moves an issue found on the merged spec (`auth0kit:organizations.acme.connections.x`) to the
 * file its entry was read from (`customers/acme.yaml:organizations.acme.connections.x`).
 */
export function locateInFiles(issue: ConfigIssue, origins: ReadonlyMap<string, string>): ConfigIssue {
  if (origins.size === 0) return issue;
  for (const root of Object.values(SECTIONS)) {
    if (!issue.path.startsWith(`${root}.`)) continue;
    const rest = issue.path.slice(root.length + 1);
    const end = rest.search(/[.[]/);
    const key = end < 0 ? rest : rest.slice(0, end);
    const origin = origins.get(`${root}.${key}`);
    return origin === undefined ? issue : { ...issue, path: origin + rest.slice(key.length) };
  }
  return issue;
}

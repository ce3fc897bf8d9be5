/**
 * What differs between two environments' validated specs, concern by concern, for promotion
 * reviews (`npm run compare -- dev prod`). Pure: TenantSpec in, differences out.
 *
 * Values are compared as the program uses them (defaults applied, durations in seconds). Lists
 * that are sets in Auth0 (callbacks, permissions, scopes, connections, variable names) are
 * compared as sets, so reordering one is never a difference; the few ordered lists (the tenant's
 * locales: the first is the default) are compared in order.
 */
import * as crypto from "node:crypto";
import { configPath } from "../config/issues";
import type { TenantSpec } from "../config/spec";

export interface Change {
  readonly path: string;
  readonly a: string;
  readonly b: string;
}

export interface ConcernDiff {
  readonly concern: string;
  /** What A has that B lacks: a config path, or `<config path>: <value>` for a value or list item. */
  readonly onlyA: readonly string[];
  readonly onlyB: readonly string[];
  readonly changed: readonly Change[];
}

interface Concern {
  readonly title: string;
  /** Config roots and the spec's value under each. */
  readonly roots: (spec: TenantSpec) => readonly (readonly [string, unknown])[];
}

const NS = "auth0kit";

/** Lists whose order matters in Auth0; every other list is a set. */
const ORDERED_LISTS = new Set([`${NS}:tenant.enabledLocales`]);

export const CONCERNS: readonly Concern[] = [
  { title: "Environment and tenant", roots: (s) => [[`${NS}:environment`, s.environment], ["auth0:domain", s.domain], [`${NS}:tenant`, s.tenant]] },
  { title: "APIs and permissions", roots: (s) => [[`${NS}:apis`, withoutKeys(s.apis)]] },
  { title: "Applications", roots: (s) => [[`${NS}:applications`, withoutKeys(s.applications)]] },
  { title: "Connections", roots: (s) => [[`${NS}:connections`, withoutKeys(s.connections)]] },
  { title: "Organizations", roots: (s) => [[`${NS}:organizations`, withoutKeys(s.organizations)]] },
  { title: "Roles", roots: (s) => [[`${NS}:roles`, withoutKeys(s.roles)]] },
  {
    title: "Actions",
    roots: (s) => [
      [
        `${NS}:actions`,
        mapValues(s.actions, ({ key: _key, code, ...action }) => ({ ...action, code: digest(code) })),
      ],
    ],
  },
  {
    title: "Email",
    roots: (s) => [
      [
        `${NS}:email`,
        s.email && {
          ...s.email,
          templates: Object.fromEntries(Object.values(s.email.templates).map(({ name, body, ...template }) => [name, { ...template, body: digest(body) }])),
        },
      ],
    ],
  },
  { title: "Login experience", roots: (s) => [[`${NS}:login`, s.login]] },
  { title: "Log streams", roots: (s) => [[`${NS}:logStreams`, withoutKeys(s.logStreams)]] },
  { title: "MFA", roots: (s) => [[`${NS}:mfa`, s.mfa]] },
  { title: "Attack protection", roots: (s) => [[`${NS}:attackProtection`, s.attackProtection]] },
  { title: "Generated secrets", roots: (s) => [[`${NS}:generatedSecrets`, s.generatedSecrets]] },
  { title: "Rollout", roots: (s) => [[`${NS}:rollout`, s.rollout]] },
  {
    title: "Env files (variable names)",
    roots: (s) => [
      [
        `${NS}:envFiles`,
        mapValues(s.envFiles, (file) => ({
          kind: file.kind,
          path: file.path,
          vars: file.lines.flatMap((line) => ("name" in line ? [line.name] : [])),
        })),
      ],
    ],
  },
];

/** Every concern, in a fixed order, with what A has that B lacks, the reverse, and changed values. */
export function compareSpecs(a: TenantSpec, b: TenantSpec): ConcernDiff[] {
  return CONCERNS.map((concern) => {
    const diff = { concern: concern.title, onlyA: [] as string[], onlyB: [] as string[], changed: [] as Change[] };
    const rootsB = new Map(concern.roots(b));
    for (const [root, valueA] of concern.roots(a)) diffValue(root, valueA, rootsB.get(root), diff);
    return diff;
  });
}

function diffValue(path: string, a: unknown, b: unknown, out: { onlyA: string[]; onlyB: string[]; changed: Change[] }): void {
  if (a === undefined && b === undefined) return;
  if (b === undefined) return void out.onlyA.push(entry(path, a));
  if (a === undefined) return void out.onlyB.push(entry(path, b));
  if (isMap(a) && isMap(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) diffValue(configPath(path, key), a[key], b[key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && !ORDERED_LISTS.has(path)) {
    const itemsA = new Map(a.map((item) => [canonical(item), item]));
    const itemsB = new Map(b.map((item) => [canonical(item), item]));
    for (const [text, item] of [...itemsA].sort()) if (!itemsB.has(text)) out.onlyA.push(`${path}: ${show(item)}`);
    for (const [text, item] of [...itemsB].sort()) if (!itemsA.has(text)) out.onlyB.push(`${path}: ${show(item)}`);
    return;
  }
  if (canonical(a) !== canonical(b)) out.changed.push({ path, a: show(a), b: show(b) });
}

/** A path alone for a whole entry (an object); `path: value` for a value or a list. */
function entry(path: string, value: unknown): string {
  return isMap(value) ? path : `${path}: ${show(value)}`;
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  return canonical(value);
}

/** JSON with object keys sorted, so equal values always compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isMap(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A file's text as a short digest: compared, never printed. */
function digest(text: string): string {
  return `sha256:${crypto.createHash("sha256").update(text).digest("hex").slice(0, 12)}`;
}

function withoutKeys<T extends { readonly key: string }>(record: Readonly<Record<string, T>>): Record<string, Omit<T, "key">> {
  return mapValues(record, ({ key: _key, ...rest }) => rest);
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/** The comparison as Markdown-friendly text, to paste into a promotion review. */
export function renderComparison(labelA: string, labelB: string, diffs: readonly ConcernDiff[]): string {
  const count = diffs.reduce((n, d) => n + d.onlyA.length + d.onlyB.length + d.changed.length, 0);
  const lines = [`Comparing ${labelA} with ${labelB}: ${count === 0 ? "no differences" : `${count} difference${count === 1 ? "" : "s"}`}`];
  for (const diff of diffs) {
    lines.push("", `### ${diff.concern}`);
    if (diff.onlyA.length + diff.onlyB.length + diff.changed.length === 0) {
      lines.push("", "no differences");
      continue;
    }
    if (diff.onlyA.length > 0) lines.push("", `only in ${labelA}:`, ...diff.onlyA.map((e) => `- ${e}`));
    if (diff.onlyB.length > 0) lines.push("", `only in ${labelB}:`, ...diff.onlyB.map((e) => `- ${e}`));
    if (diff.changed.length > 0) lines.push("", `changed (${labelA} → ${labelB}):`, ...diff.changed.map((c) => `- ${c.path}: ${c.a} → ${c.b}`));
  }
  return `${lines.join("\n")}\n`;
}

import { type ConfigIssue, configPath, echo } from "../issues";
import type { TenantSpec } from "../spec";

/** One kind of entity whose name identifies it to a person: the field it is set in and how to speak of it. */
interface NamedKind {
  readonly root: string;
  readonly one: string;
  readonly field: string;
  /** Each entry's key and display name; entries without one (it defaults to Auth0's) are left out. */
  readonly names: (spec: TenantSpec) => [key: string, name: string][];
}

const KINDS: readonly NamedKind[] = [
  { root: "auth0kit:applications", one: "application", field: "name", names: (spec) => Object.values(spec.applications).map((app) => [app.key, app.name]) },
  { root: "auth0kit:apis", one: "API", field: "name", names: (spec) => Object.values(spec.apis).map((api) => [api.key, api.name]) },
  { root: "auth0kit:logStreams", one: "log stream", field: "name", names: (spec) => Object.values(spec.logStreams).map((stream) => [stream.key, stream.name]) },
  {
    root: "auth0kit:connections",
    one: "connection",
    field: "displayName",
    names: (spec) => Object.values(spec.connections).flatMap((c) => (c.displayName === undefined ? [] : [[c.key, c.displayName] as [string, string]])),
  },
  {
    root: "auth0kit:organizations",
    one: "organization",
    field: "displayName",
    names: (spec) => Object.values(spec.organizations).flatMap((o) => (o.displayName === undefined ? [] : [[o.key, o.displayName] as [string, string]])),
  },
];

/**
 * Each entry whose name repeats an earlier one (in key order), compared without case or
 * surrounding spaces, with the key of the entry that has it first.
 */
export function repeatedNames(entries: readonly [key: string, name: string][]): { key: string; name: string; first: string }[] {
  const seen = new Map<string, string>();
  const repeated: { key: string; name: string; first: string }[] = [];
  for (const [key, name] of entries) {
    const id = name.trim().toLowerCase();
    const first = seen.get(id);
    if (first === undefined) seen.set(id, key);
    else repeated.push({ key, name, first });
  }
  return repeated;
}

/**
 * Names that identify an entity to a person are unique per kind: Auth0 tolerates two applications
 * called "Backend", but an operator in the Dashboard and tools that match by name (the Deploy CLI
 * matches clients by name) cannot tell them apart.
 */
export function uniqueDisplayNames(spec: TenantSpec): ConfigIssue[] {
  return KINDS.flatMap((kind) =>
    repeatedNames(kind.names(spec)).map(({ key, name, first }) => ({
      path: configPath(kind.root, key, kind.field),
      message: `${echo(name)} is also the ${kind.field === "name" ? "name" : "display name"} of ${kind.one} "${first}"; give each ${kind.one} its own, so people and tools can tell them apart`,
    })),
  );
}
